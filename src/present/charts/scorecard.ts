import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import { indicatorsFor } from '../report/reportData.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { chartConfig, pageChartHeight, vegaLiteSchema } from './chartTheme.js';
import type { Chart } from './chart.js';
import { chartTitle } from './chartTitle.js';
import { statusColor } from './statusStyle.js';
import type { TextMeasure } from './textMeasure.js';

/** Bars longer than this share of the annual target are cut at the edge; the label keeps the true figure. */
const progressCap = 1.5;
const width = 420;
const labelLimit = 340;
/** Height of all but the rows: padding, title and subtitle, the x axis, the legend. */
const frameHeight = 2 * 12 + 20 + 15 + 12 + 25 + 50;

/**
 * A region's scorecard: for every indicator a bullet bar of progress toward
 * the annual target, the 序时进度 marker, the target line, and on the right
 * the figure and its 完成率, coloured by status.
 */
export function scorecardChart(data: ReportData, region: string, measure: TextMeasure): Chart {
  const table = withParams(figureTable(data), { period: data.period, region })
    .filter((d: FigureRecord, $: { period: string; region: string }) => d.period === $.period && d.region === $.region)
    .orderby('indicator_ord')
    .derive({
      bar: escape((d: FigureRecord) => (d.annual_progress === null ? null : Math.min(Math.max(d.annual_progress, 0), progressCap))),
      note: escape((d: FigureRecord) =>
        d.attainment === null ? `${d.actual_label}\u3000${d.status_label}` : `${d.actual_label}\u3000完成率 ${d.attainment_label}`,
      ),
    });
  const values = table.objects() as (FigureRecord & { bar: number | null; note: string })[];
  const regionName = data.regions.find((r) => r.code === region)?.name ?? region;
  const title = `${regionName}主要指标完成情况`;
  const tooltip = [
    { field: 'indicator_name', title: '指标' },
    { field: 'actual_label', title: '实际' },
    { field: 'target_label', title: '目标（至本期）' },
    { field: 'attainment_label', title: '完成率' },
    { field: 'gap_label', title: '差距' },
    { field: 'status_label', title: '状态' },
  ];
  const names = indicatorsFor(data, region).map((i) => i.name);
  // Rows of 24 px, closer (down to 16) where that keeps a long catalog on one printed page.
  const step = Math.max(16, Math.min(24, Math.floor((pageChartHeight - frameHeight) / Math.max(1, names.length))));
  const y = { field: 'indicator_name', type: 'nominal', sort: names, title: null, axis: { labelLimit, ticks: false, domain: false } } as const;
  // The chart's width as drawn: names, bars, then the figures on the right.
  const drawnWidth =
    Math.min(labelLimit, Math.max(0, ...names.map((n) => measure(n, 11)))) + width + 10 + Math.max(0, ...values.map((v) => measure(v.note, 11)));
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: chartTitle(`${title}（${periodLabel(data.period)}）`, '条形：年度目标完成进度\u3000黑色竖线：序时进度\u3000虚线：年度目标', drawnWidth, measure),
    width,
    height: { step },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.62 }, clip: true },
        encoding: {
          y,
          x: {
            field: 'bar',
            type: 'quantitative',
            // The subtitle names the bar; an axis title would only repeat it.
            title: null,
            scale: { domain: [0, progressCap], nice: false },
            axis: { format: '.0%', grid: true, tickCount: 6 },
          },
          color: statusColor(values.filter((v) => v.bar !== null).map((v) => v.status)),
          tooltip,
        },
      },
      {
        mark: { type: 'tick', color: '#111111', thickness: 2.5, bandSize: step * 0.75 },
        encoding: { y, x: { field: 'expected_progress', type: 'quantitative' }, tooltip },
      },
      {
        data: { values: [{ annual: 1 }] },
        mark: { type: 'rule', color: '#444444', strokeDash: [4, 3] },
        encoding: { x: { field: 'annual', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 10, color: '#222222' },
        encoding: { y, x: { datum: progressCap }, text: { field: 'note' } },
      },
    ],
  };
  return { kind: 'scorecard', name: `scorecard-${region}`, title, spec, region };
}
