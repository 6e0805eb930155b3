import { extname } from 'node:path';
import type { RawTable } from './rawTable.js';
import { readCsv } from './readCsv.js';
import { readJson } from './readJson.js';
import type { ReadOptions } from './readOptions.js';
import { readParquet } from './readParquet.js';
import { readXlsx } from './readXlsx.js';

export const tableFormats = ['csv', 'xlsx', 'json', 'parquet'] as const;
export type TableFormat = (typeof tableFormats)[number];

/** A reader takes the path and, where it can use them, the bytes already read (Parquet is read by path) and the read options. */
const readers: Record<TableFormat, (file: string, bytes?: Uint8Array, options?: ReadOptions) => Promise<RawTable>> = {
  csv: readCsv,
  xlsx: readXlsx,
  json: readJson,
  parquet: readParquet,
};

/** The format a file name says, or undefined for a file the engine does not read. */
export function formatOf(file: string): TableFormat | undefined {
  const ext = extname(file).slice(1).toLowerCase();
  return (tableFormats as readonly string[]).includes(ext) ? (ext as TableFormat) : undefined;
}

export function readTable(file: string, format: TableFormat, bytes?: Uint8Array, options: ReadOptions = {}): Promise<RawTable> {
  return readers[format](file, bytes, options);
}
