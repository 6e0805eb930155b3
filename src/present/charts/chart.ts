import type { TopLevelSpec } from 'vega-lite';

/**
 * The kinds of chart a 通报 draws, one module each under `src/present/charts/`.
 *
 * @example
 * for (const kind of chartKinds) await kpi.charts(kind); // every chart of the latest period
 */
export const chartKinds = ['scorecard', 'heatmap', 'cumulative', 'ranking', 'trend'] as const;
/** One of {@link chartKinds}. */
export type ChartKind = (typeof chartKinds)[number];

/** One chart of a report: a Vega-Lite spec with its data inline, and what it is about. */
export interface Chart {
  readonly kind: ChartKind;
  /** File stem, unique in a report: `scorecard-<region code>`, `ranking-<indicator id>`. */
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  readonly region?: string;
  readonly indicator?: string;
}

/**
 * Chinese names of the chart kinds, for headings and file lists.
 *
 * @example
 * chartKindLabels.heatmap // '地区×指标热力图'
 */
export const chartKindLabels: Record<ChartKind, string> = {
  scorecard: '指标完成情况',
  heatmap: '地区×指标热力图',
  cumulative: '累计进度',
  ranking: '地区排名',
  trend: '同比趋势',
};
