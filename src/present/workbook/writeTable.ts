import type { Worksheet } from 'exceljs';
import type { Status } from '../../model/status.js';
import { bodyFont, headerFill, headerFont, statusFill, statusFont, thinBorder } from './cellStyle.js';
import { shownNumber } from './numberFormats.js';
import { plainText } from './plainText.js';
import { textWidth, wrappedLines } from './textWidth.js';

/** What one table cell holds: a real number (with its format), text, or nothing. */
export interface CellContent {
  readonly value: string | number | null;
  readonly numFmt?: string;
  /** Fills the cell with the status colour. */
  readonly status?: Status;
}

/** One column of a table: its header and how a row fills it. */
export interface TableColumn<T> {
  readonly header: string;
  readonly cell: (row: T) => CellContent;
  readonly align?: 'left' | 'center' | 'right';
  /** Width bounds in Excel units; text longer than `maxWidth` wraps. */
  readonly minWidth?: number;
  readonly maxWidth?: number;
}

/** Where a written table sits. */
export interface TablePlace {
  readonly headerRow: number;
  readonly lastRow: number;
  readonly columns: number;
}

const lineHeight = 14;
const rowPadding = 6;

/** An empty cell rather than `NaN`/`Infinity`, which exceljs would write into the XML as-is and Excel would refuse. */
const cellValue = (value: string | number | null): string | number | null =>
  typeof value === 'string' ? plainText(value) : value !== null && Number.isFinite(value) ? value : null;

const shown = (content: CellContent): string => {
  const value = cellValue(content.value);
  return value === null ? '' : typeof value === 'number' ? shownNumber(value, content.numFmt) : value;
};

/**
 * Writes a bordered table from `top`: a bold, filled header row and one row
 * per item. Sizes each column to its content (Excel does not) and each row to
 * its wrapped text, since Excel keeps the default height for rows it did not
 * lay out itself.
 */
export function writeTable<T>(sheet: Worksheet, top: number, columns: readonly TableColumn<T>[], rows: readonly T[]): TablePlace {
  const contents = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, c) => {
    const longest = contents.reduce((most, cells) => Math.max(most, textWidth(shown(cells[c] ?? { value: null }))), textWidth(column.header));
    return Math.min(column.maxWidth ?? 40, Math.max(column.minWidth ?? 6, longest + 2));
  });
  widths.forEach((width, c) => {
    // exceljs leaves out a width of exactly 9 (its own default), and Excel's default is narrower.
    sheet.getColumn(c + 1).width = width === 9 ? 9.5 : width;
  });

  const header = sheet.getRow(top);
  columns.forEach((column, c) => {
    const cell = header.getCell(c + 1);
    cell.value = plainText(column.header);
    cell.font = headerFont;
    cell.fill = headerFill;
    cell.border = thinBorder;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = heightOf(columns.map((column) => column.header), widths);

  contents.forEach((cells, r) => {
    const row = sheet.getRow(top + 1 + r);
    cells.forEach((content, c) => {
      const cell = row.getCell(c + 1);
      cell.value = cellValue(content.value);
      if (content.numFmt !== undefined) cell.numFmt = content.numFmt;
      cell.border = thinBorder;
      cell.font = content.status ? statusFont(content.status) : bodyFont;
      if (content.status) cell.fill = statusFill(content.status);
      const align = columns[c]?.align ?? (typeof content.value === 'number' ? 'right' : 'left');
      cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    });
    row.height = heightOf(cells.map(shown), widths);
  });
  return { headerRow: top, lastRow: top + rows.length, columns: columns.length };
}

function heightOf(texts: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...texts.map((text, c) => wrappedLines(text, widths[c] ?? 10)));
  return lines * lineHeight + rowPadding;
}
