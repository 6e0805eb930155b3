/** Sheet names that say "the data are here", compared trimmed and case-insensitive. */
export const dataSheetNames: readonly string[] = ['数据', 'data'];

/**
 * Which sheet of a workbook holds the data. CONTRACT.md reads the first
 * sheet; a workbook often also carries a 说明 sheet or an old copy, and the
 * engine must not guess which one was meant. The rule:
 *
 * 1. a sheet named 数据 or data (exactly one) is the data sheet;
 * 2. otherwise the first sheet, provided no other sheet holds anything
 *    (a workbook with nothing at all is read as its empty first sheet);
 * 3. otherwise null: the reader reads nothing and the check reports WRONG_SHEET.
 *
 * @example dataSheet([{ name: '说明', hasContent: true }, { name: '数据', hasContent: true }]) // '数据'
 */
export function dataSheet(sheets: readonly { readonly name: string; readonly hasContent: boolean }[]): string | null {
  const named = sheets.filter((s) => dataSheetNames.includes(s.name.trim().toLowerCase()));
  if (named.length === 1) return named[0]?.name ?? null;
  if (named.length > 1) return null;
  const first = sheets[0];
  if (first === undefined) return null;
  const withContent = sheets.filter((s) => s.hasContent);
  if (withContent.length === 0 || (withContent.length === 1 && withContent[0] === first)) return first.name;
  return null;
}
