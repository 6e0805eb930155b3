/**
 * Width in pixels of `text` set in the chart font at `fontSize`. Charts lay
 * out what Vega cannot (title lines, wrapped axis labels, cell sizes, label
 * positions) with it, so give them the same measure Vega draws with:
 * `chartTextMeasure(fonts)` from src/present/render/textMetrics.ts.
 */
export type TextMeasure = (text: string, fontSize: number, bold?: boolean) => number;

// CJK ideographs, kana, Hangul and full-width forms (（）、：，) are one em wide in Noto Sans SC.
const wide = /[\u1100-\u115f\u2e80-\u303f\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * A stand-in for a caller without the font: 1 em for Chinese and full-width
 * characters, 0.6 em (a little wide) for the rest, so lines it breaks are
 * never much too long.
 */
export const estimateTextWidth: TextMeasure = (text, fontSize, bold = false) => {
  let ems = 0;
  for (const char of text) ems += wide.test(char) ? 1 : bold ? 0.65 : 0.6;
  return ems * fontSize;
};
