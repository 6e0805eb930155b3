/**
 * Full-width forms (Ｕ+FF01–FF5E: `１２３．５`, `－`, `％`, `Ｑ`) as their ASCII
 * letters, the ideographic space as a space, and the minus sign U+2212 as
 * `-`: Chinese input methods type these, and each means exactly its ASCII twin.
 *
 * @example toHalfWidth('－１２．５') // '-12.5'
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u2212]/g, (c) => {
    if (c === '\u3000') return ' ';
    if (c === '\u2212') return '-';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}
