import * as vega from 'vega';
import type { TextMeasure } from '../charts/textMeasure.js';
import type { ChartFonts } from './chartFonts.js';
import { isBold } from './chartFonts.js';

/** The part of a Vega text item that decides its width. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
  ellipsis?: string;
}

/** One line of a text mark: the text channel's value, which Vega turns into text with `+ ''`. */
type TextLine = string | number | boolean | null;

interface VegaTextMetrics {
  width: (item: TextItem, text?: TextLine) => number;
}

/** vega-scenegraph's measuring hook; vega's typings leave it out. */
const vegaTextMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;

/** Width in pixels of `text` set in the chart font. */
export function measureText(fonts: ChartFonts, text: string, fontSize: number, weight?: unknown): number {
  const font = isBold(weight) ? fonts.bold : fonts.regular;
  let units = 0;
  for (const char of text) units += font.charToGlyph(char).advanceWidth ?? font.unitsPerEm;
  return (units * fontSize) / font.unitsPerEm;
}

/** {@link measureText} as the charts take it: the width Vega will give the same text once {@link useChartTextMetrics} is on. */
export const chartTextMeasure =
  (fonts: ChartFonts): TextMeasure =>
  (text, fontSize, bold = false) =>
    measureText(fonts, text, fontSize, bold ? 'bold' : undefined);

/**
 * Makes Vega lay out text with the real advance widths of the chart font.
 * Without it Vega in Node guesses 0.8 em per character, so Chinese labels
 * (1 em each) overrun their space and legends clip. Call once per process.
 */
export function useChartTextMetrics(fonts: ChartFonts): void {
  vegaTextMetrics.width = (item, text) => {
    const size = item.fontSize ?? 11;
    const value = text === null || text === undefined ? '' : String(text).trim();
    if (size <= 0 || value === '') return 0;
    const width = measureText(fonts, value, size, item.fontWeight);
    const limit = Number(item.limit);
    // Vega truncates to `limit` when drawing; measure what it will draw.
    return limit > 0 && width > limit ? limit : width;
  };
}
