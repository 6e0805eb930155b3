import { readFile } from 'node:fs/promises';
import { decodeText } from './decodeText.js';
import type { Cell, RawTable } from './rawTable.js';
import { judging, UnreadableFileError } from './unreadableFileError.js';

const toCell = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);

/**
 * Reads an array of row objects; the columns are the keys in order of first
 * appearance. The text encoding is detected as for CSV; `--encoding` names
 * the CSV files' encoding only, so it does not apply here.
 */
export async function readJson(file: string, bytes?: Uint8Array): Promise<RawTable> {
  const { text, encoding } = decodeText(bytes ?? (await readFile(file)));
  const data = judging(file, (): unknown => JSON.parse(text));
  if (!Array.isArray(data)) throw new UnreadableFileError(file, 'JSON 观测文件应为对象数组 / a JSON observations file must be an array of row objects');
  const headers: string[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new UnreadableFileError(file, '数组的每个元素都应是对象 / every element of the array must be an object');
    for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
  }
  const rows = (data as Record<string, unknown>[]).map((item, i) => ({
    row: i + 1,
    cells: headers.map((h) => toCell(item[h])),
  }));
  return { file, headers, rows, encoding };
}
