import { relative, sep } from 'node:path';
import { z } from 'zod';
import { sql } from '../../model/sql.js';
import type { Store } from '../../store/store.js';
import { decodeRow } from '../../store/decodeRow.js';

/** One column of an exported file, with DuckDB's name for its type. */
export interface WarehouseColumn {
  readonly name: string;
  readonly type: string;
}

/** One entry of an export: a Parquet file, or the results folder of partitions. */
export interface WarehouseFile {
  /** The table: `results`, `regions`, `indicators`, … (the view `warehouse.<name>` in the database has the same rows). */
  readonly name: string;
  /** Relative to the export folder, `/`-separated: `regions.parquet`, or `results/` for the partitions. */
  readonly path: string;
  readonly rows: number;
  readonly columns: readonly WarehouseColumn[];
  /** The results only: the Hive partition keys, outermost first, and each file with its rows. */
  readonly partitionedBy?: readonly string[];
  readonly parts?: readonly { readonly path: string; readonly rows: number }[];
}

/**
 * `manifest.json` of an export (docs/bi-tools.md): which run of which
 * database it holds, made when and by which engine, and every file with
 * its rows and columns. `version` changes only when a file or column is
 * renamed or removed; columns and files may be added within a version.
 */
export interface WarehouseManifest {
  readonly format: 'kpi-warehouse';
  readonly version: 1;
  readonly runId: number;
  /** When the run was made, ISO 8601 UTC. */
  readonly runAt: string;
  /** When this export was made, ISO 8601 UTC. */
  readonly createdAt: string;
  readonly engineVersion: string;
  /** The database it was exported from (absolute). */
  readonly database: string;
  readonly files: readonly WarehouseFile[];
}

const columnRow = z.object({ column_name: z.string(), column_type: z.string() });
const partRow = z.object({ file: z.string(), rows: z.number() });

const posix = (path: string): string => path.split(sep).join('/');

/** The columns and row count of Parquet files, as DuckDB reads them back (the folder names are not read as columns). */
export async function describeParquet(store: Store, files: string): Promise<{ columns: WarehouseColumn[]; rows: number; parts: { file: string; rows: number }[] }> {
  const source = sql`read_parquet($files, hive_partitioning = false, filename = 'kpi_file')`;
  const columns = (await store.all(sql`DESCRIBE SELECT * EXCLUDE (kpi_file) FROM ${source}`, { files })).map((row) => {
    const c = decodeRow(columnRow, row, files);
    return { name: c.column_name, type: c.column_type };
  });
  const parts = (await store.all(sql`SELECT kpi_file AS file, count(*) AS rows FROM ${source} GROUP BY kpi_file ORDER BY kpi_file`, { files })).map((row) => decodeRow(partRow, row, files));
  return { columns, rows: parts.reduce((n, p) => n + p.rows, 0), parts };
}

/** `path` relative to the export folder, as the manifest names it. */
export const manifestPath = (folder: string, path: string): string => posix(relative(folder, path));
