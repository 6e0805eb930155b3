import type { DuckDBConnection } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { duckdbSettings } from '../model/duckdbSettings.js';
import type { Sql } from '../model/sql.js';
import { ident, joinSql, literal, sql } from '../model/sql.js';
import type { RawTable } from './rawTable.js';
import { cellText } from './rawTable.js';
import { judgingAsync } from './unreadableFileError.js';

/**
 * Firm-level files are read by DuckDB's own readers into a temp table
 * `staged ("row" INTEGER, c0 … cN VARCHAR)` of an in-memory DuckDB: every cell
 * as text, `row` the number a user sees (CSV: the record's row as Excel shows
 * it, header = row 1; Parquet: the 1-based record, as the small-file reader
 * numbers it). The check phase then judges the cells in SQL; no row is parsed
 * in JavaScript.
 */
export const STAGED = 'staged';

/** Runs `use` on a fresh one-thread in-memory DuckDB (one thread keeps a file's rows in order), closed afterwards. */
export async function withStagingDatabase<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { ...duckdbSettings(), threads: '1', temp_directory: join(tmpdir(), `kpi-staging-${process.pid}`) });
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const cellColumn = (i: number): Sql => ident(`c${i}`);

/** The header cells of a CSV's first line, read as UTF-8 with the BOM dropped; a header is one line. */
export function csvHeaderLine(bytes: Uint8Array): string[] {
  const end = bytes.indexOf(0x0a);
  const line = new TextDecoder('utf-8').decode(bytes.subarray(0, end === -1 ? bytes.length : end)).replace(/\r$/, '');
  try {
    const records: string[][] = parse(line, { bom: true, relax_column_count: true, relax_quotes: true });
    const [record] = records;
    return record ?? [];
  } catch {
    return [];
  }
}

/** The column names of a Parquet file. */
export async function parquetColumns(connection: DuckDBConnection, file: string): Promise<string[]> {
  const reader = await judgingAsync(file, () => connection.runAndReadAll('SELECT * FROM read_parquet($path) LIMIT 0', { path: file }));
  return reader.columnNames();
}

/**
 * Stages a UTF-8 CSV by `read_csv` with explicit types: `width` VARCHAR columns,
 * the header line skipped, short rows padded with nulls, cells past the header
 * ignored (as the small-file reader does). `parallel = false` on a one-thread
 * instance keeps the file's order, so the row number is the record's place.
 * Blank lines are skipped by the reader and not counted.
 */
export async function stageCsv(connection: DuckDBConnection, file: string, width: number): Promise<void> {
  const columns = sql`{${joinSql(Array.from({ length: width }, (_, i) => sql`${literal(`c${i}`)}: 'VARCHAR'`))}}`;
  await judgingAsync(file, () =>
    connection.run(
      sql`CREATE OR REPLACE TEMP TABLE ${ident(STAGED)} AS
        SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS "row", *
        FROM read_csv($path, header = false, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"',
                      null_padding = true, strict_mode = false, parallel = false, columns = ${columns})`,
      { path: file },
    ),
  );
}

/** Stages a Parquet file by `read_parquet`, every value cast to text (a list or struct becomes text that is not a number). */
export async function stageParquet(connection: DuckDBConnection, file: string, headers: readonly string[]): Promise<void> {
  const cells = joinSql(headers.map((h, i) => sql`CAST(${ident(h)} AS VARCHAR) AS ${cellColumn(i)}`));
  await judgingAsync(file, () =>
    connection.run(
      sql`CREATE OR REPLACE TEMP TABLE ${ident(STAGED)} AS
        SELECT CAST(file_row_number + 1 AS INTEGER) AS "row", ${cells}
        FROM read_parquet($path, file_row_number = true)`,
      { path: file },
    ),
  );
}

/** Stages a table another reader made (a workbook, JSON): the same shape, so the same SQL checks apply. */
export async function stageRawTable(connection: DuckDBConnection, table: RawTable): Promise<void> {
  const columns = joinSql(table.headers.map((_, i) => sql`${cellColumn(i)} VARCHAR`));
  await connection.run(sql`CREATE OR REPLACE TEMP TABLE ${ident(STAGED)} ("row" INTEGER, ${columns})`);
  const appender = await connection.createAppender(STAGED);
  for (const r of table.rows) {
    appender.appendInteger(r.row);
    for (let i = 0; i < table.headers.length; i++) {
      const cell = r.cells[i];
      if (cell === null || cell === undefined) appender.appendNull();
      else appender.appendVarchar(typeof cell === 'number' ? cellText(cell) : String(cell));
    }
    appender.endRow();
  }
  appender.closeSync();
}
