import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { TextEncodingError } from '../read/decodeText.js';
import type { RawTable } from '../read/rawTable.js';
import type { ReadOptions } from '../read/readOptions.js';
import type { TableFormat } from '../read/readTable.js';
import { readTable } from '../read/readTable.js';
import type { Normalization } from './normalization.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A file read into a table, or undefined with its problem pushed: empty, badly encoded or unreadable. */
export async function readChecked(file: string, format: TableFormat, bytes: Uint8Array, options: ReadOptions, diagnostics: Diagnostic[]): Promise<RawTable | undefined> {
  if (bytes.length === 0) {
    diagnostics.push(problem('FILE_EMPTY', { file, detail: '文件为 0 字节 / the file is empty (0 bytes)' }));
    return undefined;
  }
  try {
    return await readTable(file, format, bytes, options);
  } catch (e) {
    if (e instanceof TextEncodingError) diagnostics.push(problem('BAD_ENCODING', { file, row: e.line, value: e.excerpt, detail: e.message }));
    else diagnostics.push(problem('FILE_UNREADABLE', { file, detail: (e as Error).message }));
    return undefined;
  }
}

/** The load log's entry for a text file that was not UTF-8. */
export const encodingOf = (table: RawTable | undefined): Normalization[] =>
  table?.encoding === undefined || table.encoding === 'utf-8' ? [] : [{ file: table.file, rule: 'encoding', from: table.encoding, to: 'utf-8' }];

