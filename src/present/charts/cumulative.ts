import { escape, from } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { formatValue } from '../format/formatFigure.js';
import { periodLabel, quarterLabel } from '../format/periodLabels.js';
import type { ReportData, SchedulePoint } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { Chart } from './chart.js';
import { statusColor } from './statusStyle.js';

const planned = '计划进度';
const linear = '线性序时进度';

/**
 * Year-to-date progress of an indicator whose target builds up through the
 * year: the actual figure at each quarter end so far (bars, coloured by
 * status) against the plan's schedule (e.g. 30/60/90/120) and the linear
 * 序时 line. `undefined` when the region has no target for the year.
 */
export function cumulativeChart(data: ReportData, indicator: IndicatorDefinition, region: string): Chart | undefined {
  const points = data.schedule.filter((p) => p.indicator === indicator.id && p.region === region);
  if (points.length === 0) return undefined;
  const quarters = [1, 2, 3, 4].map(quarterLabel);
  // The linear line is drawn only where it says something the schedule does not.
  const distinct = points.some((p) => p.linear !== p.target);
  const lines = from(points.map((p) => ({ ...p })))
    .fold(distinct ? ['target', 'linear'] : ['target'], { as: ['series', 'value'] })
    .filter((d: { value: number | null }) => d.value !== null)
    .derive({
      series: escape((d: { series: string }) => (d.series === 'target' ? planned : linear)),
      quarter_label: escape((d: SchedulePoint) => quarterLabel(d.quarter)),
      value_label: escape((d: { value: number }) => formatValue(d.value, indicator)),
    })
    .objects();
  const bars = withParams(figureTable(data), { year: data.year, indicator: indicator.id, region })
    .filter(
      (d: FigureRecord, $: { year: number; indicator: string; region: string }) =>
        d.year === $.year && d.indicator === $.indicator && d.region === $.region && d.actual !== null,
    )
    .derive({ quarter_label: escape((d: FigureRecord) => quarterLabel(d.quarter)) })
    .objects();
  const regionName = data.regions.find((r) => r.code === region)?.name ?? region;
  const title = `${regionName}${indicator.name}累计进度`;
  const x = { field: 'quarter_label', type: 'ordinal', sort: quarters, scale: { domain: quarters }, title: null, axis: { labelAngle: 0 } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: { text: `${title}（截至${periodLabel(data.period)}）`, subtitle: `单位：${indicator.unit}；柱：实际累计完成；实线：${planned}${distinct ? `；虚线：${linear}` : ''}` },
    width: 420,
    height: 240,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', width: { band: 0.5 } },
        encoding: {
          x,
          y: { field: 'actual', type: 'quantitative', title: null },
          color: statusColor,
          tooltip: [
            { field: 'quarter_label', title: '季度' },
            { field: 'actual_label', title: '实际累计' },
            { field: 'target_label', title: '目标（至本期）' },
            { field: 'attainment_label', title: '完成率' },
          ],
        },
      },
      {
        // At the foot of the bar, where the schedule's labels above can never cover it.
        data: { values: bars },
        mark: { type: 'text', baseline: 'bottom', dy: -4, color: '#1a1a1a', fontSize: 10 },
        encoding: { x, y: { datum: 0 }, text: { field: 'actual_label' } },
      },
      {
        data: { values: lines },
        mark: { type: 'line', color: '#333333', point: { filled: true, size: 36, color: '#333333' } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          // The subtitle says which line is which; a dash legend draws no visible symbol in resvg.
          strokeDash: { field: 'series', type: 'nominal', scale: { domain: [planned, linear], range: [[1, 0], [5, 4]] }, legend: null },
          detail: { field: 'series' },
          tooltip: [
            { field: 'series', title: '参照' },
            { field: 'quarter_label', title: '季度' },
            { field: 'value_label', title: '目标' },
          ],
        },
      },
      {
        data: { values: lines.filter((l) => (l as { series: string }).series === planned) },
        mark: { type: 'text', align: 'center', dy: -12, color: '#333333', fontSize: 10 },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, text: { field: 'value_label' } },
      },
    ],
  };
  return { kind: 'cumulative', name: `cumulative-${indicator.id}${region === rootRegion(data).code ? '' : `-${region}`}`, title, spec, region, indicator: indicator.id };
}
