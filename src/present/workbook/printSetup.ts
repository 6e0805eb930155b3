import type { AddWorksheetOptions, PageSetup, PaperSize } from 'exceljs';

// exceljs's PaperSize is a `const enum` in its .d.ts with no runtime object, so
// a bundler that compiles files one by one (vitest, tsx) cannot inline it.
const a4 = 9 as PaperSize;

/**
 * Sheet options for printing as a 通报 is printed: A4 landscape, one page
 * wide (as many pages long as needed), the header rows repeated on every page,
 * page numbers in the footer. Passed to `addWorksheet`, because exceljs only
 * turns on fit-to-page when it sees `fitToWidth` there, not when set later.
 */
export function printOptions(repeatRows: string, repeatColumns?: string): Partial<AddWorksheetOptions> {
  const pageSetup: Partial<PageSetup> = {
    paperSize: a4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: repeatRows,
    ...(repeatColumns === undefined ? {} : { printTitlesColumn: repeatColumns }),
  };
  return { pageSetup, headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' } };
}
