/** Text a spreadsheet would run as a formula is written with a leading apostrophe. */
const neutralize = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * One CSV field as every CSV the engine writes spells it: numbers unrounded,
 * null empty, text quoted where it holds a comma, quote or line break, and
 * text a spreadsheet would run as a formula (`=…`, `+…`, `@…`) defused with
 * a leading apostrophe.
 *
 * @example csvField('a,"b"') // '"a,""b"""'
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
