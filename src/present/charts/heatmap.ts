import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { Chart } from './chart.js';
import { statusColor, statusDisplayOrder, statusTextColors } from './statusStyle.js';
import { statusLabels } from '../../assess/statusRules.js';

/**
 * Regions × indicators at the report period: each cell coloured by status,
 * holding the figure and its 完成率, so a director sees at a glance which
 * region is behind on what.
 */
export function heatmapChart(data: ReportData): Chart {
  const values = withParams(figureTable(data), { period: data.period })
    .filter((d: FigureRecord, $: { period: string }) => d.period === $.period)
    .orderby('indicator_ord', 'region_ord')
    .derive({
      cell: escape((d: FigureRecord) => (d.attainment === null ? [d.actual_label] : [d.actual_label, d.attainment_label])),
    })
    .objects();
  const longestName = Math.max(...data.regions.map((r) => [...r.name].length));
  // CJK glyphs are one em wide: size columns to the longest region name at 11 px.
  const step = Math.max(78, longestName * 11 + 10);
  const title = '各地区主要指标完成情况';
  const tooltip = [
    { field: 'region_name', title: '地区' },
    { field: 'indicator_name', title: '指标' },
    { field: 'actual_label', title: '实际' },
    { field: 'target_label', title: '目标（至本期）' },
    { field: 'attainment_label', title: '完成率' },
    { field: 'status_label', title: '状态' },
  ];
  const x = { field: 'region_name', type: 'nominal', sort: data.regions.map((r) => r.name), title: null, axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false, labelPadding: 6 } } as const;
  const y = { field: 'indicator_name', type: 'nominal', sort: data.indicators.map((i) => i.name), title: null, axis: { ticks: false, domain: false, labelLimit: 340 } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: { text: `${title}（${periodLabel(data.period)}）`, subtitle: '格内：实际值 / 完成率；颜色：状态' },
    width: { step },
    height: { step: 36 },
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: statusColor,
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: 10, lineHeight: 13, baseline: 'middle' },
        encoding: {
          x,
          y,
          text: { field: 'cell' },
          color: {
            field: 'status_label',
            type: 'nominal',
            scale: { domain: statusDisplayOrder.map((s) => statusLabels[s]), range: statusDisplayOrder.map((s) => statusTextColors[s]) },
            legend: null,
          },
          tooltip,
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return { kind: 'heatmap', name: 'heatmap', title, spec };
}
