import type { AddWorksheetOptions, PageSetup, PaperSize, Worksheet } from 'exceljs';

// exceljs's PaperSize is a `const enum` in its .d.ts with no runtime object, so
// a bundler that compiles files one by one (vitest, tsx) cannot inline it.
const a4 = 9 as PaperSize;

const margins = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** The printable area of A4 landscape (297 × 210 mm) inside those margins, in points. */
const printable = { width: 841.9 - (margins.left + margins.right) * 72, height: 595.3 - (margins.top + margins.bottom) * 72 };

/** Excel's row height when none is set, and column width (8.43 characters, stored with its padding). */
const defaultRowHeight = 15;
const defaultColumnWidth = 9.140625;

/**
 * Points per unit of column width: a unit is the 7 px digit of the
 * workbook's default font (Calibri 11), at 96 px per inch.
 */
const pointsPerWidthUnit = 7 * 0.75;

/**
 * A last page that would hold less than this share of a page is not worth a
 * sheet of paper: the print shrinks a little instead.
 */
const strayShare = 0.2;

/** Nor does it shrink by more than this to save that page. */
const leastShrink = 0.85;

/**
 * Sheet options for printing as a 通报 is printed: A4 landscape, one page
 * wide (as many pages long as needed, see `fitPagesTall`), the header rows
 * repeated on every page, page numbers in the footer. Passed to
 * `addWorksheet`, because exceljs only turns on fit-to-page when it sees
 * `fitToWidth` there, not when set later.
 */
export function printOptions(repeatRows: string, repeatColumns?: string): Partial<AddWorksheetOptions> {
  const pageSetup: Partial<PageSetup> = {
    paperSize: a4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins,
    printTitlesRow: repeatRows,
    ...(repeatColumns === undefined ? {} : { printTitlesColumn: repeatColumns }),
  };
  return { pageSetup, headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' } };
}

/** What decides how a sheet prints: its column widths (Excel units) and row heights (points), top to bottom. */
export interface PrintedSheet {
  readonly columnWidths: readonly number[];
  readonly rowHeights: readonly number[];
  /** Rows repeated at the top of every page, 1-based and inclusive (`[3, 3]`). */
  readonly repeatedRows: readonly [number, number];
}

/** Pages a sheet takes at `scale`, breaking between rows and repeating the title rows on each page after the first. */
function pagesAt(sheet: PrintedSheet, scale: number): { pages: number; lastPageShare: number } {
  const capacity = printable.height / scale;
  const [from, to] = sheet.repeatedRows;
  const repeated = sheet.rowHeights.slice(from - 1, to).reduce((n, h) => n + h, 0);
  let pages = 1;
  let used = 0;
  let fresh = 0;
  for (const height of sheet.rowHeights) {
    if (used + height > capacity && used > fresh) {
      pages++;
      used = repeated;
      fresh = repeated;
    }
    used += height;
  }
  return { pages, lastPageShare: (used - fresh) / capacity };
}

/**
 * How many pages tall a sheet printed one page wide should be: as many as
 * its rows fill at the scale that fits its width — one fewer when the last
 * page would only carry a row or two, as long as saving it shrinks the print
 * by little. That is the `fitToHeight` to set: Excel then scales the print so
 * that it fits.
 *
 * @example
 * pagesTall({ columnWidths: [36, 10], rowHeights: Array(60).fill(15), repeatedRows: [3, 3] }); // 2
 */
export function pagesTall(sheet: PrintedSheet): number {
  const width = sheet.columnWidths.reduce((n, w) => n + w, 0) * pointsPerWidthUnit;
  // Excel scales in whole percent.
  const scale = Math.min(1, Math.floor((100 * printable.width) / width) / 100);
  const { pages, lastPageShare } = pagesAt(sheet, scale);
  if (pages === 1 || lastPageShare >= strayShare) return pages;
  return pagesAt(sheet, scale * leastShrink).pages < pages ? pages - 1 : pages;
}

/**
 * Sets how many pages tall the sheet prints (see `pagesTall`), from the
 * widths and heights written into it. Call once everything is written.
 */
export function fitPagesTall(sheet: Worksheet, repeatedRows: readonly [number, number]): void {
  const columnWidths: number[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) columnWidths.push(sheet.getColumn(c).width ?? defaultColumnWidth);
  const rowHeights: number[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) rowHeights.push(sheet.getRow(r).height ?? defaultRowHeight);
  sheet.pageSetup.fitToHeight = pagesTall({ columnWidths, rowHeights, repeatedRows });
}
