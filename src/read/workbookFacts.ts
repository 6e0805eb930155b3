/** A cell of the sheet read, by its spreadsheet row (1-based) and its position among the table's columns (0-based). */
export interface SheetCellRef {
  readonly row: number;
  readonly column: number;
  /** The A1 address, as Excel shows it. */
  readonly address: string;
}

/**
 * What a workbook reader saw besides the cell values, for the check phase to
 * judge: reading records facts, checking turns them into diagnostics.
 */
export interface WorkbookFacts {
  /** Every visible sheet in workbook order (hidden sheets are left out), and whether it holds any non-empty cell. */
  readonly sheets: readonly { readonly name: string; readonly hasContent: boolean }[];
  /** The sheet read ({@link dataSheet}), or null when the rule could not tell which sheet holds the data (nothing was read). */
  readonly sheet: string | null;
  /** Merged ranges of the sheet read, located at their top-left cell. */
  readonly merges: readonly (SheetCellRef & { readonly range: string })[];
  /** Formula cells of the sheet read, with the formula as Excel shows it (`=B2*2`). */
  readonly formulas: readonly (SheetCellRef & { readonly formula: string })[];
}
