import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import { indicatorsFor } from '../report/reportData.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { Chart } from './chart.js';
import { statusColor } from './statusStyle.js';

/** Bars longer than this share of the annual target are cut at the edge; the label keeps the true figure. */
const progressCap = 1.5;

/**
 * A region's scorecard: for every indicator a bullet bar of progress toward
 * the annual target, the 序时进度 marker, the target line, and on the right
 * the figure and its 完成率, coloured by status.
 */
export function scorecardChart(data: ReportData, region: string): Chart {
  const table = withParams(figureTable(data), { period: data.period, region })
    .filter((d: FigureRecord, $: { period: string; region: string }) => d.period === $.period && d.region === $.region)
    .orderby('indicator_ord')
    .derive({
      bar: escape((d: FigureRecord) => (d.annual_progress === null ? null : Math.min(Math.max(d.annual_progress, 0), progressCap))),
      note: escape((d: FigureRecord) =>
        d.attainment === null ? `${d.actual_label}\u3000${d.status_label}` : `${d.actual_label}\u3000完成率 ${d.attainment_label}`,
      ),
    });
  const values = table.objects();
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
  const y = { field: 'indicator_name', type: 'nominal', sort: indicatorsFor(data, region).map((i) => i.name), title: null, axis: { labelLimit: 340, ticks: false, domain: false } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: { text: `${title}（${periodLabel(data.period)}）`, subtitle: '条形：年度目标完成进度\u3000黑色竖线：序时进度\u3000虚线：年度目标' },
    width: 420,
    height: { step: 24 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.62 }, clip: true },
        encoding: {
          y,
          x: {
            field: 'bar',
            type: 'quantitative',
            title: '年度目标完成进度',
            scale: { domain: [0, progressCap], nice: false },
            axis: { format: '.0%', grid: true, tickCount: 6 },
          },
          color: statusColor,
          tooltip,
        },
      },
      {
        mark: { type: 'tick', color: '#111111', thickness: 2.5, bandSize: 18 },
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
