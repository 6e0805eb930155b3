import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCharts } from '../charts/chartCatalog.js';
import type { Chart } from '../charts/chart.js';
import type { DrawnChart } from '../html/renderReportHtml.js';
import { renderReportHtml } from '../html/renderReportHtml.js';
import { runningCharacters, runningText } from '../html/printPage.js';
import { loadChartFonts } from '../render/chartFonts.js';
import { drawSvgs, pngFingerprint } from '../render/drawCharts.js';
import { cachedSubsetFonts } from '../render/fontSubset.js';
import { cacheKey, renderCache } from '../render/renderCache.js';
import { svgIdsContinued } from '../render/svgIds.js';
import { chartTextMeasure, useChartTextMetrics } from '../render/textMetrics.js';
import { safeFileName } from '../safeFileName.js';
import { writeAtomically } from '../writeAtomically.js';
import type { ReportData } from './reportData.js';

export interface RenderReportOptions {
  readonly engineVersion: string;
  readonly onProgress?: (message: string) => void;
  /** Also draw every chart as a PNG at 2× (`--png`). Default false: the page and the workbook need none, and they cost more than all the rest. */
  readonly png?: boolean;
  /**
   * A folder to keep drawings in between runs (see {@link renderCache}): a
   * chart whose spec did not change is not drawn again, nor the font subset
   * cut again. Default none: everything is drawn.
   */
  readonly cache?: string;
}

/** What a report wrote. Paths are absolute or relative as `out` was given. */
export interface ReportFiles {
  readonly folder: string;
  readonly html: string;
  readonly xlsx: string;
  /** Per chart: its `.vl.json` and `.svg`, and `.png` when asked for. */
  readonly charts: readonly { readonly name: string; readonly title: string; readonly files: readonly string[] }[];
  /** Anything Vega-Lite or Vega warned about, prefixed with the chart's name. */
  readonly warnings: readonly string[];
}

/**
 * Renders a 通报 for `data.period` into `out`: every chart as `.vl.json`
 * (for other dashboards) and `.svg` (and `.png` with `png`) under `charts/`,
 * the self-contained `report.html` and the `report.xlsx` workbook. Each file
 * is written beside its name and renamed into place, so a reader never sees a
 * half-written file; other files in `out` are left alone.
 *
 * @example
 * const files = await renderReport(data, 'out/suqian/report-2023Q2', { engineVersion: '0.1.0', png: true });
 */
export async function renderReport(data: ReportData, out: string, options: RenderReportOptions): Promise<ReportFiles> {
  const progress = options.onProgress ?? (() => {});
  const png = options.png === true;
  const cache = options.cache === undefined ? undefined : renderCache(options.cache);
  const fonts = await loadChartFonts();
  useChartTextMetrics(fonts);
  const charts = reportCharts(data, chartTextMeasure(fonts));
  const chartFolder = join(out, 'charts');
  await mkdir(chartFolder, { recursive: true });
  const scratch = png ? await mkdtemp(join(tmpdir(), 'kpi-fonts-')) : undefined;
  try {
    // Every character a chart draws is in its spec (titles, labels, data) or is a digit or sign, and the
    // page's text is known before any chart is drawn: so the font subset is made first, and each PNG
    // is rasterized on the thread pool as soon as its SVG exists, while Vega draws the next one.
    // The printed page's margins (title, period, 第 … 页) are in the stylesheet, not the page's text.
    const draft = renderReportHtml(data, charts.map((chart) => ({ chart, svg: '' })), { engineVersion: options.engineVersion });
    const pageText = visibleText(draft) + runningCharacters(runningText(data));
    let subset = await cachedSubsetFonts(fonts, pageText + JSON.stringify(charts.map((c) => c.spec)), boldText(draft, charts), cache);
    const fontFiles = scratch === undefined ? [] : ([join(scratch, 'regular.otf'), join(scratch, 'bold.otf')] as const);
    const saveFonts = async () => {
      if (fontFiles[0] !== undefined) await writeFile(fontFiles[0], subset.regular);
      if (fontFiles[1] !== undefined) await writeFile(fontFiles[1], subset.bold);
    };
    await saveFonts();

    const extensions = png ? ['.vl.json', '.svg', '.png'] : ['.vl.json', '.svg'];
    progress(`绘制图表 drawing ${charts.length} charts (${extensions.join(' ')})`);
    const drawn: DrawnChart[] = [];
    const warnings: string[] = [];
    let pngs: Promise<void>[] = [];
    const chartFile = (chart: Chart, ext: string): string => join(chartFolder, `${safeFileName(chart.name)}${ext}`);
    const drawPng = async (svg: string): Promise<Uint8Array> => {
      const key = cache && cacheKey(pngFingerprint(), options.engineVersion, svg, subset.regular, subset.bold);
      const cached = key === undefined ? undefined : await cache?.get('png', key);
      if (cached) return cached;
      // resvg's native module loads only when a PNG is asked for.
      const { renderPng } = await import('../render/renderPng.js');
      const bytes = await renderPng(svg, fontFiles);
      if (key !== undefined) await cache?.put('png', key, bytes);
      return bytes;
    };
    const writePng = (chart: Chart, svg: string) => async () => writeAtomically([{ file: chartFile(chart, '.png'), content: await drawPng(svg) }]);
    const svgs = drawSvgs(charts.map((c) => c.spec), fonts, options.engineVersion, cache);
    const continued = svgIdsContinued();
    for (const [i, chart] of charts.entries()) {
      const drawing = await svgs(i);
      const svg = continued(drawing.svg);
      const w = drawing.warnings;
      warnings.push(...w.map((message) => `${chart.name}: ${message}`));
      drawn.push({ chart, svg });
      if (png) {
        const image = writePng(chart, svg)();
        image.catch(() => {}); // awaited below; marked handled so a failure meanwhile is reported once
        pngs.push(image);
      }
      await writeAtomically([{ file: chartFile(chart, '.vl.json'), content: `${JSON.stringify(chart.spec, null, 2)}\n` }]);
      await writeAtomically([{ file: chartFile(chart, '.svg'), content: svg }]);
    }
    const missing = [...new Set(visibleText(drawn.map((d) => d.svg).join('')))].filter((c) => c >= ' ' && !subset.characters.has(c));
    if (missing.length > 0) {
      // A character came from somewhere the specs do not show (a Vega default): subset again and redraw.
      await Promise.allSettled(pngs);
      subset = await cachedSubsetFonts(fonts, [...subset.characters, ...missing].join(''), boldText(draft, charts) + missing.join(''), cache);
      await saveFonts();
      if (png) pngs = drawn.map(({ chart, svg }) => writePng(chart, svg)());
    }

    progress('写出网页与工作簿 writing report.html and report.xlsx');
    const htmlFile = join(out, 'report.html');
    const xlsxFile = join(out, 'report.xlsx');
    await writeAtomically([{ file: htmlFile, content: renderReportHtml(data, drawn, { engineVersion: options.engineVersion, fonts: subset }) }]);
    // exceljs loads here, while the thread pool is still drawing PNGs, rather than before anything starts.
    const { buildWorkbook } = await import('../workbook/buildWorkbook.js');
    await writeAtomically([{ file: xlsxFile, content: await buildWorkbook(data) }]);
    await Promise.all(pngs);
    await cache?.prune();
    const files = drawn.map(({ chart }) => ({
      name: chart.name,
      title: chart.title,
      files: extensions.map((ext) => chartFile(chart, ext)),
    }));
    return { folder: out, html: htmlFile, xlsx: xlsxFile, charts: files, warnings };
  } finally {
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  }
}

/** What is set in bold: the page's headings, table heads and <b>, and every title in the charts (chart, axis, legend). */
function boldText(html: string, charts: readonly Chart[]): string {
  const headings = [...html.matchAll(/<(h[1-3]|th|b)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2] ?? '');
  const titles = charts.flatMap((c) => [...JSON.stringify(c.spec).matchAll(/"(?:title|text|subtitle)":("(?:[^"\\]|\\.)*")/g)].map((m) => m[1] ?? ''));
  return visibleText(headings.join(' ')) + titles.join(' ');
}

/** The characters a page shows: its text and its inline SVG text, without markup. */
const visibleText = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
