import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { Cell, RawTable } from './rawTable.js';
import { cellText } from './rawTable.js';

/** Reads the first sheet of a workbook; the header is its first row. */
export async function readXlsx(file: string, bytes?: Uint8Array): Promise<RawTable> {
  const workbook = XLSX.read(bytes ?? (await readFile(file)), { type: 'buffer', cellDates: false });
  const first = workbook.SheetNames[0];
  const sheet = first === undefined ? undefined : workbook.Sheets[first];
  if (!sheet) return { file, headers: [], rows: [] };
  const grid = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  const [header, ...body] = grid;
  return {
    file,
    headers: (header ?? []).map((c) => cellText(c)),
    rows: body
      .map((cells, i) => ({ row: i + 2, cells }))
      .filter((r) => r.cells.some((c) => cellText(c) !== '')),
  };
}
