import { scheduleRules } from '../../assess/scheduleRules.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { Chart, ChartKind } from './chart.js';
import { cumulativeChart } from './cumulative.js';
import { heatmapCharts } from './heatmap.js';
import { rankingChart } from './ranking.js';
import { scorecardChart } from './scorecard.js';
import type { TextMeasure } from './textMeasure.js';
import { trendChart } from './trend.js';

/** Which charts of a kind are wanted: for one region (default the root of the tree) and, where a kind has one chart per indicator, one indicator (default all). */
export interface ChartSelection {
  readonly region?: string | undefined;
  readonly indicator?: string | undefined;
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The charts of one kind for a dashboard or a notebook: the same Vega-Lite
 * specs as the 通报's, but for any region, not only the root. A Record, so a
 * new chart kind must say how it is selected. A region or indicator the data
 * does not hold gives no chart (callers check names first).
 */
const selections: Record<ChartKind, (data: ReportData, at: { region: string; indicators: readonly IndicatorDefinition[] }, measure: TextMeasure) => Chart[]> = {
  scorecard: (data, at, measure) => (data.regions.some((r) => r.code === at.region) ? [scorecardChart(data, at.region, measure)] : []),
  heatmap: (data, _at, measure) => heatmapCharts(data, measure),
  cumulative: (data, at, measure) => at.indicators.filter((i) => scheduleRules[i.schedule].accumulates).map((i) => cumulativeChart(data, i, at.region, measure)).filter(defined),
  ranking: (data, at, measure) => at.indicators.map((i) => rankingChart(data, i, measure)).filter(defined),
  trend: (data, at, measure) => at.indicators.map((i) => trendChart(data, i, at.region, measure)).filter(defined),
};

/** The charts of `kind` for `selection`, laid out with `measure` (see {@link reportCharts} for the fonts). */
export function chartsOf(data: ReportData, kind: ChartKind, selection: ChartSelection, measure: TextMeasure): Chart[] {
  const region = selection.region ?? rootRegion(data).code;
  const indicators = selection.indicator === undefined ? data.indicators : data.indicators.filter((i) => i.id === selection.indicator);
  return selections[kind](data, { region, indicators }, measure);
}
