import { readFile } from 'node:fs/promises';
import type { Cell, RawTable } from './rawTable.js';
import { decodeText } from './readCsv.js';

const toCell = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);

/** Reads an array of row objects; the columns are the keys in order of first appearance. */
export async function readJson(file: string, bytes?: Uint8Array): Promise<RawTable> {
  const data: unknown = JSON.parse(decodeText(bytes ?? (await readFile(file))));
  if (!Array.isArray(data)) throw new Error('a JSON observations file must be an array of row objects');
  const headers: string[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error('every element of the array must be an object');
    for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
  }
  const rows = (data as Record<string, unknown>[]).map((item, i) => ({
    row: i + 1,
    cells: headers.map((h) => toCell(item[h])),
  }));
  return { file, headers, rows };
}
