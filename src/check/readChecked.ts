import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FileAccessError } from '../diagnostics/fileAccessError.js';
import { problem } from '../diagnostics/problems.js';
import { TextEncodingError } from '../read/decodeText.js';
import { CsvDelimiterError } from '../read/csvDelimiterError.js';
import { UnreadableFileError } from '../read/unreadableFileError.js';
import type { RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import type { ReadOptions } from '../read/readOptions.js';
import type { TableFormat } from '../read/readTable.js';
import { readTable } from '../read/readTable.js';
import type { Normalization } from './normalization.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Whether `path` exists. Only "no such file" is "no": a folder that may not be read is a {@link FileAccessError}, not a missing one. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw new FileAccessError(path, 'read', code, e);
  }
}

/**
 * Columns at the right end with no header and no value anywhere (what Excel
 * leaves after a column's contents are deleted) are not columns: dropped,
 * so they are never reported as unnamed columns.
 */
export function withoutEmptyTrailingColumns(table: RawTable): RawTable {
  let width = table.headers.length;
  const emptyAt = (i: number): boolean => (table.headers[i] ?? '').trim() === '' && table.rows.every((r) => cellText(r.cells[i]) === '');
  while (width > 0 && emptyAt(width - 1)) width--;
  if (width === table.headers.length) return table;
  // Cells past the last header are never read, so the rows can stay as they are.
  return { ...table, headers: table.headers.slice(0, width) };
}

/** A file read into a table, or undefined with its problem pushed: empty, badly encoded, not comma-separated or unreadable. */
export async function readChecked(file: string, format: TableFormat, bytes: Uint8Array, options: ReadOptions, diagnostics: Diagnostic[]): Promise<RawTable | undefined> {
  if (bytes.length === 0) {
    diagnostics.push(problem('FILE_EMPTY', { file, detail: '文件为 0 字节 / the file is empty (0 bytes)' }));
    return undefined;
  }
  try {
    const table = withoutEmptyTrailingColumns(await readTable(file, format, bytes, options));
    if (table.sepLine) diagnostics.push(problem('CSV_SEP_LINE', { file, row: 1, value: 'sep=,' }));
    return table;
  } catch (e) {
    if (e instanceof TextEncodingError) diagnostics.push(problem(e.binary ? 'BINARY_FILE' : 'BAD_ENCODING', { file, row: e.line, value: e.excerpt, detail: e.message }));
    else if (e instanceof CsvDelimiterError) diagnostics.push(problem('WRONG_DELIMITER', { file, row: e.line, value: e.excerpt, detail: e.message }));
    else if (e instanceof UnreadableFileError) diagnostics.push(problem('FILE_UNREADABLE', { file, detail: e.reason }));
    // Anything else is a fault of the engine's, not of the file: it must not pass for one.
    else throw e;
    return undefined;
  }
}

/** The load log's entry for a text file that was not UTF-8. */
export const encodingOf = (table: RawTable | undefined): Normalization[] =>
  table?.encoding === undefined || table.encoding === 'utf-8' ? [] : [{ file: table.file, rule: 'encoding', from: table.encoding, to: 'utf-8' }];

