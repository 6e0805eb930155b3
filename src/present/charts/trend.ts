import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { quarterLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { Chart } from './chart.js';
import { chartTitle } from './chartTitle.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import type { Point } from './labelPlacement.js';
import { besidePoint, markerBox, placeLabels } from './labelPlacement.js';
import { niceDomain, pointPadding, pointPositions, yAxisWidth, yScale } from './plotGeometry.js';
import type { TextMeasure } from './textMeasure.js';
import { regionPhrase } from '../format/regionPhrase.js';

const width = 300;
const height = 170;
const labelSize = 10;
const thisYearColor = '#1f5fa8';

type TrendRecord = FigureRecord & { actual: number; quarter_label: string; year_label: string };

/**
 * An indicator by quarter for one region: this year so far against the same
 * quarters of last year, this year's figures printed clear of both lines.
 * `undefined` when neither year has a figure.
 */
export function trendChart(data: ReportData, indicator: IndicatorDefinition, region: string, measure: TextMeasure): Chart | undefined {
  const values = withParams(figureTable(data), { indicator: indicator.id, region })
    .filter((d: FigureRecord, $: { indicator: string; region: string }) => d.indicator === $.indicator && d.region === $.region && d.actual !== null)
    .derive({
      quarter_label: escape((d: FigureRecord) => quarterLabel(d.quarter)),
      year_label: escape((d: FigureRecord) => `${d.year}年`),
    })
    .orderby('year', 'quarter')
    .objects() as TrendRecord[];
  if (values.length === 0) return undefined;
  const quarters = [1, 2, 3, 4].map(quarterLabel);
  const years = [`${data.year - 1}年`, `${data.year}年`] as const;
  const domain = niceDomain(values.map((v) => v.actual), { zero: false, headroom: 0.15, footroom: 0.15 });

  const xs = pointPositions(quarters.length, width);
  const toY = yScale(domain, height);
  const at = (v: TrendRecord): Point => ({ x: xs[v.quarter - 1] ?? 0, y: toY(v.actual) });
  const lines = years.map((y) => values.filter((v) => v.year_label === y).map(at));
  const labels = placeLabels(
    values.filter((v) => v.year_label === years[1]).map((v) => ({ text: v.actual_label, fontSize: labelSize, datum: v, candidates: besidePoint(at(v), 5) })),
    { frame: { x1: 0, y1: 0, x2: width, y2: height }, lines, marks: lines.flat().map((p) => markerBox(p, 3.5)), avoid: [] },
    measure,
  ).map((l) => ({ x: l.x, y: l.y, text: l.text }));

  const regionName = data.regions.find((r) => r.code === region)?.name ?? region;
  const title = regionPhrase(regionName, indicator.name);
  const x = { field: 'quarter_label', type: 'ordinal', sort: quarters, scale: { type: 'point', domain: quarters, padding: pointPadding }, title: null, axis: { labelAngle: 0 } } as const;
  const y = { field: 'actual', type: 'quantitative', title: null, scale: { domain, nice: false, zero: false } } as const;
  const color = { field: 'year_label', type: 'nominal', title: '年度', scale: { domain: [...years], range: ['#9e9e9e', thisYearColor] }, legend: { orient: 'bottom', direction: 'horizontal' } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: chartTitle(title, `${years[1]}与${years[0]}同期对比（单位：${indicator.unit}）`, width + yAxisWidth(domain, measure), measure),
    width,
    height,
    layer: [
      {
        data: { values },
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
        // Placed in pixels, off both lines and their markers (labelPlacement.ts).
        data: { values: labels },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: labelSize, color: thisYearColor },
        encoding: { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null }, text: { field: 'text' } },
      },
    ],
  };
  return { kind: 'trend', name: `trend-${indicator.id}${region === rootRegion(data).code ? '' : `-${region}`}`, title, spec, region, indicator: indicator.id };
}
