import type { Worksheet } from 'exceljs';
import type { Status } from '../../model/status.js';
import { bodyFont, headerFill, headerFont, statusFill, statusFont, thinBorder } from './cellStyle.js';
import { shownNumber } from './numberFormats.js';
import { plainText } from './plainText.js';
import { headerLayout, headerPadding } from './lineBreaks.js';
import { charsOf, lineHeight, textWidth, widestLine, wrapText, wrappedLines } from './textWidth.js';

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
  /** Width bounds in Excel units for the column's cells; text longer than `maxWidth` wraps. The header may widen it (see `headerLayout`). */
  readonly minWidth?: number;
  readonly maxWidth?: number;
}

/** How a table is written. */
export interface TableOptions {
  /**
   * Keep every header on one line as typed, widening its column to it: for a
   * sheet that programs read, where a line break inside a header would end up
   * in the column's name.
   */
  readonly oneLineHeaders?: boolean;
}

/** Where a written table sits. */
export interface TablePlace {
  readonly headerRow: number;
  readonly lastRow: number;
  readonly columns: number;
}

// Header and body are set in one size, so every row's lines are equally tall.
const rowLine = lineHeight(bodyFont.size ?? 10.5);

/** An empty cell rather than `NaN`/`Infinity`, which exceljs would write into the XML as-is and Excel would refuse. */
const cellValue = (value: string | number | null): string | number | null =>
  typeof value === 'string' ? plainText(value) : value !== null && Number.isFinite(value) ? value : null;

const shown = (content: CellContent): string => {
  const value = cellValue(content.value);
  return value === null ? '' : typeof value === 'number' ? shownNumber(value, content.numFmt) : value;
};

/**
 * Writes a bordered table from `top`: a bold, filled header row and one row
 * per item. Sizes each column to its content and its header (Excel does not),
 * writing the header's line break where it reads well rather than leaving
 * it to Excel, and each row to its wrapped text, since Excel keeps the default
 * height for rows it did not lay out itself.
 */
export function writeTable<T>(sheet: Worksheet, top: number, columns: readonly TableColumn<T>[], rows: readonly T[], options: TableOptions = {}): TablePlace {
  const contents = rows.map((row) => columns.map((column) => column.cell(row)));
  const headers = columns.map((column, c) => {
    const texts = contents.map((cells) => shown(cells[c] ?? { value: null }));
    const header = plainText(column.header);
    const width = contentWidth(texts, column.minWidth ?? 6, column.maxWidth ?? 40);
    return options.oneLineHeaders ? { text: header, width: Math.max(width, textWidth(header) + headerPadding) } : headerLayout(header, width);
  });
  const widths = headers.map((h) => h.width);
  widths.forEach((width, c) => {
    // exceljs leaves out a width of exactly 9 (its own default), and Excel's default is narrower.
    sheet.getColumn(c + 1).width = width === 9 ? 9.5 : width;
  });

  const header = sheet.getRow(top);
  headers.forEach((layout, c) => {
    const cell = header.getCell(c + 1);
    cell.value = layout.text;
    cell.font = headerFont;
    cell.fill = headerFill;
    cell.border = thinBorder;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = heightOf(headers.map((h) => h.text), widths);

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

/** A column just too narrow for a text may widen by this much rather than wrap its last character onto a line of its own. */
const strayAllowance = 4;

/**
 * LibreOffice fits a little more on a line than Excel (it does not round the
 * 7.4 px digit of Calibri 11 down to 7): about 3 % on the sample's columns.
 */
const roomierRenderer = 1.03;

/** Whether a text would end on a line of one character, as Excel wraps it or as a roomier renderer would. */
const leavesStray = (text: string, width: number): boolean =>
  [width, width * roomierRenderer + 1].some((w) => {
    const lines = wrapText(text, w);
    return lines.length > 1 && charsOf(lines.at(-1) ?? '').length === 1;
  });

/** The width a column's texts need (plus room for the cell's inset), within its bounds. */
function contentWidth(texts: readonly string[], minWidth: number, maxWidth: number): number {
  const widths = texts.map((text) => widestLine(text));
  const longest = widths.reduce((most, w) => Math.max(most, w), 0);
  let width = Math.min(maxWidth, Math.max(minWidth, longest + 2));
  // Only the texts too long for the bound can wrap at all.
  const wrapping = texts.filter((_, i) => (widths[i] ?? 0) + 2 > width);
  while (width < maxWidth + strayAllowance && wrapping.some((text) => leavesStray(text, width))) width++;
  return width;
}

function heightOf(texts: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...texts.map((text, c) => wrappedLines(text, widths[c] ?? 10)));
  return lines * rowLine;
}
