import stringWidth from 'string-width';

// Widths come from string-width (Unicode's East Asian Width tables, grapheme
// clusters, ANSI codes stripped) rather than a hand-made range of code points,
// which missed full-width forms, Hangul, emoji and combining marks.

/**
 * Columns one line of text takes in a terminal: Chinese characters and
 * full-width punctuation take two, ASCII one, combining marks and ANSI colour
 * codes none. Characters whose width depends on the font (Unicode's East Asian
 * "Ambiguous": — × “ ” ① ℃) count as one, as terminals draw them.
 *
 * @example
 * displayWidth('某某市(R&D)'); // 11
 * displayWidth('某某市（R&D）'); // 13
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Half-width cells one line of text takes when set in a Chinese font (宋体,
 * 黑体), which draws the East Asian Ambiguous characters — — × “ ” ① ℃ — full
 * width, as GB 2312 encodes them. What a spreadsheet column must hold.
 *
 * @example
 * chineseFontWidth('已完成——'); // 10
 * displayWidth('已完成——'); // 8
 */
export function chineseFontWidth(text: string): number {
  return stringWidth(text, { ambiguousIsNarrow: false });
}

/**
 * `text` padded with spaces to `width` terminal columns, on the right (`end`,
 * for labels) or on the left (`start`, for numbers); text already as wide is
 * returned as it is.
 *
 * @example
 * padDisplay('某市', 6) + '|'; // '某市  |'
 * padDisplay('12', 4, 'start'); // '  12'
 */
export function padDisplay(text: string, width: number, side: 'start' | 'end' = 'end'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'start' ? pad + text : text + pad;
}
