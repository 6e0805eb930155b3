import type { WorkbookFacts } from './workbookFacts.js';

/** A cell as a reader found it; checking turns it into typed values. */
export type Cell = string | number | boolean | null;

export interface RawRow {
  /** The row number a user sees: the spreadsheet or text line for CSV/XLSX (header = 1), the 1-based record for JSON/Parquet. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** A file read into header + rows, before any checking. */
export interface RawTable {
  readonly file: string;
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
  /** For text files: the encoding the text was decoded from (`utf-8`, `gb18030`, `utf-16le`, …). */
  readonly encoding?: string;
  /** For CSV: the file began with Excel's `sep=,` line, which was skipped (rows are numbered without it, as Excel shows them). */
  readonly sepLine?: boolean;
  /** For workbooks: which sheet was read, and what in it cannot be taken as reported values. */
  readonly workbook?: WorkbookFacts;
}

/** Cell text as a user would read it: trimmed, numbers written without a trailing `.0`. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}
