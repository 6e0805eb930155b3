/**
 * Benchmark: the 通报, as a user gets it, in fresh processes, compiled JS.
 *
 * 1. Steps: where one report's time goes, measured in one process (module
 *    loading, fonts, report data, specs, the font subset, Vega's SVG per
 *    chart, PNG, the page, the workbook, reading the cache).
 * 2. Wall: `kpi run` on the sample with its 2023Q4 通报, median of
 *    BENCH_RUNS (5) interleaved runs of each variant: a fresh output folder
 *    with an empty cache (the first run), a rerun on unchanged data (the cache
 *    holds every chart), `--png`, and `--no-report` (the floor). With
 *    BENCH_BEFORE=<a copy of an older dist/, in a folder that sees
 *    node_modules and metrics/> the old engine's `kpi run` is run in the same
 *    rounds, so before and after share the machine's load.
 *
 * Usage: `npm run bench` (after `npm run build`); BENCH_DIST=<dist folder> to
 * time another build. CPU is user + system time (from /usr/bin/time, when
 * there is one): the machine may be shared, and CPU is what load does not
 * inflate.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as BuildWorkbookModule from '../../src/present/workbook/buildWorkbook.js';
import type * as ChartCatalogModule from '../../src/present/charts/chartCatalog.js';
import type * as ChartFontsModule from '../../src/present/render/chartFonts.js';
import type * as FontSubsetModule from '../../src/present/render/fontSubset.js';
import type * as LoadRunContextModule from '../../src/engine/loadRunContext.js';
import type * as PrintPageModule from '../../src/present/html/printPage.js';
import type * as RenderPngModule from '../../src/present/render/renderPng.js';
import type * as RenderReportHtmlModule from '../../src/present/html/renderReportHtml.js';
import type * as RenderSvgModule from '../../src/present/render/renderSvg.js';
import type * as ReportDataOfModule from '../../src/present/report/reportDataOf.js';
import type * as StoreModule from '../../src/store/store.js';
import type * as TextMetricsModule from '../../src/present/render/textMetrics.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const data = resolve(process.env.BENCH_DATA ?? 'data/suqian');
const dist = resolve(process.env.BENCH_DIST ?? 'dist');
const before = process.env.BENCH_BEFORE ? resolve(process.env.BENCH_BEFORE) : undefined;
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const write = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Timed {
  readonly wall: number;
  readonly cpu: number;
}

/** One `kpi …` in a fresh process: its wall time and CPU (user + system), in ms. */
function kpi(distFolder: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Timed {
  const command = [join(distFolder, 'src/cli/bin.js'), ...args, '--quiet'];
  const started = performance.now();
  const child = timeTool
    ? spawnSync(timeTool, ['-f', 'CPU %U %S', 'node', ...command], { env: { ...process.env, ...env }, encoding: 'utf8' })
    : spawnSync('node', command, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`kpi ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(child.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

/** Part 1, run in a child process of its own (`--steps <dist> <db>`): each step of one report, in order. */
async function steps(distFolder: string, db: string): Promise<void> {
  const at = (path: string) => pathToFileURL(join(distFolder, 'src', path)).href;
  const rows: [string, number][] = [];
  const time = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const value = await work();
    rows.push([name, performance.now() - started]);
    return value;
  };
  const m = await time('imports: report data, charts, page, fonts', async () => ({
    store: (await import(at('store/store.js'))) as typeof StoreModule,
    context: (await import(at('engine/loadRunContext.js'))) as typeof LoadRunContextModule,
    data: (await import(at('present/report/reportDataOf.js'))) as typeof ReportDataOfModule,
    charts: (await import(at('present/charts/chartCatalog.js'))) as typeof ChartCatalogModule,
    html: (await import(at('present/html/renderReportHtml.js'))) as typeof RenderReportHtmlModule,
    page: (await import(at('present/html/printPage.js'))) as typeof PrintPageModule,
    fonts: (await import(at('present/render/chartFonts.js'))) as typeof ChartFontsModule,
    subset: (await import(at('present/render/fontSubset.js'))) as typeof FontSubsetModule,
    metrics: (await import(at('present/render/textMetrics.js'))) as typeof TextMetricsModule,
  }));
  const svgModule = await time('imports: vega, vega-lite', async () => (await import(at('present/render/renderSvg.js'))) as typeof RenderSvgModule);
  const pngModule = await time('imports: resvg', async () => (await import(at('present/render/renderPng.js'))) as typeof RenderPngModule);
  const fonts = await time('fonts: parse both faces', () => m.fonts.loadChartFonts());
  m.metrics.useChartTextMetrics(fonts);
  const data = await time('report data: from the store', async () => {
    const store = await m.store.Store.open(db, { existing: true });
    try {
      return m.data.reportDataOf(await m.context.loadRunContext(store, {}), '2023Q4');
    } finally {
      store.close();
    }
  });
  const charts = await time('specs', () => m.charts.reportCharts(data, m.metrics.chartTextMeasure(fonts)));
  const draft = await time('page draft (the text the subset needs)', () => m.html.renderReportHtml(data, charts.map((chart) => ({ chart, svg: '' })), { engineVersion: 'bench' }));
  const subset = await time('font subset', () => m.subset.subsetFonts(fonts, draft + m.page.runningCharacters(m.page.runningText(data)) + JSON.stringify(charts.map((c) => c.spec))));
  const perChart: number[] = [];
  const svgs = await time(`SVG: ${charts.length} charts, Vega`, async () => {
    const out: string[] = [];
    for (const chart of charts) {
      const started = performance.now();
      out.push((await svgModule.renderSvg(chart.spec)).svg);
      perChart.push(performance.now() - started);
    }
    return out;
  });
  rows.push([`  per chart: median ${median(perChart).toFixed(0)} ms, slowest ${Math.max(...perChart).toFixed(0)} ms (the first pays Vega's warm-up)`, NaN]);
  const scratch = mkdtempSync(join(tmpdir(), 'kpi-bench-fonts-'));
  const { writeFileSync } = await import('node:fs');
  const fontFiles = [join(scratch, 'r.otf'), join(scratch, 'b.otf')];
  writeFileSync(fontFiles[0] ?? '', subset.regular);
  writeFileSync(fontFiles[1] ?? '', subset.bold);
  await time('PNG at 2×: all, on the thread pool', () => Promise.all(svgs.map((svg) => pngModule.renderPng(svg, fontFiles))));
  rmSync(scratch, { recursive: true, force: true });
  await time('report.html', () => m.html.renderReportHtml(data, charts.map((chart, i) => ({ chart, svg: svgs[i] ?? '' })), { engineVersion: 'bench', fonts: subset }));
  const workbook = await time('imports: exceljs', async () => (await import(at('present/workbook/buildWorkbook.js'))) as typeof BuildWorkbookModule);
  await time('report.xlsx', () => workbook.buildWorkbook(data));
  write(JSON.stringify(rows));
}

function stepTable(distFolder: string, db: string): [string, number][] {
  const child = execFileSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', '--steps', distFolder, db], { encoding: 'utf8' });
  return JSON.parse(child.trim().split('\n').at(-1) ?? '[]') as [string, number][];
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'kpi-bench-report-'));
  try {
    const caches = join(work, 'caches');
    kpi(dist, ['run', '--data', data, '--out', join(work, 'base'), '--no-report']);
    const db = join(work, 'base', 'kpi.duckdb');

    write(`Steps of one 通报 (2023Q4 of ${data}), one process each, ms`);
    const tables = [...(before ? [['before', stepTable(before, db)] as const] : []), ['after', stepTable(dist, db)] as const];
    const names = tables.at(-1)?.[1].map(([n]) => n) ?? [];
    write(`| step | ${tables.map(([label]) => label).join(' | ')} |`);
    write(`|---|${tables.map(() => '---:|').join('')}`);
    for (const name of names) {
      const cells: (number | null | undefined)[] = tables.map(([, rows]) => rows.find(([n]) => n === name)?.[1]);
      write(`| ${name} | ${cells.map((c) => (c === undefined || c === null || Number.isNaN(c) ? '' : c.toFixed(0))).join(' | ')} |`);
    }

    // Part 2: each variant once per round, the rounds interleaved.
    const variants: { label: string; run: (round: number) => Timed }[] = [
      ...(before ? [{ label: 'before: kpi run (with PNG)', run: (r: number) => kpi(before, ['run', '--data', data, '--out', join(work, `before-${r}`)]) }] : []),
      { label: 'after: kpi run, first run (empty cache)', run: (r) => kpi(dist, ['run', '--data', data, '--out', join(work, `first-${r}`)], { KPI_CACHE_DIR: join(caches, `empty-${r}`) }) },
      { label: 'after: kpi run again, unchanged data', run: () => kpi(dist, ['run', '--data', data, '--out', join(work, 'again')], { KPI_CACHE_DIR: join(caches, 'kept') }) },
      { label: 'after: kpi run --png, first run', run: (r) => kpi(dist, ['run', '--data', data, '--out', join(work, `png-${r}`), '--png'], { KPI_CACHE_DIR: join(caches, `png-${r}`) }) },
      { label: 'after: kpi run --no-report (floor)', run: (r) => kpi(dist, ['run', '--data', data, '--out', join(work, `floor-${r}`), '--no-report']) },
    ];
    kpi(dist, ['run', '--data', data, '--out', join(work, 'again')], { KPI_CACHE_DIR: join(caches, 'kept') });
    const times = variants.map(() => [] as Timed[]);
    for (let r = 0; r < runs; r++) variants.forEach((v, i) => times[i]?.push(v.run(r)));
    write(`\nkpi run on ${data} with its 通报, fresh processes, median of ${runs} interleaved rounds`);
    write('| variant | wall | CPU | each (wall) |');
    write('|---|---:|---:|---|');
    variants.forEach((v, i) => {
      const t = times[i] ?? [];
      write(`| ${v.label} | ${seconds(median(t.map((x) => x.wall)))} | ${seconds(median(t.map((x) => x.cpu)))} | ${t.map((x) => seconds(x.wall)).join(', ')} |`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--steps') await steps(process.argv[3] ?? dist, process.argv[4] ?? '');
else main();
