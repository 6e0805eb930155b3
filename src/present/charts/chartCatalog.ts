import { scheduleRules } from '../../assess/scheduleRules.js';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { Chart, ChartKind } from './chart.js';
import { cumulativeChart } from './cumulative.js';
import { heatmapCharts } from './heatmap.js';
import { rankingChart } from './ranking.js';
import { scorecardChart } from './scorecard.js';
import type { TextMeasure } from './textMeasure.js';
import { estimateTextWidth } from './textMeasure.js';
import { trendChart } from './trend.js';

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * Which charts of each kind a 通报 holds. A Record, so a new chart kind
 * cannot be added without saying where it appears. Each lays its text out
 * with `measure` (titles broken into lines, labels placed clear of lines).
 */
export const chartCatalog: Record<ChartKind, (data: ReportData, measure: TextMeasure) => Chart[]> = {
  scorecard: (data, measure) => data.regions.map((r) => scorecardChart(data, r.code, measure)),
  heatmap: (data, measure) => heatmapCharts(data, measure),
  cumulative: (data, measure) =>
    data.indicators
      .filter((i) => scheduleRules[i.schedule].accumulates)
      .map((i) => cumulativeChart(data, i, rootRegion(data).code, measure))
      .filter(defined),
  ranking: (data, measure) => data.indicators.map((i) => rankingChart(data, i, measure)).filter(defined),
  trend: (data, measure) => data.indicators.map((i) => trendChart(data, i, rootRegion(data).code, measure)).filter(defined),
};

/**
 * Every chart of a report, kind by kind. Pass the measure of the font the
 * charts are drawn with (`chartTextMeasure(await loadChartFonts())`); without
 * it, text is laid out by an estimate and lines may break a little early.
 *
 * @example
 * const fonts = await loadChartFonts();
 * useChartTextMetrics(fonts);
 * const charts = reportCharts(data, chartTextMeasure(fonts));
 */
export const reportCharts = (data: ReportData, measure: TextMeasure = estimateTextWidth): Chart[] =>
  Object.values(chartCatalog).flatMap((build) => build(data, measure));
