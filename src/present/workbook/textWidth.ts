import { chineseFontWidth } from '../../model/displayWidth.js';

// Excel measures column widths in widths of the default font's digit (7 px for
// the workbook's Calibri 11). A half-width character of the body font (宋体
// 10.5 pt: 7 px at 96 dpi) is one such unit and a Chinese character two; other
// sizes scale from there.
const bodySize = 10.5;

/** A cell's text is inset by a few pixels on each side: about one unit. */
const cellInset = 1;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Printable ASCII: one unit, one character each. */
const ascii = /^[\x20-\x7e]*$/u;

// A workbook measures tens of thousands of cells made of a few hundred distinct
// characters and far fewer distinct texts: measure each once.
const measured = new Map<string, number>();
const charWidth = (char: string): number => {
  let width = measured.get(char);
  if (width === undefined) {
    width = chineseFontWidth(char);
    measured.set(char, width);
  }
  return width;
};

/** The characters of a text as a reader counts them (grapheme clusters). */
export const charsOf = (text: string): string[] => (ascii.test(text) ? [...text] : Array.from(graphemes.segment(text), (s) => s.segment));
const texts = new Map<string, number>();
const textsKept = 50_000;
const unitsOf = (text: string): number => {
  if (ascii.test(text)) return text.length;
  let width = texts.get(text);
  if (width === undefined) {
    width = 0;
    for (const char of charsOf(text)) width += charWidth(char);
    if (texts.size >= textsKept) texts.clear();
    texts.set(text, width);
  }
  return width;
};

/**
 * How many Excel width units one line of text needs in a font of `fontSize`
 * points: Chinese is two per character at the body size.
 *
 * @example
 * textWidth('某某市'); // 6
 * textWidth('R&D'); // 3
 * textWidth('某某市', 16); // ≈ 9.1
 */
export function textWidth(text: string, fontSize = bodySize): number {
  return (unitsOf(text) * fontSize) / bodySize;
}

/** The width of a text's longest line, for a text that may hold line breaks. */
export const widestLine = (text: string, fontSize = bodySize): number => Math.max(...text.split('\n').map((line) => textWidth(line, fontSize)));

/**
 * The lines a text shows as in a wrapping cell `width` units wide: explicit
 * line breaks are kept; a line breaks between Chinese characters or at a space,
 * and a run of Latin letters or digits (`GDP`, `2023`) moves whole to the
 * next line unless it is longer than a line.
 *
 * @example
 * wrapText('某某市科学技术局', 9); // ['某某市科', '学技术局']
 */
export function wrapText(text: string, width: number, fontSize = bodySize): string[] {
  const usable = Math.max(1, (width - cellInset) * (bodySize / fontSize));
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, usable));
}

function wrapParagraph(paragraph: string, usable: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const place = (token: string, tokenWidth: number): void => {
    if (used + tokenWidth <= usable || line === '') {
      line += token;
      used += tokenWidth;
      return;
    }
    lines.push(line.trimEnd());
    const blank = token.trim() === '';
    line = blank ? '' : token;
    used = blank ? 0 : tokenWidth;
  };
  for (const token of tokensOf(paragraph)) {
    const tokenWidth = token.reduce((n, c) => n + charWidth(c), 0);
    if (tokenWidth <= usable) place(token.join(''), tokenWidth);
    // A word longer than a line breaks between its characters.
    else for (const char of token) place(char, charWidth(char));
  }
  lines.push(line.trimEnd());
  return lines;
}

/** Units a line may break between: a space, a wide character, or a whole run of narrow ones. */
function tokensOf(paragraph: string): string[][] {
  const tokens: string[][] = [];
  let word: string[] = [];
  for (const char of charsOf(paragraph)) {
    if (charWidth(char) === 1 && char.trim() !== '') {
      word.push(char);
      continue;
    }
    if (word.length > 0) tokens.push(word);
    word = [];
    tokens.push([char]);
  }
  if (word.length > 0) tokens.push(word);
  return tokens;
}

/** Lines a text wraps to in a column `width` units wide (at least one). */
export function wrappedLines(text: string, width: number, fontSize = bodySize): number {
  return Math.max(1, wrapText(text, width, fontSize).length);
}

/**
 * Points one line of text takes in a row, in a font of `fontSize` points:
 * about 1.36 times the size (Excel's 15 pt default row for 11 pt), rounded up
 * to whole pixels (0.75 pt), as Excel stores row heights.
 *
 * @example
 * lineHeight(10.5); // 15
 * lineHeight(16); // 22.5
 */
export function lineHeight(fontSize: number): number {
  return Math.ceil((fontSize * 1.36 * 4) / 3) * 0.75;
}
