import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeText } from './decodeText.js';
import type { RawRow, RawTable } from './rawTable.js';
import type { ReadOptions } from './readOptions.js';

/** Parses CSV text; blank lines are skipped, and each row keeps the line it started on. */
export function parseCsvText(file: string, text: string): RawTable {
  const records = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = records;
  const rows: RawRow[] = body
    .filter((r) => r.record.some((c) => c.trim() !== ''))
    // csv-parse reports the line a record ends on; a quoted cell may span lines.
    .map((r) => ({ row: r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0), cells: r.record }));
  return { file, headers: header?.record ?? [], rows };
}

/** Reads a CSV file in UTF-8, UTF-16 or GB18030/GBK (see {@link decodeText}); the table says which. */
export async function readCsv(file: string, bytes?: Uint8Array, options: ReadOptions = {}): Promise<RawTable> {
  const { text, encoding } = decodeText(bytes ?? (await readFile(file)), options.encoding);
  return { ...parseCsvText(file, text), encoding };
}
