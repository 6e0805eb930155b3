import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCharts } from '../charts/chartCatalog.js';
import type { Chart } from '../charts/chart.js';
import type { DrawnChart } from '../html/renderReportHtml.js';
import { renderReportHtml } from '../html/renderReportHtml.js';
import { runningCharacters, runningText } from '../html/printPage.js';
import { loadChartFonts } from '../render/chartFonts.js';
import { subsetFonts } from '../render/fontSubset.js';
import { renderPng } from '../render/renderPng.js';
import { renderSvg } from '../render/renderSvg.js';
import { chartTextMeasure, useChartTextMetrics } from '../render/textMetrics.js';
import { safeFileName } from '../safeFileName.js';
import { writeAtomically } from '../writeAtomically.js';
import type { ReportData } from './reportData.js';

export interface RenderReportOptions {
  readonly engineVersion: string;
  readonly onProgress?: (message: string) => void;
}

/** What a report wrote. Paths are absolute or relative as `out` was given. */
export interface ReportFiles {
  readonly folder: string;
  readonly html: string;
  readonly xlsx: string;
  /** Per chart: its `.vl.json`, `.svg` and `.png`. */
  readonly charts: readonly { readonly name: string; readonly title: string; readonly files: readonly string[] }[];
  /** Anything Vega-Lite or Vega warned about, prefixed with the chart's name. */
  readonly warnings: readonly string[];
}

/**
 * Renders a 通报 for `data.period` into `out`: every chart as `.vl.json`
 * (for other dashboards), `.svg` and `.png` under `charts/`, the
 * self-contained `report.html` and the `report.xlsx` workbook. Each file is
 * written beside its name and renamed into place, so a reader never sees a
 * half-written file; other files in `out` are left alone.
 *
 * @example
 * const files = await renderReport(data, 'out/suqian/report-2023Q2', { engineVersion: '0.1.0' });
 */
export async function renderReport(data: ReportData, out: string, options: RenderReportOptions): Promise<ReportFiles> {
  const progress = options.onProgress ?? (() => {});
  const fonts = await loadChartFonts();
  useChartTextMetrics(fonts);
  const charts = reportCharts(data, chartTextMeasure(fonts));
  const chartFolder = join(out, 'charts');
  await mkdir(chartFolder, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), 'kpi-fonts-'));
  try {
    // Every character a chart draws is in its spec (titles, labels, data) or is a digit or sign, and the
    // page's text is known before any chart is drawn: so the font subset is made first, and each PNG
    // is rasterized on the thread pool as soon as its SVG exists, while Vega draws the next one.
    // The printed page's margins (title, period, 第 … 页) are in the stylesheet, not the page's text.
    const draft = renderReportHtml(data, charts.map((chart) => ({ chart, svg: '' })), { engineVersion: options.engineVersion });
    const pageText = visibleText(draft) + runningCharacters(runningText(data));
    let subset = subsetFonts(fonts, pageText + JSON.stringify(charts.map((c) => c.spec)), boldText(draft, charts));
    const fontFiles = [join(scratch, 'regular.otf'), join(scratch, 'bold.otf')] as const;
    const saveFonts = async () => {
      await writeFile(fontFiles[0], subset.regular);
      await writeFile(fontFiles[1], subset.bold);
    };
    await saveFonts();

    progress(`绘制图表 drawing ${charts.length} charts (.vl.json .svg .png)`);
    const drawn: DrawnChart[] = [];
    const warnings: string[] = [];
    let pngs: Promise<void>[] = [];
    const chartFile = (chart: Chart, ext: string): string => join(chartFolder, `${safeFileName(chart.name)}${ext}`);
    const writePng = (chart: Chart, svg: string) => async () => writeAtomically([{ file: chartFile(chart, '.png'), content: await renderPng(svg, fontFiles) }]);
    for (const chart of charts) {
      const { svg, warnings: w } = await renderSvg(chart.spec);
      warnings.push(...w.map((message) => `${chart.name}: ${message}`));
      drawn.push({ chart, svg });
      const png = writePng(chart, svg)();
      png.catch(() => {}); // awaited below; marked handled so a failure meanwhile is reported once
      pngs.push(png);
      await writeAtomically([{ file: chartFile(chart, '.vl.json'), content: `${JSON.stringify(chart.spec, null, 2)}\n` }]);
      await writeAtomically([{ file: chartFile(chart, '.svg'), content: svg }]);
    }
    const missing = [...new Set(visibleText(drawn.map((d) => d.svg).join('')))].filter((c) => c >= ' ' && !subset.characters.has(c));
    if (missing.length > 0) {
      // A character came from somewhere the specs do not show (a Vega default): subset again and redraw.
      await Promise.allSettled(pngs);
      subset = subsetFonts(fonts, [...subset.characters, ...missing].join(''), boldText(draft, charts) + missing.join(''));
      await saveFonts();
      pngs = drawn.map(({ chart, svg }) => writePng(chart, svg)());
    }

    progress('写出网页与工作簿 writing report.html and report.xlsx');
    const htmlFile = join(out, 'report.html');
    const xlsxFile = join(out, 'report.xlsx');
    await writeAtomically([{ file: htmlFile, content: renderReportHtml(data, drawn, { engineVersion: options.engineVersion, fonts: subset }) }]);
    // exceljs loads here, while the thread pool is still drawing PNGs, rather than before anything starts.
    const { buildWorkbook } = await import('../workbook/buildWorkbook.js');
    await writeAtomically([{ file: xlsxFile, content: await buildWorkbook(data) }]);
    await Promise.all(pngs);
    const files = drawn.map(({ chart }) => ({
      name: chart.name,
      title: chart.title,
      files: ['.vl.json', '.svg', '.png'].map((ext) => chartFile(chart, ext)),
    }));
    return { folder: out, html: htmlFile, xlsx: xlsxFile, charts: files, warnings };
  } finally {
    await rm(scratch, { recursive: true, force: true });
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
