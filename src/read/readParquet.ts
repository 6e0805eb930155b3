import { DuckDBInstance } from '@duckdb/node-api';
import type { Cell, RawTable } from './rawTable.js';

const toCell = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
};

/** Reads a Parquet file through an in-memory DuckDB; the path is a bound parameter. */
export async function readParquet(file: string): Promise<RawTable> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($path)', { path: file });
    const headers = reader.columnNames();
    const rows = reader.getRowsJS().map((cells, i) => ({ row: i + 1, cells: cells.map(toCell) }));
    return { file, headers, rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
