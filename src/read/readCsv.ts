import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { CsvDelimiterError } from './csvDelimiterError.js';
import { decodeText } from './decodeText.js';
import type { RawRow, RawTable } from './rawTable.js';
import type { ReadOptions } from './readOptions.js';
import { judging } from './unreadableFileError.js';

/** Excel's "sep=;" first line, which names the separator and which Excel hides. */
const SEP_LINE = /^\uFEFF?sep=(.)[ \t]*\r?\n/i;

const EXCERPT_LENGTH = 60;

/** The separator a one-column header betrays: `a;b;c` or `a\tb\tc`. */
function otherDelimiter(header: readonly string[]): ';' | '\t' | undefined {
  if (header.length !== 1) return undefined;
  const text = header[0] ?? '';
  if (text.includes('\t')) return '\t';
  if (text.includes(';')) return ';';
  return undefined;
}

/**
 * Parses CSV text; blank lines are skipped, and each row keeps the line it
 * started on. An Excel `sep=,` first line is skipped (`sepLine`), and rows
 * are then numbered as Excel shows them (header = row 1); a file separated
 * by `;` or tabs throws {@link CsvDelimiterError}.
 */
export function parseCsvText(file: string, text: string): RawTable {
  const sep = SEP_LINE.exec(text);
  if (sep) {
    const delimiter = sep[1] ?? '';
    if (delimiter === ';' || delimiter === '\t') throw new CsvDelimiterError(delimiter, sep[0].trim(), 1);
  }
  // One kind of line end: csv-parse's line count is then right for a quoted cell spanning lines, which Excel writes with \r\n.
  const body = (sep ? text.slice(sep[0].length) : text).replace(/\r\n/g, '\n');
  const records = judging(file, () =>
    parse(body, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      bom: true,
    }),
  ) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...rest] = records;
  const delimiter = otherDelimiter(header?.record ?? []);
  if (delimiter) throw new CsvDelimiterError(delimiter, (header?.record[0] ?? '').replaceAll('\t', '→').slice(0, EXCERPT_LENGTH), header?.info.lines ?? 1);
  const rows: RawRow[] = rest
    .filter((r) => r.record.some((c) => c.trim() !== ''))
    // csv-parse reports the line a record ends on; a quoted cell may span lines.
    .map((r) => ({ row: r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n|\r/g)?.length ?? 0), 0), cells: r.record }));
  return { file, headers: header?.record ?? [], rows, ...(sep ? { sepLine: true } : {}) };
}

/** Reads a CSV file in UTF-8, UTF-16 or GB18030/GBK (see {@link decodeText}); the table says which. */
export async function readCsv(file: string, bytes?: Uint8Array, options: ReadOptions = {}): Promise<RawTable> {
  const { text, encoding } = decodeText(bytes ?? (await readFile(file)), options.encoding);
  return { ...parseCsvText(file, text), encoding };
}
