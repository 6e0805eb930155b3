import { titleFontSize, subtitleFontSize } from './chartTheme.js';
import type { TextMeasure } from './textMeasure.js';
import { wrapText } from './wrapText.js';

/** A Vega-Lite title whose lines fit the chart: one string when it fits on one line, else its lines. */
export interface ChartTitle {
  readonly text: string | string[];
  readonly subtitle?: string | string[];
}

const oneOrLines = (lines: string[]): string | string[] => (lines.length === 1 ? (lines[0] ?? '') : lines);

/**
 * The title and subtitle of a chart broken into lines no wider than `width`
 * (the chart's own width, measured with the font it is drawn in), so a long
 * indicator name wraps instead of widening the chart, which the page would
 * then shrink to fit. Each subtitle entry starts a new line.
 *
 * @example
 * chartTitle('某市国家和省级重点实验室、工程（技术）研究中心、企业技术中心', '2023年与2022年同期对比', 300, measure);
 * // { text: ['某市国家和省级重点实验室、', '工程（技术）研究中心、企业技术中心'], subtitle: '2023年与2022年同期对比' }
 */
export function chartTitle(text: string, subtitle: string | readonly string[] | undefined, width: number, measure: TextMeasure): ChartTitle {
  const title = oneOrLines(wrapText(text, width, titleFontSize, measure, true));
  if (subtitle === undefined) return { text: title };
  const entries = typeof subtitle === 'string' ? [subtitle] : subtitle;
  return { text: title, subtitle: oneOrLines(entries.flatMap((entry) => wrapText(entry, width, subtitleFontSize, measure))) };
}
