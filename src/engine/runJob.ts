import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Status } from '../assess/status.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/loadCatalog.js';
import { checkDataFolder, hasErrors } from '../check/checkDataFolder.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import type { ReportFiles } from '../present/report/renderReport.js';
import type { ResultRow } from '../present/resultColumns.js';
import { writeResults } from '../present/writeResults.js';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import type { LoadSummary } from '../store/loadData.js';
import { loadData } from '../store/loadData.js';
import { Store } from '../store/store.js';
import { ENGINE_VERSION } from '../version.js';
import { computeResults } from './computeResults.js';
import { defaultMetricsFolder } from './packagePaths.js';

export interface RunOptions {
  readonly data: string;
  readonly out: string;
  /** The database file; default `<out>/kpi.duckdb`. */
  readonly db?: string;
  /** The metrics catalog folder; default the one shipped with the engine. */
  readonly metrics?: string;
  /** Overrides settings.json. */
  readonly settings?: Partial<Settings>;
  readonly onProgress?: (message: string) => void;
  /** The load time recorded for this run; default now. */
  readonly now?: Date;
  /** The text encoding of the data folder's CSV files; default: detected. */
  readonly encoding?: string;
  /** Also render the latest period's 通报 into `<out>/report-<period>/` (default false; `kpi run` sets it). */
  readonly report?: boolean;
}

export interface RunSummary {
  readonly runId: number;
  readonly db: string;
  readonly files: readonly string[];
  readonly load: LoadSummary;
  readonly resultRows: number;
  readonly periods: readonly string[];
  readonly latestPeriod: string | null;
  /** Status counts per region at the latest period, regions in file order. */
  readonly statusByRegion: readonly { region: string; name: string; counts: Partial<Record<Status, number>> }[];
  /** Warnings from reading (ignored columns, unsupported files) and data-quality notes. */
  readonly warnings: readonly Diagnostic[];
  readonly qualityNotes: number;
  /** The latest period's 通报, when asked for and there are results. */
  readonly report?: ReportFiles;
}

/**
 * The quarterly job: read and check a data folder, store it as one
 * transaction, compute every indicator × region × period, and write
 * results.csv / .json / .parquet. Throws {@link KpiInputError} with every
 * problem when any input is invalid; the store is then left untouched.
 *
 * @example
 * const summary = await runJob({ data: 'data/suqian', out: 'out/suqian' });
 */
export async function runJob(options: RunOptions): Promise<RunSummary> {
  const progress = options.onProgress ?? (() => {});
  progress('读取指标目录 loading the catalog');
  const catalog: Catalog = await loadCatalog(options.metrics ?? defaultMetricsFolder());
  progress(`检查数据 checking ${options.data}`);
  const now = options.now ?? new Date();
  const folder = await checkDataFolder(options.data, catalog, progress, { encoding: options.encoding, now });
  if (hasErrors(folder)) throw new KpiInputError(folder.diagnostics);
  const settings = settingsSchema.parse({ ...folder.settings, ...options.settings });

  await mkdir(options.out, { recursive: true });
  const db = options.db ?? join(options.out, 'kpi.duckdb');
  const store = await Store.open(db);
  try {
    const runId = Number((await store.one<{ n: number }>('SELECT coalesce(max(run_id), 0) + 1 AS n FROM runs'))?.n ?? 1);
    progress('写入数据库 storing observations');
    const load = await store.transaction(async () => {
      await store.run(`INSERT INTO runs VALUES ($run, CAST($at AS TIMESTAMPTZ), $data, CAST($settings AS JSON), $version, NULL, 'loading')`, {
        run: runId,
        at: now.toISOString(),
        data: options.data,
        settings: JSON.stringify(settings),
        version: ENGINE_VERSION,
      });
      return loadData(store, catalog, folder, runId, now);
    });
    progress('计算指标 computing indicators');
    await store.transaction(async () => {
      await computeResults(store, catalog, settings, runId);
      await store.run(`UPDATE runs SET status = 'done', result_rows = (SELECT count(*) FROM results WHERE run_id = $run) WHERE run_id = $run`, { run: runId });
    });
    progress('写出结果 writing results');
    const { files, rows } = await writeResults(store, runId, options.out);
    const summary = { runId, db, files, load, resultRows: rows.length, ...summarize(rows), warnings: folder.diagnostics };
    if (options.report !== true || summary.latestPeriod === null) return summary;
    // Loaded only when a report is wanted: the charting libraries take half a second to import.
    const [{ loadReportData }, { renderReport }] = await Promise.all([import('../present/report/loadReportData.js'), import('../present/report/renderReport.js')]);
    const data = await loadReportData(store, { runId, period: summary.latestPeriod });
    const reportFolder = join(options.out, `report-${summary.latestPeriod}`);
    progress(`生成 ${summary.latestPeriod} 通报 rendering the report into ${reportFolder}`);
    const report = await renderReport(data, reportFolder, { engineVersion: ENGINE_VERSION, onProgress: progress });
    return { ...summary, report };
  } finally {
    store.close();
  }
}

function summarize(rows: readonly ResultRow[]): Pick<RunSummary, 'periods' | 'latestPeriod' | 'statusByRegion' | 'qualityNotes'> {
  const periods = [...new Set(rows.map((r) => String(r.period)))].sort();
  const latestPeriod = periods.at(-1) ?? null;
  const byRegion = new Map<string, { region: string; name: string; counts: Partial<Record<Status, number>> }>();
  for (const row of rows) {
    if (row.period !== latestPeriod) continue;
    const region = String(row.region);
    const entry = byRegion.get(region) ?? { region, name: String(row.region_name), counts: {} };
    const status = row.status as Status;
    entry.counts[status] = (entry.counts[status] ?? 0) + 1;
    byRegion.set(region, entry);
  }
  const qualityNotes = rows.filter((r) => typeof r.notes === 'string' && r.notes.includes('数据质量')).length;
  return { periods, latestPeriod, statusByRegion: [...byRegion.values()], qualityNotes };
}
