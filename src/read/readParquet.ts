import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbSettings } from '../model/duckdbSettings.js';
import type { Cell, RawTable } from './rawTable.js';
import { judgingAsync } from './unreadableFileError.js';

/** JSON text of a nested value; DuckDB gives big integers as bigint, which JSON cannot hold as such. */
const jsonText = (v: unknown): string => JSON.stringify(v, (_key, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));

/**
 * A Parquet value as a cell. A list or struct is kept as its JSON text
 * (`[1,234]`), never flattened by `String()` into `1,234`, which would read
 * as the number 1234: the check then refuses it as not a number, located.
 */
const toCell = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || v instanceof Map) return jsonText(v instanceof Map ? Object.fromEntries(v) : v);
  // BLOB and BIT come as bytes: a list too, so `[1,234]`, never `String()`'s `1,234`.
  if (v instanceof Uint8Array) return jsonText(Array.from(v));
  return jsonText(v);
};

/** Reads a Parquet file through an in-memory DuckDB; the path is a bound parameter. */
export async function readParquet(file: string): Promise<RawTable> {
  const instance = await DuckDBInstance.create(':memory:', duckdbSettings());
  const connection = await instance.connect();
  try {
    const reader = await judgingAsync(file, () => connection.runAndReadAll('SELECT * FROM read_parquet($path)', { path: file }));
    const headers = reader.columnNames();
    const rows = reader.getRowsJS().map((cells, i) => ({ row: i + 1, cells: cells.map(toCell) }));
    return { file, headers, rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
