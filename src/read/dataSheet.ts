/**
 * Which sheet of a workbook holds the data. CONTRACT.md: "an .xlsx file is
 * read from its first visible sheet"; `sheets` are the visible ones (the
 * reader leaves hidden sheets out). So the first of them is read whenever it has
 * anything in it (other sheets — a 说明, an old copy — are ignored); a
 * workbook with nothing at all is read as its empty first sheet. Only when
 * the first sheet is empty and another sheet is not does the reader refuse
 * to guess: null, and the check reports WRONG_SHEET naming the sheet that
 * seems to hold the data. (A first sheet without the required columns while
 * another sheet has content is also reported as WRONG_SHEET, by the check.)
 *
 * @example dataSheet([{ name: 'Sheet1', hasContent: false }, { name: '数据', hasContent: true }]) // null
 */
export function dataSheet(sheets: readonly { readonly name: string; readonly hasContent: boolean }[]): string | null {
  const first = sheets[0];
  if (first === undefined) return null;
  if (first.hasContent || !sheets.some((s) => s.hasContent)) return first.name;
  return null;
}
