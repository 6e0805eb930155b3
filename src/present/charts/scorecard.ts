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
/** Height of each further subtitle line (chartTheme's subtitleLineHeight). */
const subtitleLine = 15;
/** Beside the figure of an indicator whose year-end projection misses the annual target. */
export const projectedMissMark = '▼预计未达';
const projectedMissNote = `${projectedMissMark}：按往年季节规律预计年末达不到年度目标`;

/** Whether the row's year-end projection (OUTLOOK.md §2) falls short of its annual target, in the indicator's direction. */
const projectedToMiss = (d: FigureRecord, direction: 'higher' | 'lower'): boolean =>
  d.projected !== null && d.annual_target !== null && (direction === 'higher' ? d.projected < d.annual_target : d.projected > d.annual_target);

/**
 * A region's scorecard: for every indicator a bullet bar of progress toward
 * the annual target, the 序时进度 marker, the target line, and on the right
 * the figure and its 完成率, coloured by status, marked 「▼预计未达」 where
 * the year-end projection misses the annual target.
 */
export function scorecardChart(data: ReportData, region: string, measure: TextMeasure): Chart {
  const directions = new Map(data.indicators.map((i) => [i.id, i.direction]));
  const table = withParams(figureTable(data), { period: data.period, region })
    .filter((d: FigureRecord, $: { period: string; region: string }) => d.period === $.period && d.region === $.region)
    .orderby('indicator_ord')
    .derive({
      bar: escape((d: FigureRecord) => (d.annual_progress === null ? null : Math.min(Math.max(d.annual_progress, 0), progressCap))),
      projected_miss: escape((d: FigureRecord) => projectedToMiss(d, directions.get(d.indicator) ?? 'higher')),
    })
    .derive({
      note: escape((d: FigureRecord & { projected_miss: boolean }) =>
        [d.actual_label, d.attainment === null ? d.status_label : `完成率 ${d.attainment_label}`, ...(d.projected_miss ? [projectedMissMark] : [])].join('\u3000'),
      ),
    });
  const values = table.objects() as (FigureRecord & { bar: number | null; projected_miss: boolean; note: string })[];
  const anyMiss = values.some((v) => v.projected_miss);
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
  // The chart's width as drawn: names, bars, then the figures on the right.
  const drawnWidth =
    Math.min(labelLimit, Math.max(0, ...names.map((n) => measure(n, 11)))) + width + 10 + Math.max(0, ...values.map((v) => measure(v.note, 11)));
  const subtitle = ['条形：年度目标完成进度\u3000黑色竖线：序时进度\u3000虚线：年度目标', ...(anyMiss ? [projectedMissNote] : [])];
  const heading = chartTitle(`${title}（${periodLabel(data.period)}）`, subtitle, drawnWidth, measure);
  const subtitleLines = heading.subtitle === undefined || typeof heading.subtitle === 'string' ? 1 : heading.subtitle.length;
  // Rows of 24 px, closer (down to 16) where that keeps a long catalog on one printed page.
  const rowsHeight = pageChartHeight - frameHeight - (subtitleLines - 1) * subtitleLine;
  const step = Math.max(16, Math.min(24, Math.floor(rowsHeight / Math.max(1, names.length))));
  const y = { field: 'indicator_name', type: 'nominal', sort: names, title: null, axis: { labelLimit, ticks: false, domain: false } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: heading,
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
