import type { TopLevelSpec } from 'vega-lite';
import { statusLabels } from '../../assess/statusRules.js';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData, ReportRegion } from '../report/reportData.js';
import type { Chart } from './chart.js';
import { chartTitle } from './chartTitle.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { chartConfig, pageChartHeight, pageContentWidth, vegaLiteSchema } from './chartTheme.js';
import type { FigureRecord } from './figureTable.js';
import { figureTable, withParams } from './figureTable.js';
import { statusColor, statusDisplayOrder, statusTextColors } from './statusStyle.js';
import type { TextMeasure } from './textMeasure.js';
import { wrapText } from './wrapText.js';

/** Cell text: the figure over its 完成率. */
const cellFont = 10;
const cellLineHeight = 12;
/** Space between a cell's text and its edges (inside the 1 px white gap each cell draws around itself). */
const cellPadding = { x: 8, y: 6 };
/** Row and column names, as every axis in the report. */
const labelFont = 11;
const labelLineHeight = 13;
const labelPadding = 6;
/** The chart's padding (chartConfig) on each side. */
const chartPadding = 12;
/** Headers wrap onto at most this many lines, row names onto at most three. */
const headerLines = 2;
const rowLines = 3;
/** Narrowest room left for the row names before regions are split over more than one heatmap. */
const minRowLabelWidth = 140;
/** Height of all but the rows: padding, a title and subtitle line, the headers, the legend. */
const frameHeight = 2 * chartPadding + 20 + 15 + 12 + headerLines * labelLineHeight + labelPadding + 50;

/** The lines of a name as one string (Vega splits it back in the axis's labelExpr). */
const joined = (lines: readonly string[]): string => lines.join('\n');
const labelLineCount = "length(split(datum.label, '\\n'))";

/** `items` in `parts` runs of near-equal length, in order. */
function chunks<T>(items: readonly T[], most: number): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / Math.max(1, most)));
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
}

/**
 * Regions × indicators at the report period: each cell coloured by status,
 * holding the figure and its 完成率, so a director sees at a glance which
 * region is behind on what. Sized to print whole at its natural size on an
 * A4 landscape page (pageContentWidth × pageChartHeight): cells as wide as
 * their figures, region headers and indicator names wrapped; regions that do
 * not fit across, or indicators that do not fit down, go on to a further
 * heatmap (`heatmap`, `heatmap-2`, …), each with the same columns and rows.
 */
export function heatmapCharts(data: ReportData, measure: TextMeasure): Chart[] {
  const records = withParams(figureTable(data), { period: data.period })
    .filter((d: FigureRecord, $: { period: string }) => d.period === $.period)
    .orderby('indicator_ord', 'region_ord')
    .objects() as FigureRecord[];
  const cellWidth = (r: FigureRecord) => Math.max(measure(r.actual_label, cellFont), r.attainment === null ? 0 : measure(r.attainment_label, cellFont));
  const widestCell = Math.max(0, ...records.map(cellWidth));
  // A column is as wide as its widest figure, and as its header wrapped onto two lines.
  let column = Math.ceil(widestCell + 2 * cellPadding.x);
  const headerFits = (name: string) => wrapText(name, column - 4, labelFont, measure).length <= headerLines;
  while (!data.regions.every((r) => headerFits(r.name))) column += 2;
  const across = Math.floor((pageContentWidth - 2 * chartPadding - labelPadding - minRowLabelWidth) / column);
  const shown = new Set(records.map((r) => r.indicator));
  const indicators = data.indicators.filter((i) => shown.has(i.id));
  const parts = chunks(data.regions, across).flatMap((regions) => {
    const layout = rowLayout(regions.length, column, indicators, measure);
    return chunks(indicators, Math.floor((pageChartHeight - frameHeight) / layout.row)).map((rows) => ({ regions, rows, layout }));
  });
  return parts.map((part, i) => heatmapPart(data, records, part.regions, part.rows, column, part.layout, measure, i));
}

interface RowLayout {
  /** Room for the indicator names. */
  readonly width: number;
  /** Each indicator name broken into its lines. */
  readonly names: ReadonlyMap<string, string>;
  readonly row: number;
}

/** The names' room, their lines, and the row height they and two lines of figures need. */
function rowLayout(columns: number, column: number, indicators: readonly IndicatorDefinition[], measure: TextMeasure): RowLayout {
  const width = pageContentWidth - 2 * chartPadding - labelPadding - column * columns;
  // A name longer than three lines keeps the rest on its third, where the axis's labelLimit cuts it with "…".
  const rowName = (name: string) => {
    const lines = wrapText(name, width, labelFont, measure);
    return joined(lines.length <= rowLines ? lines : [...lines.slice(0, rowLines - 1), lines.slice(rowLines - 1).join('')]);
  };
  const names = new Map(indicators.map((i) => [i.name, rowName(i.name)]));
  const lines = Math.max(1, ...[...names.values()].map((n) => n.split('\n').length));
  // A row holds two lines of figures with padding above and below, and the longest name's lines.
  const row = Math.ceil(Math.max(cellFont + cellLineHeight + 2 * cellPadding.y, lines * labelLineHeight + 8));
  return { width, names, row };
}

function heatmapPart(
  data: ReportData,
  all: readonly FigureRecord[],
  regions: readonly ReportRegion[],
  indicators: readonly IndicatorDefinition[],
  column: number,
  layout: RowLayout,
  measure: TextMeasure,
  part: number,
): Chart {
  const codes = new Set(regions.map((r) => r.code));
  const ids = new Set(indicators.map((i) => i.id));
  const headers = new Map(regions.map((r) => [r.name, joined(wrapText(r.name, column - 4, labelFont, measure))]));
  const values = all
    .filter((r) => codes.has(r.region) && ids.has(r.indicator))
    .map((r) => ({
      ...r,
      indicator_header: layout.names.get(r.indicator_name) ?? r.indicator_name,
      region_header: headers.get(r.region_name) ?? r.region_name,
      cell: r.attainment === null ? [r.actual_label] : [r.actual_label, r.attainment_label],
    }));
  const title = '各地区主要指标完成情况';
  const tooltip = [
    { field: 'region_name', title: '地区' },
    { field: 'indicator_name', title: '指标' },
    { field: 'actual_label', title: '实际' },
    { field: 'target_label', title: '目标（至本期）' },
    { field: 'attainment_label', title: '完成率' },
    { field: 'status_label', title: '状态' },
  ];
  const x = {
    field: 'region_header',
    type: 'nominal',
    sort: regions.map((r) => headers.get(r.name) ?? r.name),
    title: null,
    // Top labels grow downwards from their baseline: a two-line header is lifted by a line.
    axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false, labelLineHeight, labelExpr: "split(datum.label, '\\n')", labelPadding: { expr: `${labelPadding} + (${labelLineCount} - 1) * ${labelLineHeight}` } },
  } as const;
  const y = {
    field: 'indicator_header',
    type: 'nominal',
    sort: indicators.map((i) => layout.names.get(i.name) ?? i.name),
    title: null,
    // Lines grow downwards from the first: lift a name by half its extra lines to centre it on the row.
    axis: { ticks: false, domain: false, labelLimit: layout.width, labelPadding, labelLineHeight, labelExpr: "split(datum.label, '\\n')", labelOffset: { expr: `-(${labelLineCount} - 1) * ${labelLineHeight / 2}` } },
  } as const;
  const textColor = {
    field: 'status_label',
    type: 'nominal',
    scale: { domain: statusDisplayOrder.map((s) => statusLabels[s]), range: statusDisplayOrder.map((s) => statusTextColors[s]) },
    legend: null,
  } as const;
  const cellText = (twoLines: boolean) => ({
    transform: [{ filter: twoLines ? 'datum.attainment !== null' : 'datum.attainment === null' }],
    // Text grows downwards from its first line: lift the figure by half a line when the 完成率 goes under it.
    mark: { type: 'text', fontSize: cellFont, lineHeight: cellLineHeight, baseline: 'middle', dy: twoLines ? -cellLineHeight / 2 : 0 } as const,
    encoding: { x, y, text: { field: twoLines ? 'cell' : 'actual_label' }, color: textColor, tooltip },
  });
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchema,
    config: chartConfig,
    title: chartTitle(`${title}（${periodLabel(data.period)}${part > 0 ? '，续' : ''}）`, '格内：实际值 / 完成率；颜色：状态', pageContentWidth - 2 * chartPadding, measure),
    width: { step: column },
    height: { step: layout.row },
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: { x, y, color: statusColor(values.map((v) => v.status)), tooltip },
      },
      cellText(true),
      cellText(false),
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return { kind: 'heatmap', name: part === 0 ? 'heatmap' : `heatmap-${part + 1}`, title, spec };
}
