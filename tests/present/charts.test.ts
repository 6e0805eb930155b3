import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusLabels } from '../../src/assess/statusRules.js';
import type { Catalog, Indicator } from '../../src/catalog/catalog.js';
import { chartKinds } from '../../src/present/charts/chart.js';
import type { Chart } from '../../src/present/charts/chart.js';
import { chartCatalog, reportCharts } from '../../src/present/charts/chartCatalog.js';
import { pageChartHeight, pageContentWidth, subtitleFontSize, titleFontSize } from '../../src/present/charts/chartTheme.js';
import { cumulativeChart } from '../../src/present/charts/cumulative.js';
import { projectedMissMark, scorecardChart } from '../../src/present/charts/scorecard.js';
import { statusColors, statusDisplayOrder } from '../../src/present/charts/statusStyle.js';
import type { TextMeasure } from '../../src/present/charts/textMeasure.js';
import { wrapText } from '../../src/present/charts/wrapText.js';
import { loadChartFonts } from '../../src/present/render/chartFonts.js';
import { renderSvg } from '../../src/present/render/renderSvg.js';
import { chartTextMeasure, measureText, useChartTextMetrics } from '../../src/present/render/textMetrics.js';
import { formatValue } from '../../src/present/format/formatFigure.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import { indicatorById, rootRegion } from '../../src/present/report/reportData.js';
import { reportDataOf } from '../../src/present/report/reportDataOf.js';
import type { RunContext } from '../../src/present/runContext.js';
import type { FigureOutlook, FigureResult } from '../../src/model/figureResult.js';
import { defaultSettings } from '../../src/settings.js';
import { sampleReportData } from '../support/sampleReport.js';

const require = createRequire(import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

/**
 * SVG with coordinates rounded to 0.1 px, so float noise cannot break a golden file, and clip ids
 * (numbered by every view drawn before in the process) renumbered, so neither can the tests before it.
 */
const normalizeSvg = (svg: string): string => {
  const clips = new Map<string, string>();
  return svg
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/\bclip\d+\b/g, (id) => clips.get(id) ?? (clips.set(id, `clip${clips.size + 1}`), `clip${clips.size}`))
    .replace(/></g, '>\n<');
};

/** The values a chart draws from (its inline data, all layers). */
function inlineValues(chart: Chart): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const values = k === 'data' && v && typeof v === 'object' ? (v as { values?: unknown }).values : undefined;
        if (Array.isArray(values)) found.push(...(values as Record<string, unknown>[]));
        else visit(v);
      }
    }
  };
  visit(chart.spec);
  return found;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A scenegraph item as Vega lays it out (the fields these tests read). */
interface SceneItem {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  text?: unknown;
  fontSize?: number;
  fill?: string;
  datum?: Record<string, unknown>;
  bounds: Box;
  items?: SceneMark[];
}

interface SceneMark {
  marktype: string;
  role: string;
  name?: string;
  items: SceneItem[];
}

/** One drawn thing of a chart, in the chart's pixels. */
interface Drawn {
  readonly marktype: string;
  readonly role: string;
  readonly text: string;
  readonly fontSize: number;
  readonly fill: string | undefined;
  readonly datum: Record<string, unknown>;
  readonly box: Box;
}

/** What a chart draws, as Vega lays it out in Node: every item, the polylines of its line marks, and its natural size. */
interface Scene {
  readonly items: Drawn[];
  readonly lines: { x: number; y: number }[][];
  readonly width: number;
  readonly height: number;
}

async function sceneOf(spec: TopLevelSpec): Promise<Scene> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const items: Drawn[] = [];
  const lines: { x: number; y: number }[][] = [];
  const walk = (mark: SceneMark, ox: number, oy: number): void => {
    if (mark.marktype === 'line') lines.push(mark.items.map((i) => ({ x: (i.x ?? 0) + ox, y: (i.y ?? 0) + oy })));
    for (const item of mark.items) {
      const b = item.bounds;
      items.push({
        marktype: mark.marktype,
        role: mark.role,
        text: Array.isArray(item.text) ? item.text.join('\n') : typeof item.text === 'string' || typeof item.text === 'number' ? String(item.text) : '',
        fontSize: item.fontSize ?? 11,
        fill: item.fill,
        datum: item.datum ?? {},
        box: { x1: b.x1 + ox, y1: b.y1 + oy, x2: b.x2 + ox, y2: b.y2 + oy },
      });
      if (mark.marktype === 'group') for (const child of item.items ?? []) walk(child, ox + (item.x ?? 0), oy + (item.y ?? 0));
    }
  };
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  walk(root, 0, 0);
  // The natural size, as the SVG states it (what the page would have to scale).
  const svg = await view.toSVG();
  view.finalize();
  return { items, lines, width: Number(/width="([\d.]+)"/.exec(svg)?.[1]), height: Number(/height="([\d.]+)"/.exec(svg)?.[1]) };
}

const overlap = (a: Box, b: Box): { w: number; h: number } => ({ w: Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), h: Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) });

/** Whether the segment p→q passes through the box (sampled finely enough for text boxes). */
function crosses(p: { x: number; y: number }, q: { x: number; y: number }, box: Box): boolean {
  for (let s = 0; s <= 100; s++) {
    const x = p.x + ((q.x - p.x) * s) / 100;
    const y = p.y + ((q.y - p.y) * s) / 100;
    if (x > box.x1 + 0.5 && x < box.x2 - 0.5 && y > box.y1 + 0.5 && y < box.y2 - 0.5) return true;
  }
  return false;
}

/** Texts over texts, over data markers and across lines: what makes a printed figure unreadable. */
function clashesOf(scene: Scene): string[] {
  const texts = scene.items.filter((i) => i.marktype === 'text' && i.text.trim() !== '');
  const markers = scene.items.filter((i) => i.marktype === 'symbol' && i.role === 'mark');
  const found: string[] = [];
  texts.forEach((a, i) =>
    texts.slice(i + 1).forEach((b) => {
      const o = overlap(a.box, b.box);
      if (o.w > 0.5 && o.h > 0.5) found.push(`"${a.text}" over "${b.text}"`);
    }),
  );
  for (const t of texts) {
    for (const m of markers) {
      const o = overlap(t.box, m.box);
      if (o.w > 0.5 && o.h > 0.5) found.push(`"${t.text}" over a marker`);
    }
    for (const line of scene.lines) if (line.some((p, i) => i > 0 && crosses(line[i - 1] ?? p, p, t.box))) found.push(`"${t.text}" crossed by a line`);
  }
  return found;
}

/** The chart with its title taken away: what it would measure without one. */
const untitled = (spec: TopLevelSpec): TopLevelSpec => {
  const { title: _title, ...rest } = spec;
  return rest;
};

const titleLines = (spec: TopLevelSpec): { text: string[]; subtitle: string[] } => {
  const title = (spec as { title?: { text?: string | string[]; subtitle?: string | string[] } }).title ?? {};
  const lines = (t: string | string[] | undefined) => (t === undefined ? [] : typeof t === 'string' ? [t] : t);
  return { text: lines(title.text), subtitle: lines(title.subtitle) };
};

let data: ReportData;
let charts: Chart[];
let measure: TextMeasure;
const scenes = new Map<string, Scene>();

beforeAll(async () => {
  const fonts = await loadChartFonts();
  useChartTextMetrics(fonts);
  measure = chartTextMeasure(fonts);
  data = await sampleReportData('2023Q2');
  charts = reportCharts(data, measure);
  for (const chart of charts) scenes.set(chart.name, await sceneOf(chart.spec));
}, 60_000);

const chartNamed = (name: string): Chart => {
  const chart = charts.find((c) => c.name === name);
  if (!chart) throw new Error(`no chart ${name}`);
  return chart;
};
const sceneNamed = (name: string): Scene => {
  const scene = scenes.get(name);
  if (!scene) throw new Error(`no scene ${name}`);
  return scene;
};

describe('the chart catalog', () => {
  it('builds every kind for the sample period, named uniquely', () => {
    for (const kind of chartKinds) expect(charts.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(0);
    expect(new Set(charts.map((c) => c.name)).size).toBe(charts.length);
    expect(charts.filter((c) => c.kind === 'scorecard')).toHaveLength(data.regions.length);
  });

  it('every spec validates against the official Vega-Lite schema shipped in the vega-lite package', async () => {
    const schema = JSON.parse(await readFile(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const chart of charts) {
      const ok = validate(chart.spec);
      expect(ok ? [] : validate.errors?.slice(0, 3), chart.name).toEqual([]);
    }
    // The check can fail: a misspelt mark type is rejected.
    expect(validate({ ...charts[0]?.spec, mark: 'barr' })).toBe(false);
  });

  it('every spec compiles and draws without a Vega or Vega-Lite warning', async () => {
    for (const chart of charts) {
      const { svg, warnings } = await renderSvg(chart.spec);
      expect(warnings, chart.name).toEqual([]);
      expect(svg).toContain('<svg');
    }
  });

  it('the cumulative chart of new incubated firms holds the plan schedule 30/60/90/120 and the actuals to date only', () => {
    const values = inlineValues(chartNamed('cumulative-new_incubated_firms'));
    const planned = new Map(values.filter((v) => v.series === '计划进度').map((v) => [v.quarter_label, v.value]));
    expect([...planned.entries()]).toEqual([['一季度', 30], ['二季度', 60], ['三季度', 90], ['四季度', 120]]);
    const actuals = values.filter((v) => 'actual' in v && v.year === 2023 && v.indicator === 'new_incubated_firms');
    expect([...new Set(actuals.map((v) => v.quarter))].sort()).toEqual([1, 2]);
    expect(actuals.find((v) => v.quarter === 2)?.actual).toBe(57);
  });

  it('labels figures as analysts write them: % with 2 decimals, gaps of rates in 个百分点, counts as integers', () => {
    const labels = inlineValues(chartNamed('ranking-rd_intensity')).flatMap((v) => (typeof v.label === 'string' ? [v.label] : []));
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.every((l) => /^\d+\.\d{2}%\u3000差距 [+-]?\d+\.\d{2}个百分点$/.test(l))).toBe(true);
    const firms = inlineValues(chartNamed(`scorecard-${data.regions[0]?.code}`)).find((v) => v.indicator === 'new_incubated_firms');
    expect(firms?.actual_label).toBe('57家');
    expect(firms?.gap_label).toBe('-3家');
    expect(firms?.attainment_label).toBe('95.00%');
  });

  it('ranks regions best first and names the ones it cannot rank', () => {
    const attainments = inlineValues(chartNamed('ranking-rd_intensity')).map((v) => v.attainment).filter((a): a is number => typeof a === 'number');
    expect(attainments.length).toBeGreaterThan(1);
    expect([...attainments].sort((a, b) => b - a)).toEqual(attainments);
    expect(JSON.stringify(chartNamed('ranking-new_incubated_firms').spec.title)).toContain('未排名');
  });

  it('uses one status colour scale, with all seven statuses in Chinese, in every chart that colours by status', () => {
    const scales = charts.flatMap((c) => JSON.stringify(c.spec).match(/"domain":\["已完成"[^\]]*\],"range":\[[^\]]*\]/g) ?? []);
    expect(scales.length).toBeGreaterThanOrEqual(charts.length - charts.filter((c) => c.kind === 'trend').length);
    expect(new Set(scales.filter((s) => s.includes(statusColors.completed))).size).toBe(1);
    expect(scales[0]).toContain('"已完成","达到序时","预警","滞后","年末考核","无数据","无目标"');
  });

  it('Chinese text is measured with the real font: a CJK character is 1 em, not the 0.8 em guess', async () => {
    const fonts = await loadChartFonts();
    expect(measureText(fonts, '宿迁市', 10)).toBeCloseTo(30, 5);
    expect(measureText(fonts, 'iiii', 10)).toBeLessThan(measureText(fonts, 'WWWW', 10));
  });
});

describe('text in the charts', () => {
  it('no text of any sample chart overlaps another, covers a marker or is crossed by a line (2023Q2 and 2023Q4)', async () => {
    const q4 = reportCharts(await sampleReportData('2023Q4'), measure);
    const found: string[] = [];
    for (const chart of charts) found.push(...clashesOf(sceneNamed(chart.name)).map((c) => `2023Q2 ${chart.name}: ${c}`));
    for (const chart of q4) found.push(...clashesOf(await sceneOf(chart.spec)).map((c) => `2023Q4 ${chart.name}: ${c}`));
    expect(found).toEqual([]);
  }, 60_000);

  it('the check sees a clash: a figure drawn over a plan marker', async () => {
    const spec: TopLevelSpec = {
      width: 200,
      height: 100,
      data: { values: [{ q: 'a', v: 1, t: '1人' }, { q: 'b', v: 2, t: '2人' }] },
      layer: [
        { mark: { type: 'line', point: true }, encoding: { x: { field: 'q', type: 'ordinal' }, y: { field: 'v', type: 'quantitative' } } },
        { mark: { type: 'text' }, encoding: { x: { field: 'q', type: 'ordinal' }, y: { field: 'v', type: 'quantitative' }, text: { field: 't' } } },
      ],
    };
    expect(clashesOf(await sceneOf(spec)).length).toBeGreaterThan(0);
  });

  it('a long title wraps onto lines no wider than the chart instead of widening it', async () => {
    const trend = chartNamed('trend-rd_platforms');
    const { text } = titleLines(trend.spec);
    expect(text.length).toBeGreaterThan(1);
    expect(text.join('')).toBe(`${data.regions[0]?.name}${data.indicators.find((i) => i.id === 'rd_platforms')?.name}`);
    const bare = await sceneOf(untitled(trend.spec));
    for (const line of text) expect(measure(line, titleFontSize, true), line).toBeLessThanOrEqual(bare.width);
    expect(sceneNamed(trend.name).width).toBe(bare.width);
  });

  it('no chart is wider for its title or subtitle', async () => {
    const widened: string[] = [];
    for (const chart of charts) {
      const bare = await sceneOf(untitled(chart.spec));
      if (sceneNamed(chart.name).width > bare.width) widened.push(`${chart.name}: ${sceneNamed(chart.name).width} > ${bare.width}`);
      const { text, subtitle } = titleLines(chart.spec);
      for (const line of text) if (measure(line, titleFontSize, true) > bare.width) widened.push(`${chart.name}: "${line}"`);
      for (const line of subtitle) if (measure(line, subtitleFontSize) > bare.width) widened.push(`${chart.name}: "${line}"`);
    }
    expect(widened).toEqual([]);
  }, 60_000);
});

describe('wrapping Chinese text', () => {
  const em = (text: string, size: number) => [...text].length * size; // every character 1 em: easy to count

  it('breaks between characters, at the end of a phrase where that still fills most of the line', () => {
    expect(wrapText('国家和省级重点实验室、工程（技术）研究中心', 130, 10, em)).toEqual(['国家和省级重点实验室、', '工程（技术）研究中心']);
    expect(wrapText('高新技术企业数', 100, 10, em)).toEqual(['高新技术企业数']);
  });

  it('keeps Latin words and numbers whole and punctuation with its neighbour', () => {
    // 12 characters a line: "R&D" and "2023" are one unit each, "（" never ends a line, "）" never starts one.
    const lines = wrapText('全社会R&D经费支出占GDP比重（截至2023年二季度）', 120, 10, em);
    expect(lines.join('')).toBe('全社会R&D经费支出占GDP比重（截至2023年二季度）');
    for (const line of lines) {
      expect(em(line, 10), line).toBeLessThanOrEqual(120);
      expect(line).not.toMatch(/^[）、，]|（$/);
    }
    expect(lines.some((l) => l.includes('R&D'))).toBe(true);
    expect(lines.some((l) => l.includes('GDP'))).toBe(true);
    expect(lines.some((l) => l.includes('2023'))).toBe(true);
  });
});

describe('the heatmap', () => {
  const heatmaps = () => charts.filter((c) => c.kind === 'heatmap');

  it('prints whole at its natural size on an A4 landscape page: within the content width and a page’s height, no text under 10 px', () => {
    expect(heatmaps().map((c) => c.name)).toEqual(['heatmap', 'heatmap-2']);
    for (const chart of heatmaps()) {
      const scene = sceneNamed(chart.name);
      expect(scene.width, chart.name).toBeLessThanOrEqual(pageContentWidth);
      expect(scene.height, chart.name).toBeLessThanOrEqual(pageChartHeight);
      const texts = scene.items.filter((i) => i.marktype === 'text' && i.text !== '');
      expect(texts.length).toBeGreaterThan(data.regions.length * 2);
      expect(Math.min(...texts.map((t) => t.fontSize)), chart.name).toBeGreaterThanOrEqual(10);
    }
  });

  it('shows every figure of the period once, over its parts', () => {
    const cells = heatmaps().flatMap((c) => inlineValues(c).map((v) => `${String(v.indicator)}|${String(v.region)}`));
    const expected = data.rows.filter((r) => r.period === data.period).map((r) => `${r.indicator}|${r.region}`);
    expect(cells.sort()).toEqual(expected.sort());
  });

  it('keeps both lines of a cell (figure over 完成率) at least 5 px inside the cell', () => {
    const cell = (d: Record<string, unknown>) => `${String(d.indicator)}|${String(d.region)}`;
    const tight: string[] = [];
    let checked = 0;
    for (const chart of heatmaps()) {
      const scene = sceneNamed(chart.name);
      const rects = new Map(scene.items.filter((i) => i.marktype === 'rect' && i.role === 'mark').map((r) => [cell(r.datum), r.box]));
      for (const t of scene.items.filter((i) => i.marktype === 'text' && i.role === 'mark' && i.text.includes('\n'))) {
        const r = rects.get(cell(t.datum));
        if (!r) throw new Error(`no cell for ${cell(t.datum)}`);
        checked++;
        // The rect's bounds include its 2 px white stroke; its colour starts 1 px inside.
        const gaps = [t.box.y1 - r.y1 - 1, r.y2 - 1 - t.box.y2, t.box.x1 - r.x1 - 1, r.x2 - 1 - t.box.x2];
        if (Math.min(...gaps) < 5) tight.push(`${t.text.replace('\n', ' / ')}: ${gaps.map((g) => g.toFixed(1)).join(' ')}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(tight).toEqual([]);
  });

  it('goes on to more heatmaps when its regions cannot fit across the page, each fitting', async () => {
    // Twice the sample's regions under one root: too many columns for one page.
    const more = data.regions.filter((r) => r.parent !== null).map((r) => ({ ...r, code: `${r.code}9`, name: `${r.name}二` }));
    const rows = data.rows.flatMap((r) => (more.some((m) => m.code === `${r.region}9`) ? [r, { ...r, region: `${r.region}9` }] : [r]));
    const wide = chartCatalog.heatmap({ ...data, regions: [...data.regions, ...more], rows }, measure);
    expect(wide.length).toBe(4);
    for (const chart of wide) {
      const scene = await sceneOf(chart.spec);
      expect(scene.width, chart.name).toBeLessThanOrEqual(pageContentWidth);
      expect(scene.height, chart.name).toBeLessThanOrEqual(pageChartHeight);
    }
    const regions = new Set(wide.flatMap((c) => inlineValues(c).map((v) => v.region)));
    expect([...regions].sort()).toEqual([...data.regions, ...more].map((r) => r.code).sort());
  }, 30_000);
});

describe('every chart on the printed page', () => {
  it('is drawn no wider than an A4 landscape page’s content and no taller than a page leaves under a heading', () => {
    const big = charts.flatMap((c) => {
      const { width, height } = sceneNamed(c.name);
      return width > pageContentWidth || height > pageChartHeight ? [`${c.name}: ${width} × ${height}`] : [];
    });
    expect(big).toEqual([]);
  });
});

describe('status legends', () => {
  it('each chart’s legend lists the statuses its marks are coloured with, and only those', () => {
    const labelOf = new Set(Object.values(statusLabels));
    const wrong: string[] = [];
    let checked = 0;
    for (const chart of charts) {
      const scene = sceneNamed(chart.name);
      const legend = scene.items.filter((i) => i.role === 'legend-label' && labelOf.has(i.text)).map((i) => i.text);
      const coloured = new Set(
        scene.items.filter((i) => i.role === 'mark' && i.marktype === 'rect' && typeof i.datum.status === 'string' && i.fill === statusColors[i.datum.status as keyof typeof statusColors]).map((i) => String(i.datum.status_label)),
      );
      const expected = statusDisplayOrder.map((s) => statusLabels[s]).filter((l) => coloured.has(l));
      if (coloured.size > 0) checked++;
      if (legend.join('、') !== expected.join('、')) wrong.push(`${chart.name}: legend ${legend.join('、')}; drawn ${expected.join('、')}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    // The sample's 2023Q2 city scorecard has no 已完成 figure: a full legend would name it.
    expect(sceneNamed(`scorecard-${data.regions[0]?.code}`).items.some((i) => i.role === 'legend-label' && i.text === '已完成')).toBe(false);
  });
});

describe('the linear 序时 line of the cumulative chart', () => {
  const linearOf = (chart: Chart) => inlineValues(chart).filter((v) => v.series === '线性序时进度').map((v) => [v.quarter_label, v.value]);

  it('of a stock starts at last year-end’s level: patents held, 3247 at the end of 2022, to the target of 4000', () => {
    // The sample's city holds 3247 invention patents at 2022Q4; 4000 is the 2023 target: 3247 + 753 × q/4.
    expect(linearOf(chartNamed('cumulative-invention_patents'))).toEqual([
      ['上年末', 3247],
      ['一季度', 3435.25],
      ['二季度', 3623.5],
      ['三季度', 3811.75],
      ['四季度', 4000],
    ]);
  });

  it('of a flow starts from 0: apprentices trained, 1100 in the year', () => {
    expect(linearOf(chartNamed('cumulative-apprentices_trained'))).toEqual([
      ['一季度', 275],
      ['二季度', 550],
      ['三季度', 825],
      ['四季度', 1100],
    ]);
  });

  /** A city with one district and a stock indicator (patents held) with a schedule 110/120/130/140, reported for 2024Q1. */
  function stockRun(priorYearEnd: number | null): RunContext {
    const indicator: Indicator = {
      id: 'patents_held',
      name: '专利拥有量',
      unit: '件',
      direction: 'higher',
      scope: 'extensive',
      schedule: 'explicit',
      formula: 'patents',
      lead_units: [],
      cooperating_units: [],
      formulaAst: { kind: 'variable', name: 'patents' },
      inputs: { current: ['patents'], previousYear: [] },
    };
    const catalog: Catalog = { variables: [{ code: 'patents', name: '专利拥有量', unit: '件', kind: 'stock', frequency: 'quarterly', additive: true }], indicators: [indicator] };
    const noOutlook: FigureOutlook = {
      actualPrevYear: null,
      yoyChange: null,
      yoyGrowth: null,
      projected: null,
      projectedLow: null,
      projectedHigh: null,
      probability: null,
      projectionBasis: null,
      paceSoFar: null,
      paceNeeded: null,
    };
    const result = (period: string, actual: number | null, target: number | null, annualTarget: number | null): FigureResult => ({
      ...noOutlook,
      indicator: 'patents_held',
      region: 'c',
      period,
      actual,
      target,
      annualTarget,
      attainment: actual !== null && target !== null ? actual / target : null,
      annualProgress: actual !== null && annualTarget !== null ? actual / annualTarget : null,
      expectedProgress: target !== null && annualTarget !== null ? target / annualTarget : null,
      gap: actual !== null && target !== null ? actual - target : null,
      status: target === null ? 'no_target' : 'warning',
      rank: null,
      targetSource: target === null ? null : 'own',
      missingInputs: [],
      missingChildren: [],
      findings: [],
    });
    const targets = [110, 120, 130, 140].map((value, i) => ({ indicator: 'patents_held', region: 'c', year: 2024, period: `2024Q${i + 1}`, value, note: '', row: i + 2 }));
    return {
      runId: 1,
      runAt: '2024-04-20T09:00:00+08:00',
      settings: defaultSettings,
      inputs: { regionsLoad: 1, targetsLoad: 1, catalogSha256: '', filesRun: 1, planLoad: null },
      catalog,
      regions: [
        { code: 'c', name: '某市', parent: null, level: '市', rollup: true, order: 1 },
        { code: 'd', name: '某区', parent: 'c', level: '区', rollup: false, order: 2 },
      ],
      targets: [...targets, { indicator: 'patents_held', region: 'c', year: 2024, period: null, value: 140, note: '', row: 6 }],
      results: [...(priorYearEnd === null ? [] : [result('2023Q4', priorYearEnd, null, null)]), result('2024Q1', 108, 110, 140)],
      plan: undefined,
      planPeriod: null,
    };
  }

  it('of a stock runs from the figure at the end of last year: 100 → 140 is 110, 120, 130, 140 (a tiny run)', () => {
    const run = reportDataOf(stockRun(100), '2024Q1');
    expect(run.schedule.map((p) => [p.measure, p.priorYearEnd])).toEqual([['stock', 100], ['stock', 100], ['stock', 100], ['stock', 100]]);
    // The linear line from 100 coincides with the schedule 110/120/130/140: it is not drawn twice.
    const same = cumulativeChart(run, run.indicators[0] as Indicator, 'c', measure);
    expect(linearOf(same as Chart)).toEqual([]);
    // From 80 it is 95, 110, 125, 140, drawn from 上年末.
    const lower = reportDataOf(stockRun(80), '2024Q1');
    expect(linearOf(cumulativeChart(lower, lower.indicators[0] as Indicator, 'c', measure) as Chart)).toEqual([
      ['上年末', 80],
      ['一季度', 95],
      ['二季度', 110],
      ['三季度', 125],
      ['四季度', 140],
    ]);
  });

  it('of a stock whose figure at the end of last year is unknown is left out, and the subtitle says so', () => {
    const run = reportDataOf(stockRun(null), '2024Q1');
    expect(run.schedule.every((p) => p.priorYearEnd === null)).toBe(true);
    const chart = cumulativeChart(run, run.indicators[0] as Indicator, 'c', measure) as Chart;
    expect(linearOf(chart)).toEqual([]);
    expect(inlineValues(chart).some((v) => v.quarter_label === '上年末')).toBe(false);
    expect(titleLines(chart.spec).subtitle.join('')).toContain('上年末数不详，未画线性序时进度');
  });
});

describe('the year-end projection (年末预计)', () => {
  const projectionNote = '空心点：按往年季节规律预计的年末数';
  const projectionOf = (chart: Chart) => inlineValues(chart).filter((v) => v.series === '预计年末');
  const cityRow = (d: ReportData, indicator: string) => {
    const row = d.rows.find((r) => r.indicator === indicator && r.region === rootRegion(d).code && r.period === d.period);
    if (!row) throw new Error(`no city row for ${indicator}`);
    return row;
  };

  it('the cumulative chart draws it at 四季度 with its figure 「预计年末 120家」 and says what it is (2023Q2, new incubated firms)', () => {
    const row = cityRow(data, 'new_incubated_firms');
    expect(row.projected).not.toBeNull();
    const chart = chartNamed('cumulative-new_incubated_firms');
    // Dashed from the figure to date (57 at 二季度) to the projection at the year end.
    const drawn = projectionOf(chart).map((v) => [v.quarter_label, v.value]);
    expect(new Set(drawn.map((d) => JSON.stringify(d)))).toEqual(new Set([JSON.stringify(['二季度', 57]), JSON.stringify(['四季度', row.projected])]));
    const label = `预计年末 ${formatValue(row.projected, indicatorById(data, 'new_incubated_firms'))}`;
    // 57 × mean(97/47, 103/49, 110/51) = 120.13 (docs/figures.md §11.1), drawn in the indicator's 0 decimals.
    expect(label).toBe('预计年末 120家');
    expect(sceneNamed(chart.name).items.filter((i) => i.marktype === 'text' && i.text === label)).toHaveLength(1);
    // The annual target stays: the plan's 四季度 point, 120.
    expect(inlineValues(chart).some((v) => v.series === '计划进度' && v.quarter_label === '四季度' && v.value === 120)).toBe(true);
    const subtitle = titleLines(chart.spec).subtitle.join('');
    expect(subtitle).toContain(projectionNote);
    // Three seasonal factors give a range (117.64 … 122.94), and the subtitle says what its line is.
    expect(row.projectedLow).not.toBeNull();
    expect(subtitle).toContain('竖线为区间');
  });

  it('draws the range from projectedLow to projectedHigh as a vertical rule, clear of every figure', async () => {
    // The sample's own range: 57 × 2.0638 … 57 × 2.1569 (three seasonal factors).
    const row = cityRow(data, 'new_incubated_firms');
    const chart = cumulativeChart(data, indicatorById(data, 'new_incubated_firms'), rootRegion(data).code, measure) as Chart;
    expect(inlineValues(chart).filter((v) => 'low' in v)).toEqual([{ quarter_label: '四季度', low: row.projectedLow, high: row.projectedHigh }]);
    expect(titleLines(chart.spec).subtitle.join('')).toContain(`${projectionNote}（竖线为区间）`);
    const scene = await sceneOf(chart.spec);
    expect(scene.items.filter((i) => i.marktype === 'rule' && i.role === 'mark')).toHaveLength(1);
    expect(clashesOf(scene)).toEqual([]);
  });

  it('is not drawn at Q4, where the actual is the year-end figure', async () => {
    const q4 = await sampleReportData('2023Q4');
    const cumulative = reportCharts(q4, measure).filter((c) => c.kind === 'cumulative');
    expect(cumulative.length).toBeGreaterThan(0);
    for (const chart of cumulative) {
      expect(projectionOf(chart), chart.name).toEqual([]);
      expect(titleLines(chart.spec).subtitle.join(''), chart.name).not.toContain(projectionNote);
    }
  });

  it('the scorecard marks 「▼预计未达」 beside exactly the figures projected to miss the annual target, in either direction', async () => {
    // The sample's indicators are all higher-is-better; the same report read as lower-is-better marks the others.
    const lower = { ...data, indicators: data.indicators.map((i) => ({ ...i, direction: 'lower' as const })) };
    let marked = 0;
    for (const d of [data, lower]) {
      for (const region of d.regions) {
        const expected = d.rows
          .filter((r) => r.period === d.period && r.region === region.code && r.projected !== null && r.annualTarget !== null)
          .filter((r) => (indicatorById(d, r.indicator).direction === 'higher' ? r.projected! < r.annualTarget! : r.projected! > r.annualTarget!))
          .map((r) => r.indicator);
        const chart = scorecardChart(d, region.code, measure);
        const scene = d === data ? sceneNamed(chart.name) : await sceneOf(chart.spec);
        const drawn = scene.items.filter((i) => i.marktype === 'text' && i.role === 'mark' && i.text.includes(projectedMissMark)).map((i) => i.datum.indicator);
        expect(drawn.sort(), `${region.code} ${d === data ? 'higher' : 'lower'}`).toEqual(expected.sort());
        expect(titleLines(chart.spec).subtitle.join('').includes(`${projectedMissMark}：`), region.code).toBe(expected.length > 0);
        marked += expected.length;
      }
    }
    expect(marked).toBeGreaterThan(0);
  }, 60_000);
});

describe('golden SVGs', () => {
  for (const kind of chartKinds) {
    it(`the first ${kind} chart of the sample draws as its golden SVG`, async () => {
      const chart = chartCatalog[kind](data, measure)[0] as Chart;
      const svg = normalizeSvg((await renderSvg(chart.spec)).svg);
      const file = join('tests/golden/charts', `${kind}.svg`);
      if (update) await writeFile(file, svg);
      expect(svg).toBe(await readFile(file, 'utf8'));
    });
  }
});
