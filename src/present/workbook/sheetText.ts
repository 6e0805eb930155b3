import type { Font, Worksheet } from 'exceljs';
import { noteFont, titleFont } from './cellStyle.js';
import { plainText } from './plainText.js';
import { wrappedLines } from './textWidth.js';

/** Sum of the widths of the first `columns` columns. */
const spanWidth = (sheet: Worksheet, columns: number): number => {
  let width = 0;
  for (let c = 1; c <= columns; c++) width += sheet.getColumn(c).width ?? 9;
  return width;
};

/**
 * One line of text across the first `columns` columns of row `row`, merged,
 * wrapped, and as tall as its text. Call after the table under it has sized
 * the columns.
 */
export function writeBanner(
  sheet: Worksheet,
  row: number,
  columns: number,
  text: string,
  style: { font: Partial<Font>; align: 'left' | 'center'; lineHeight: number },
): void {
  sheet.mergeCells(row, 1, row, Math.max(1, columns));
  const cell = sheet.getCell(row, 1);
  cell.value = plainText(text);
  cell.font = style.font;
  cell.alignment = { horizontal: style.align, vertical: 'middle', wrapText: true };
  sheet.getRow(row).height = wrappedLines(text, spanWidth(sheet, columns) * (11 / (style.font.size ?? 11))) * style.lineHeight + 8;
}

/** The merged title (row 1) and subtitle (row 2) above a table. */
export function writeHeading(sheet: Worksheet, columns: number, title: string, subtitle: string): void {
  writeBanner(sheet, 1, columns, title, { font: titleFont, align: 'center', lineHeight: 22 });
  writeBanner(sheet, 2, columns, subtitle, { font: noteFont, align: 'left', lineHeight: 13 });
}

/** Note lines (注：…) from row `top` down, one merged row each. Returns the row after the last. */
export function writeNotes(sheet: Worksheet, top: number, columns: number, notes: readonly string[]): number {
  notes.forEach((note, i) => writeBanner(sheet, top + i, columns, note, { font: noteFont, align: 'left', lineHeight: 13 }));
  return top + notes.length;
}
