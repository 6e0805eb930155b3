// XML 1.0 forbids control characters other than tab and newlines; one pasted
// into a note would make the whole workbook unreadable to Excel.
const xmlLegal = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
};

/** Excel keeps at most this many characters in a cell. */
const maxCellText = 32_767;

/**
 * Text as it may safely go into a cell. exceljs stores every JS string as a
 * (shared) string, never as a formula — a formula only comes from a
 * `{ formula }` object, which this module never builds — so a name typed as
 * `=1+1` stays the text `=1+1`. What remains is what would corrupt the file.
 *
 * @example
 * plainText('=1+1'); // '=1+1'
 * plainText('a\u0000b'); // 'ab'
 */
export function plainText(text: string): string {
  const clean = [...text].filter(xmlLegal).join('');
  return clean.length > maxCellText ? clean.slice(0, maxCellText) : clean;
}
