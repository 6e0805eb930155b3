import type { AddWorksheetOptions } from 'exceljs';
import { printOptions } from './printSetup.js';

/** Where the table of a headed sheet starts: under the title (row 1) and the period and run (row 2). */
export const headedTableRow = 3;

/**
 * Options for a sheet headed by `writeHeading`: printed with its header row
 * on every page, and frozen under it so the header stays in sight on screen.
 */
export const headedSheetOptions = (): Partial<AddWorksheetOptions> => ({
  ...printOptions(`${headedTableRow}:${headedTableRow}`),
  views: [{ state: 'frozen', xSplit: 0, ySplit: headedTableRow, showGridLines: false }],
});
