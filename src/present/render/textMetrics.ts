import type { TextMeasure } from '../charts/textMeasure.js';
import type { ChartFonts } from './chartFonts.js';
import { isBold } from './chartFonts.js';

/** The part of a Vega text item that decides its width. */
export interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
  ellipsis?: string;
}

/** One line of a text mark: the text channel's value, which Vega turns into text with `+ ''`. */
export type TextLine = string | number | boolean | null;

/** Vega's width of a text item; undefined until {@link useChartTextMetrics}, when Vega keeps its own guess. */
let chartTextWidth: ((item: TextItem, text?: TextLine) => number) | undefined;

/** What renderSvg.ts installs into Vega (this module stays free of vega, so a report whose charts are all cached never loads it). */
export const vegaTextWidth = () => chartTextWidth;

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
  chartTextWidth = (item, text) => {
    const size = item.fontSize ?? 11;
    const value = text === null || text === undefined ? '' : String(text).trim();
    if (size <= 0 || value === '') return 0;
    const width = measureText(fonts, value, size, item.fontWeight);
    const limit = Number(item.limit);
    // Vega truncates to `limit` when drawing; measure what it will draw.
    return limit > 0 && width > limit ? limit : width;
  };
}
