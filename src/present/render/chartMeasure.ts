import type { TextMeasure } from '../charts/textMeasure.js';
import { loadChartFonts } from './chartFonts.js';
import { chartTextMeasure, useChartTextMetrics } from './textMetrics.js';

let measure: Promise<TextMeasure> | undefined;

/**
 * The chart font's measure, loaded once per process, with Vega's text
 * metrics switched to it: what a long-lived process (a notebook, the server)
 * lays charts out and draws them with.
 */
export const sharedChartMeasure = (): Promise<TextMeasure> =>
  (measure ??= loadChartFonts().then((fonts) => {
    useChartTextMetrics(fonts);
    return chartTextMeasure(fonts);
  }));
