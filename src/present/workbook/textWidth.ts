// CJK ideographs, CJK and full-width punctuation (（）、：，) and Hangul take two
// character cells in Excel's column-width unit; everything else takes one.
const wide = /[\u1100-\u115f\u2e80-\u303f\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * How many Excel width units a text needs: Chinese is about two per character.
 *
 * @example
 * textWidth('某某市'); // 6
 * textWidth('R&D'); // 3
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += wide.test(char) ? 2 : 1;
  return width;
}

/** Lines a text wraps to in a column `width` units wide (at least one). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return Math.max(1, ...text.split('\n').map((line) => Math.ceil(textWidth(line) / usable)));
}
