import { dirname, join } from 'node:path';

/** Where a command looks for the database when `--db` is not given: in `out`, then beside it. */
export const defaultDatabases = (out: string): string[] => [join(out, 'kpi.duckdb'), join(dirname(out), 'kpi.duckdb')];
