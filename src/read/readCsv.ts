import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { RawRow, RawTable } from './rawTable.js';

/** Decodes UTF-8 text, with or without a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: false, fatal: true }).decode(bytes);
}

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

export async function readCsv(file: string, bytes?: Uint8Array): Promise<RawTable> {
  return parseCsvText(file, decodeText(bytes ?? (await readFile(file))));
}
