import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { Chart } from './chart.js';
import { chartTitle } from './chartTitle.js';
import { statusColor } from './statusStyle.js';
import type { TextMeasure } from './textMeasure.js';

const width = 360;

/**
 * The root's direct subdivisions ranked by 完成率 for one indicator, best
 * first, each bar labelled with its gap to the target in the indicator's
 * unit (个百分点 for rates). Regions with nothing to rank are named below
 * the chart rather than dropped silently. `undefined` when fewer than two
 * regions can be ranked.
 */
export function rankingChart(data: ReportData, indicator: IndicatorDefinition, measure: TextMeasure): Chart | undefined {
  const root = rootRegion(data).code;
  const children = new Set(data.regions.filter((r) => r.parent === root).map((r) => r.code));
  const rows = withParams(figureTable(data), { period: data.period, indicator: indicator.id })
    .filter((d: FigureRecord, $: { period: string; indicator: string }) => d.period === $.period && d.indicator === $.indicator)
    .filter(escape((d: FigureRecord) => children.has(d.region)));
  const ranked = rows
    .filter((d: FigureRecord) => d.attainment !== null)
    .orderby('rank', 'region_ord')
    .derive({ label: escape((d: FigureRecord) => `${d.attainment_label}\u3000差距 ${d.gap_label}`) });
  if (ranked.numRows() < 2) return undefined;
  const unranked = rows.filter((d: FigureRecord) => d.attainment === null).orderby('region_ord').objects() as FigureRecord[];
  const values = ranked.objects() as (FigureRecord & { label: string })[];
  const top = Math.max(1.2, ...values.map((v) => v.attainment ?? 0));
  const cap = Math.min(top, 2);
  const title = `${indicator.name}：各地区完成率排名`;
  const note = unranked.length > 0 ? `未排名：${unranked.map((u) => `${u.region_name}（${u.status_label}）`).join('、')}` : undefined;
  // The chart's width as drawn: region names, bars, then the figures on the right.
  const drawnWidth = Math.max(0, ...values.map((v) => measure(v.region_name, 11))) + width + 10 + Math.max(0, ...values.map((v) => measure(v.label, 11)));
  const y = { field: 'region_name', type: 'nominal', sort: values.map((v) => v.region_name), title: null, axis: { ticks: false, domain: false } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: chartTitle(`${title}（${periodLabel(data.period)}）`, [`单位：${indicator.unit}；虚线：目标（完成率100%）`, ...(note ? [note] : [])], drawnWidth, measure),
    width,
    height: { step: 24 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.62 }, clip: true },
        encoding: {
          y,
          x: { field: 'attainment', type: 'quantitative', title: '完成率', scale: { domain: [0, cap], nice: false }, axis: { format: '.0%', tickCount: 5 } },
          color: statusColor(values.map((v) => v.status)),
          tooltip: [
            { field: 'rank', title: '排名' },
            { field: 'region_name', title: '地区' },
            { field: 'actual_label', title: '实际' },
            { field: 'target_label', title: '目标（至本期）' },
            { field: 'attainment_label', title: '完成率' },
            { field: 'gap_label', title: '差距' },
          ],
        },
      },
      {
        data: { values: [{ target: 1 }] },
        mark: { type: 'rule', color: '#444444', strokeDash: [4, 3] },
        encoding: { x: { field: 'target', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 10, color: '#222222' },
        encoding: { y, x: { datum: cap }, text: { field: 'label' } },
      },
    ],
  };
  return { kind: 'ranking', name: `ranking-${indicator.id}`, title, spec, indicator: indicator.id };
}
