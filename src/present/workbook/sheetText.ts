import type { Font, Worksheet } from 'exceljs';
import { bodyFont, noteFont, thinBorder, titleFont } from './cellStyle.js';
import { breakInTwo } from './lineBreaks.js';
import { plainText } from './plainText.js';
import { wideSpace } from './reportTitle.js';
import { lineHeight, textWidth, wrappedLines } from './textWidth.js';

/** Sum of the widths of the first `columns` columns. */
const spanWidth = (sheet: Worksheet, columns: number): number => {
  let width = 0;
  for (let c = 1; c <= columns; c++) width += sheet.getColumn(c).width ?? 9;
  return width;
};

/** Where a banner's lines break when it is wider than the table. */
type Breaking = 'title' | 'items' | 'prose';

/** Room a merged cell's text leaves at its edges, in width units. */
const bannerInset = 2;

/**
 * The banner's text with its line breaks written in: a title breaks once
 * where it reads well (before its bracketed period, say); a line of items
 * (`数据截至：…`, `运行编号：…`, set apart by full-width spaces) between items,
 * never inside one; prose is left to wrap by itself.
 */
function broken(text: string, width: number, fontSize: number, breaking: Breaking): string {
  const usable = width - bannerInset;
  if (breaking === 'prose' || textWidth(text, fontSize) <= usable) return text;
  if (breaking === 'title') return breakInTwo(text, usable, fontSize)?.join('\n') ?? text;
  const lines: string[] = [];
  for (const item of text.split(wideSpace)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last}${wideSpace}${item}`, fontSize) <= usable) lines[lines.length - 1] = `${last}${wideSpace}${item}`;
    else lines.push(item);
  }
  return lines.join('\n');
}

/**
 * One line of text across the first `columns` columns of row `row`, merged,
 * wrapped, and as tall as its lines. Call after the table under it has sized
 * the columns.
 */
export function writeBanner(
  sheet: Worksheet,
  row: number,
  columns: number,
  text: string,
  style: { font: Partial<Font>; align: 'left' | 'center'; breaking: Breaking },
): void {
  sheet.mergeCells(row, 1, row, Math.max(1, columns));
  const size = style.font.size ?? 11;
  const width = spanWidth(sheet, columns);
  const value = broken(plainText(text), width, size, style.breaking);
  const cell = sheet.getCell(row, 1);
  cell.value = value;
  cell.font = style.font;
  cell.alignment = { horizontal: style.align, vertical: 'middle', wrapText: true };
  sheet.getRow(row).height = wrappedLines(value, width, size) * lineHeight(size);
}

/** The merged title (row 1) and subtitle (row 2) above a table. */
export function writeHeading(sheet: Worksheet, columns: number, title: string, subtitle: string): void {
  writeBanner(sheet, 1, columns, title, { font: titleFont, align: 'center', breaking: 'title' });
  writeBanner(sheet, 2, columns, subtitle, { font: noteFont, align: 'left', breaking: 'items' });
}

/** Note lines (注：…) from row `top` down, one merged row each. Returns the row after the last. */
export function writeNotes(sheet: Worksheet, top: number, columns: number, notes: readonly string[]): number {
  notes.forEach((note, i) => writeBanner(sheet, top + i, columns, note, { font: noteFont, align: 'left', breaking: 'prose' }));
  return top + notes.length;
}

/**
 * The one row of a table that has nothing to list, saying so across its
 * `columns` columns, bordered like the table: a reader sees the check was made.
 */
export function writeNoneRow(sheet: Worksheet, row: number, columns: number, text: string): void {
  writeBanner(sheet, row, columns, text, { font: bodyFont, align: 'left', breaking: 'prose' });
  for (let c = 1; c <= columns; c++) sheet.getCell(row, c).border = thinBorder;
}
