import { scheduleRules } from '../../assess/scheduleRules.js';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { Chart, ChartKind } from './chart.js';
import { cumulativeChart } from './cumulative.js';
import { heatmapChart } from './heatmap.js';
import { rankingChart } from './ranking.js';
import { scorecardChart } from './scorecard.js';
import { trendChart } from './trend.js';

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * Which charts of each kind a 通报 holds. A Record, so a new chart kind
 * cannot be added without saying where it appears.
 */
export const chartCatalog: Record<ChartKind, (data: ReportData) => Chart[]> = {
  scorecard: (data) => data.regions.map((r) => scorecardChart(data, r.code)),
  heatmap: (data) => [heatmapChart(data)],
  cumulative: (data) =>
    data.indicators
      .filter((i) => scheduleRules[i.schedule].accumulates)
      .map((i) => cumulativeChart(data, i, rootRegion(data).code))
      .filter(defined),
  ranking: (data) => data.indicators.map((i) => rankingChart(data, i)).filter(defined),
  trend: (data) => data.indicators.map((i) => trendChart(data, i, rootRegion(data).code)).filter(defined),
};

/** Every chart of a report, kind by kind. */
export const reportCharts = (data: ReportData): Chart[] => Object.values(chartCatalog).flatMap((build) => build(data));
