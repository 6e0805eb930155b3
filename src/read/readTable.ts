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

/** File extensions and the reader of each: every workbook kind SheetJS reads goes through the workbook reader. */
const formatOfExtension: Readonly<Record<string, TableFormat>> = { csv: 'csv', json: 'json', parquet: 'parquet', xlsx: 'xlsx', xls: 'xlsx', et: 'xlsx', ods: 'xlsx' };

/** The format a file name says (`.xls`, `.et` and `.ods` are workbooks, read as `xlsx`), or undefined for a file the engine does not read. */
export function formatOf(file: string): TableFormat | undefined {
  const ext = extname(file).slice(1).toLowerCase();
  return Object.hasOwn(formatOfExtension, ext) ? formatOfExtension[ext] : undefined;
}

export function readTable(file: string, format: TableFormat, bytes?: Uint8Array, options: ReadOptions = {}): Promise<RawTable> {
  return readers[format](file, bytes, options);
}
