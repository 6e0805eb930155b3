import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCharts } from '../charts/chartCatalog.js';
import { chartKindLabels } from '../charts/chart.js';
import type { DrawnChart } from '../html/renderReportHtml.js';
import { renderReportHtml } from '../html/renderReportHtml.js';
import { loadChartFonts } from '../render/chartFonts.js';
import { subsetFonts } from '../render/fontSubset.js';
import { renderPng } from '../render/renderPng.js';
import { renderSvg } from '../render/renderSvg.js';
import { useChartTextMetrics } from '../render/textMetrics.js';
import { buildWorkbook } from '../workbook/buildWorkbook.js';
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
  const charts = reportCharts(data);

  progress(`绘制图表 drawing ${charts.length} charts`);
  const drawn: DrawnChart[] = [];
  const warnings: string[] = [];
  for (const chart of charts) {
    const { svg, warnings: w } = await renderSvg(chart.spec);
    warnings.push(...w.map((message) => `${chart.name}: ${message}`));
    drawn.push({ chart, svg });
  }

  // The page is laid out first without fonts, so the subset covers every character it shows.
  const draft = renderReportHtml(data, drawn, { engineVersion: options.engineVersion });
  const subset = subsetFonts(fonts, visibleText(draft));
  const html = renderReportHtml(data, drawn, { engineVersion: options.engineVersion, fonts: subset });

  const chartFolder = join(out, 'charts');
  await mkdir(chartFolder, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), 'kpi-fonts-'));
  try {
    const fontFiles = [join(scratch, 'regular.otf'), join(scratch, 'bold.otf')];
    await writeFile(fontFiles[0] as string, subset.regular);
    await writeFile(fontFiles[1] as string, subset.bold);
    progress(`写出图表 writing charts (${Object.values(chartKindLabels).join('、')})`);
    const written = [];
    for (const { chart, svg } of drawn) {
      const base = join(chartFolder, chart.name);
      const files = [`${base}.vl.json`, `${base}.svg`, `${base}.png`];
      await writeAtomically(files[0] as string, `${JSON.stringify(chart.spec, null, 2)}\n`);
      await writeAtomically(files[1] as string, svg);
      await writeAtomically(files[2] as string, renderPng(svg, fontFiles));
      written.push({ name: chart.name, title: chart.title, files });
    }
    progress('写出网页与工作簿 writing report.html and report.xlsx');
    const htmlFile = join(out, 'report.html');
    const xlsxFile = join(out, 'report.xlsx');
    await writeAtomically(htmlFile, html);
    await writeAtomically(xlsxFile, await buildWorkbook(data));
    return { folder: out, html: htmlFile, xlsx: xlsxFile, charts: written, warnings };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The characters a page shows: its text and its inline SVG text, without markup. */
const visibleText = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}
