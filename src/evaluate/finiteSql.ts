import type { Sql } from '../model/sql.js';
import { sql } from '../model/sql.js';

/**
 * A DOUBLE expression that is null where `expression` is Infinity, -Infinity or NaN
 * (DuckDB 1.5 overflows to Infinity rather than failing). The value is bound
 * to a lambda's parameter through a one-element list, so `expression` appears once:
 * `CASE WHEN isfinite(x) THEN x END` and NULLIF both copy their operand in
 * DuckDB's plan, and guards nested inside guards would then grow the plan
 * exponentially (sixteen nested NULLIFs take minutes to bind).
 */
export const finiteOrNull = (expression: Sql): Sql => sql`list_transform([${expression}], v -> CASE WHEN isfinite(v) THEN v END)[1]`;
