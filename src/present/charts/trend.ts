import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { quarterLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { Chart } from './chart.js';

/**
 * An indicator by quarter for one region: this year so far against the same
 * quarters of last year. `undefined` when neither year has a figure.
 */
export function trendChart(data: ReportData, indicator: IndicatorDefinition, region: string): Chart | undefined {
  const values = withParams(figureTable(data), { indicator: indicator.id, region })
    .filter((d: FigureRecord, $: { indicator: string; region: string }) => d.indicator === $.indicator && d.region === $.region && d.actual !== null)
    .derive({
      quarter_label: escape((d: FigureRecord) => quarterLabel(d.quarter)),
      year_label: escape((d: FigureRecord) => `${d.year}年`),
    })
    .orderby('year', 'quarter')
    .objects();
  if (values.length === 0) return undefined;
  const quarters = [1, 2, 3, 4].map(quarterLabel);
  const years = [`${data.year - 1}年`, `${data.year}年`];
  const regionName = data.regions.find((r) => r.code === region)?.name ?? region;
  const title = `${regionName}${indicator.name}`;
  const x = { field: 'quarter_label', type: 'ordinal', sort: quarters, scale: { domain: quarters }, title: null, axis: { labelAngle: 0 } } as const;
  const y = { field: 'actual', type: 'quantitative', title: null, scale: { zero: false } } as const;
  const color = { field: 'year_label', type: 'nominal', title: '年度', scale: { domain: years, range: ['#9e9e9e', '#1f5fa8'] }, legend: { orient: 'bottom', direction: 'horizontal' } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: { text: title, subtitle: `${years[1]}与${years[0]}同期对比（单位：${indicator.unit}）` },
    width: 300,
    height: 170,
    data: { values },
    layer: [
      {
        mark: { type: 'line', point: { filled: true, size: 36 } },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: 'year_label', title: '年度' },
            { field: 'quarter_label', title: '季度' },
            { field: 'actual_label', title: '实际' },
          ],
        },
      },
      {
        transform: [{ filter: { field: 'year_label', equal: years[1] ?? '' } }],
        mark: { type: 'text', baseline: 'bottom', dy: -7, fontSize: 10, color: '#1f5fa8' },
        encoding: { x, y, text: { field: 'actual_label' } },
      },
    ],
  };
  return { kind: 'trend', name: `trend-${indicator.id}${region === rootRegion(data).code ? '' : `-${region}`}`, title, spec, region, indicator: indicator.id };
}
