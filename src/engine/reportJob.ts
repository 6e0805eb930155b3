import { existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { defaultDatabases } from './findDatabase.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { reportDataOf } from '../present/report/reportDataOf.js';
import { latestPeriod } from '../present/runContext.js';
import { loadRunContext } from './loadRunContext.js';
import type { ReportFiles } from '../present/report/renderReport.js';
import { renderReport } from '../present/report/renderReport.js';
import { settleStagedRuns } from '../publish/settleRuns.js';
import { Store } from '../store/store.js';
import { ENGINE_VERSION } from '../version.js';

/** What {@link reportJob} takes: the database, the period, the output folder and which run (default the latest). */
export interface ReportOptions {
  /** The report folder. */
  readonly out: string;
  /** `YYYYQn`; default the run's latest period. */
  readonly period?: string | undefined;
  /** The database; default `kpi.duckdb` in `out` or in its parent folder. */
  readonly db?: string | undefined;
  /** Default the latest finished run. */
  readonly runId?: number | undefined;
  /** The charts also as PNG (default false: `.vl.json` and `.svg` only; `kpi report --png`). */
  readonly png?: boolean;
  /** A folder where drawn charts and font subsets are kept between reports (see renderReport's `cache`); default none. */
  readonly cache?: string | undefined;
  readonly onProgress?: (message: string) => void;
}

/** What {@link reportJob} wrote, and from which run. */
export interface ReportSummary extends ReportFiles {
  readonly period: string;
  readonly runId: number;
  readonly db: string;
}


/**
 * Renders the 通报 of one period from a run stored in the database: charts
 * (.vl.json, .svg, and .png with `png`), report.html and report.xlsx.
 *
 * @example
 * await reportJob({ out: 'out/suqian/report-2023Q2', db: 'out/suqian/kpi.duckdb', period: '2023Q2' });
 */
export async function reportJob(options: ReportOptions): Promise<ReportSummary> {
  const progress = options.onProgress ?? (() => {});
  const candidates = options.db ? [options.db] : defaultDatabases(options.out);
  const db = candidates.find((file) => existsSync(file));
  if (!db) {
    throw new KpiInputError([problem('FOLDER_MISSING', { file: candidates.join(' 或 or '), expected: '先运行 kpi run，或用 --db 指定数据库 / run `kpi run` first or pass --db' })]);
  }
  // `<out>/report-<period>` of a run is a link into that publication: writing there would mix two runs.
  if (await lstat(options.out).then((s) => s.isSymbolicLink(), () => false)) {
    throw new KpiInputError([problem('OUT_IS_PUBLICATION', { file: options.out })]);
  }
  progress(`读取结果 reading results from ${db}`);
  const store = await Store.open(db, { existing: true });
  let data;
  try {
    await settleStagedRuns(store);
    const context = await loadRunContext(store, { runId: options.runId, period: options.period });
    data = reportDataOf(context, options.period ?? latestPeriod(context) ?? '');
  } finally {
    store.close();
  }
  progress(`生成通报 rendering the ${data.period} report into ${options.out}`);
  const files = await renderReport(data, options.out, {
    engineVersion: ENGINE_VERSION,
    onProgress: progress,
    png: options.png === true,
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  return { ...files, period: data.period, runId: data.runId, db };
}
