import { escape } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { formatValue } from '../format/formatFigure.js';
import { periodLabel, quarterLabel } from '../format/periodLabels.js';
import type { ReportData, SchedulePoint } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { Chart } from './chart.js';
import { chartTitle } from './chartTitle.js';
import { chartConfig, vegaLiteSchema } from './chartTheme.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import type { Box, LabelRequest, Point } from './labelPlacement.js';
import { besidePoint, markerBox, placeLabels } from './labelPlacement.js';
import { bandCenters, bandPadding, niceDomain, yAxisWidth, yScale } from './plotGeometry.js';
import { statusColor, statusTextColors } from './statusStyle.js';
import type { TextMeasure } from './textMeasure.js';
import { regionPhrase } from '../format/regionPhrase.js';

const planned = '计划进度';
const linear = '线性序时进度';
/** The category before 一季度 where a stock's linear line starts: last year's closing level. */
const yearStart = '上年末';
const projectionSeries = '预计年末';

const width = 420;
const height = 240;
const labelSize = 10;
/** A bar's width as a share of its band. */
const barShare = 0.6;
/** Radius of the line's point markers (Vega's symbol size is its area: 36 px²). */
const markerRadius = 3.5;
/** The year-end projection: a hollow point (64 px², a ring round a plan marker it meets), its range and connector in grey. */
const projectionSize = 64;
const projectionRadius = 5;
const projectionColor = '#666666';

interface LinePoint {
  readonly series: string;
  readonly quarter_label: string;
  readonly value: number;
  readonly value_label: string;
}

/** 年末预计 (OUTLOOK.md §2) as drawn: from the figure to date to the year end, with its range when there is one. */
interface Projection {
  readonly from: LinePoint;
  readonly to: LinePoint;
  readonly range: { readonly low: number; readonly high: number } | undefined;
  readonly label: string;
}

/**
 * Year-to-date progress of an indicator whose target builds up through the
 * year: the actual figure at each quarter end so far (bars, coloured by
 * status) against the plan's schedule (e.g. 30/60/90/120) and the linear
 * 序时 line. A flow's linear line runs from 0 to the annual target; a
 * stock's (patents held: 3500 → 4000) from last year's closing level, drawn
 * at 上年末, and is left out, saying so, when that level is unknown.
 * Before Q4 the year-end projection is a hollow point at 四季度 (its range
 * a vertical rule), dashed from the figure to date, beside the plan's
 * annual target. Figures are placed clear of the lines and of each other.
 * `undefined` when the region has no target for the year.
 */
export function cumulativeChart(data: ReportData, indicator: IndicatorDefinition, region: string, measure: TextMeasure): Chart | undefined {
  const points = data.schedule.filter((p) => p.indicator === indicator.id && p.region === region);
  const first = points[0];
  if (first === undefined) return undefined;
  const stock = first.measure === 'stock';
  const start = stock ? first.priorYearEnd : 0;
  const paced = (p: SchedulePoint): number | null => (start === null ? null : start + (p.annual - start) * (p.quarter / 4));
  // The linear line is drawn only where it says something the schedule does not.
  const distinct = points.some((p) => paced(p) !== null && paced(p) !== p.target);
  const fromYearStart = stock && distinct;
  const categories = [...(fromYearStart ? [yearStart] : []), ...[1, 2, 3, 4].map(quarterLabel)];
  const linePoint = (series: string, quarter: string, value: number): LinePoint => ({ series, quarter_label: quarter, value, value_label: formatValue(value, indicator) });
  const plan = points.flatMap((p) => (p.target === null ? [] : [linePoint(planned, quarterLabel(p.quarter), p.target)]));
  const pace = distinct
    ? [
        ...(fromYearStart && start !== null ? [linePoint(linear, yearStart, start)] : []),
        ...points.flatMap((p) => {
          const value = paced(p);
          return value === null ? [] : [linePoint(linear, quarterLabel(p.quarter), value)];
        }),
      ]
    : [];
  const bars = withParams(figureTable(data), { year: data.year, indicator: indicator.id, region })
    .filter(
      (d: FigureRecord, $: { year: number; indicator: string; region: string }) =>
        d.year === $.year && d.indicator === $.indicator && d.region === $.region && d.actual !== null,
    )
    .derive({ quarter_label: escape((d: FigureRecord) => quarterLabel(d.quarter)) })
    .objects() as (FigureRecord & { quarter_label: string; actual: number })[];

  const projection = projectionOf(data, indicator, region);
  const projected = projection === undefined ? [] : [projection.to.value, ...(projection.range ? [projection.range.low, projection.range.high] : [])];
  const domain = niceDomain([...bars.map((b) => b.actual), ...plan.map((p) => p.value), ...pace.map((p) => p.value), ...projected], { zero: true, headroom: 0.12 });
  const labels = figureLabels(categories, domain, bars, plan, pace, projection, measure);

  const regionName = data.regions.find((r) => r.code === region)?.name ?? region;
  const title = regionPhrase(regionName, `${indicator.name}累计进度`);
  const bar = stock ? '季末实际值' : '实际累计完成';
  const dashes = !distinct ? '' : stock ? `；虚线：${linear}（自上年末起）` : `；虚线：${linear}`;
  const unknownStart = stock && start === null ? '；上年末数不详，未画线性序时进度' : '';
  const projectionNote = projection === undefined ? [] : [`空心点：按往年季节规律预计的年末数${projection.range ? '（竖线为区间）' : ''}`];
  const x = { field: 'quarter_label', type: 'ordinal', sort: categories, scale: { domain: categories, ...bandPadding }, title: null, axis: { labelAngle: 0 } } as const;
  const y = { type: 'quantitative', scale: { domain, nice: false } } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: chartTitle(
      `${title}（截至${periodLabel(data.period)}）`,
      [`单位：${indicator.unit}；柱：${bar}；实线：${planned}${dashes}${unknownStart}`, ...projectionNote],
      width + yAxisWidth(domain, measure),
      measure,
    ),
    width,
    height,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', width: { band: barShare } },
        encoding: {
          x,
          y: { ...y, field: 'actual', title: null },
          color: statusColor(bars.map((b) => b.status)),
          tooltip: [
            { field: 'quarter_label', title: '季度' },
            { field: 'actual_label', title: stock ? '实际（季末）' : '实际累计' },
            { field: 'target_label', title: '目标（至本期）' },
            { field: 'attainment_label', title: '完成率' },
          ],
        },
      },
      {
        data: { values: [...plan, ...pace] },
        mark: { type: 'line', color: '#333333', point: { filled: true, size: 36, color: '#333333' } },
        encoding: {
          x,
          y: { ...y, field: 'value' },
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
      ...(projection === undefined ? [] : projectionLayers(projection, { x, y })),
      {
        // Placed in pixels (figureLabels), so no figure sits on a line, a marker or another figure.
        data: { values: labels },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: labelSize },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: null },
          y: { field: 'y', type: 'quantitative', scale: null },
          text: { field: 'text' },
          color: { field: 'color', type: 'nominal', scale: null },
        },
      },
    ],
  };
  return { kind: 'cumulative', name: `cumulative-${indicator.id}${region === rootRegion(data).code ? '' : `-${region}`}`, title, spec, region, indicator: indicator.id };
}

/** The region's year-end projection at the report quarter, when there is one (before Q4, with a figure to date). */
function projectionOf(data: ReportData, indicator: IndicatorDefinition, region: string): Projection | undefined {
  const row = data.rows.find((r) => r.indicator === indicator.id && r.region === region && r.period === data.period);
  if (row === undefined || row.quarter >= 4 || row.actual === null || row.projected === null) return undefined;
  const point = (quarter: number, value: number): LinePoint => ({ series: projectionSeries, quarter_label: quarterLabel(quarter), value, value_label: formatValue(value, indicator) });
  const to = point(4, row.projected);
  return {
    from: point(row.quarter, row.actual),
    to,
    range: row.projectedLow !== null && row.projectedHigh !== null ? { low: row.projectedLow, high: row.projectedHigh } : undefined,
    label: `${projectionSeries} ${to.value_label}`,
  };
}

/** One layer of a layered spec. */
type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];
/** The chart's quarter and value encodings, shared by every layer so they share its scales. */
interface Axes {
  readonly x: { readonly field: 'quarter_label'; readonly type: 'ordinal'; readonly sort: readonly string[]; readonly title: null };
  readonly y: { readonly type: 'quantitative'; readonly scale: { readonly domain: [number, number]; readonly nice: false } };
}

/** The projection's dashed connector, its range rule and its hollow point, on the chart's own scales. */
function projectionLayers(projection: Projection, { x, y }: Axes): Layer[] {
  const { to, range } = projection;
  const tooltip = [
    { field: 'quarter_label', title: '季度' },
    { field: 'value_label', title: projectionSeries },
  ];
  const rule: Layer[] =
    range === undefined
      ? []
      : [
          {
            data: { values: [{ quarter_label: to.quarter_label, low: range.low, high: range.high }] },
            mark: { type: 'rule', color: projectionColor, strokeWidth: 1.5 },
            encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
          },
        ];
  return [
    {
      data: { values: [projection.from, to] },
      mark: { type: 'line', color: projectionColor, strokeDash: [3, 3], strokeWidth: 1.5 },
      encoding: { x, y: { ...y, field: 'value' } },
    },
    ...rule,
    {
      data: { values: [to] },
      mark: { type: 'point', filled: false, size: projectionSize, color: projectionColor, strokeWidth: 1.5, opacity: 1 },
      encoding: { x, y: { ...y, field: 'value' }, tooltip },
    },
  ];
}

interface DrawnLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
}

/**
 * Every figure the chart prints, placed in the plot's pixels: each bar's
 * figure at its foot (else above or inside its top), then the plan's figures
 * and the year-start level beside their markers, then the year-end
 * projection beside its point, off every line and bar.
 */
function figureLabels(
  categories: readonly string[],
  domain: [number, number],
  bars: readonly (FigureRecord & { quarter_label: string; actual: number })[],
  plan: readonly LinePoint[],
  pace: readonly LinePoint[],
  projection: Projection | undefined,
  measure: TextMeasure,
): DrawnLabel[] {
  const { centers, bandwidth } = bandCenters(categories.length, width);
  const toY = yScale(domain, height);
  const at = (p: LinePoint): Point => ({ x: centers[categories.indexOf(p.quarter_label)] ?? 0, y: toY(p.value) });
  const lines = [plan.map(at), pace.map(at)];
  const markers = lines.flat().map((p) => markerBox(p, markerRadius));
  if (projection !== undefined) {
    const end = at(projection.to);
    lines.push([at(projection.from), end]);
    const { range } = projection;
    if (range !== undefined) lines.push([{ x: end.x, y: toY(range.low) }, { x: end.x, y: toY(range.high) }]);
    markers.push(markerBox(end, projectionRadius));
  }
  const frame = { x1: 0, y1: 0, x2: width, y2: height };
  const barBoxes = bars.map((b): Box => {
    const cx = centers[categories.indexOf(b.quarter_label)] ?? 0;
    return { x1: cx - (bandwidth * barShare) / 2, x2: cx + (bandwidth * barShare) / 2, y1: Math.min(toY(b.actual), toY(0)), y2: Math.max(toY(b.actual), toY(0)) };
  });
  const barRequests = bars.map((b, i): LabelRequest<Box> => {
    const box = barBoxes[i] as Box;
    const cx = (box.x1 + box.x2) / 2;
    return {
      text: b.actual_label,
      fontSize: labelSize,
      datum: box,
      candidates: (size) => [
        { x: cx, y: box.y2 - 4 - size.height / 2 },
        { x: cx, y: box.y1 - 4 - size.height / 2 },
        { x: cx, y: box.y1 + 4 + size.height / 2 },
      ],
    };
  });
  const onBars = placeLabels(barRequests, { frame, lines, marks: markers, avoid: [] }, measure);
  const lineRequests = [...plan, ...pace.filter((p) => p.quarter_label === yearStart)].map(
    (p): LabelRequest<undefined> => ({ text: p.value_label, fontSize: labelSize, datum: undefined, candidates: besidePoint(at(p), 5) }),
  );
  const projectionRequest = (p: Projection): LabelRequest<undefined> => ({ text: p.label, fontSize: labelSize, datum: undefined, candidates: besidePoint(at(p.to), projectionRadius + 2) });
  const projectionLabels = projection === undefined ? [] : [projectionRequest(projection)];
  const besideLines = placeLabels([...lineRequests, ...projectionLabels], { frame, lines, marks: [...markers, ...onBars.map((l) => l.box)], avoid: barBoxes }, measure);
  const within = (inner: Box, outer: Box) => inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;
  return [
    ...onBars.map((l, i) => ({
      x: l.x,
      y: l.y,
      text: l.text,
      // On the bar in the colour that reads on its status; above it, dark.
      color: within(l.box, l.datum) ? statusTextColors[bars[i]?.status ?? 'no_data'] : '#1a1a1a',
    })),
    ...besideLines.map((l, i) => ({ x: l.x, y: l.y, text: l.text, color: i < lineRequests.length ? '#333333' : projectionColor })),
  ];
}
