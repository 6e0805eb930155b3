import { mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { Status } from '../assess/status.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/loadCatalog.js';
import type { CheckedDataFolder } from '../check/checkDataFolder.js';
import { checkDataFolder, hasErrors } from '../check/checkDataFolder.js';
import type { Normalization } from '../check/normalization.js';
import { summarizeNormalizations } from '../check/summarizeNormalizations.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { onFile } from '../diagnostics/fileAccessError.js';
import type { Staging } from '../publish/outputFolder.js';
import { discardStaging, stagePublication, switchPublication, tidyOutput } from '../publish/outputFolder.js';
import { lockOutput } from '../publish/outputLock.js';
import { lastPublishedRun, settleStagedRuns } from '../publish/settleRuns.js';
import type { ReportFiles } from '../present/report/renderReport.js';
import type { StoredPlanTracking } from '../plan/loadPlanTracking.js';
import { loadPlanTracking } from '../plan/loadPlanTracking.js';
import { writePlanTracking } from '../present/writePlanTracking.js';
import type { ResultRow } from '../present/resultColumns.js';
import { safeFileName } from '../present/safeFileName.js';
import { writeResults } from '../present/writeResults.js';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import type { LoadSummary } from '../store/loadData.js';
import { problem } from '../diagnostics/problems.js';
import { saveCatalog, storedCatalog } from '../store/catalogStore.js';
import { loadData } from '../store/loadData.js';
import type { RunInputs } from '../store/runInputs.js';
import { runInputs, useRunInputs } from '../store/runInputs.js';
import { Store } from '../store/store.js';
import { ENGINE_VERSION } from '../version.js';
import { computeResults } from './computeResults.js';
import type { RunDiff } from './diffRuns.js';
import { diffRuns } from './diffRuns.js';
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
  /** Seconds to wait for another process to release the database (default 0: stop at once). */
  readonly waitSeconds?: number | undefined;
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
  /** What was normalized on the way in, one line per file (also kept in the load log). */
  readonly normalized: readonly string[];
  /** Plan tracking for the latest period, when the data folder has a plan. */
  readonly plan?: StoredPlanTracking | undefined;
  /** For `kpi run --as-of`: the run recomputed. */
  readonly asOf: number | null;
  /** The latest period's 通报, when asked for and there are results. */
  readonly report?: ReportFiles;
  /**
   * Files of the previous publication that are no longer in the data folder
   * (their values are withdrawn), and every figure that differs from that
   * publication, with why. Empty when no file was removed.
   */
  readonly withdrawn: { readonly files: readonly string[]; readonly diff: RunDiff | null };
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
  const db = options.db ?? join(options.out, 'kpi.duckdb');

  return publishing({ out: options.out, db, waitSeconds: options.waitSeconds, progress }, async (store, runId) => {
    const previous = await lastPublishedRun(store);
    progress('写入数据库 storing observations');
    const catalogSha256 = await saveCatalog(store, catalog);
    const load = await loadData(store, folder, runId, now, loadLogs(folder));
    const inputs: RunInputs = { regionsLoad: load.regionsLoad, targetsLoad: load.targetsLoad, filesRun: runId, planLoad: load.planLoad, catalogSha256 };
    const files = load.files.map((f) => ({ kind: f.kind, name: basename(f.file), sha256: f.sha256, status: f.status, load_id: f.loadId }));
    await recordRun(store, { runId, at: now, dataDir: options.data, settings, inputs, asOf: null, files });
    const removed = previous === null ? [] : await removedFiles(store, previous, runId);
    return async (staging) => {
      const published = await publish(store, { runId, catalog, settings, inputs, staging, report: options.report === true, progress });
      const diff = previous !== null && removed.length > 0 ? await diffRuns(store, previous, runId) : null;
      const normalized = summarizeNormalizations(folder.normalizations, { relativeTo: folder.folder });
      return { runId, db, load, warnings: folder.diagnostics, normalized, asOf: null, withdrawn: { files: removed, diff }, ...published };
    };
  });
}

/**
 * The one way a run is published. Inside one transaction of the store: the
 * work records and computes run `runId`, then writes its files into a
 * private folder under `<out>/.kpi/`; the transaction commits the run as
 * `staged`, and the output folder's `current` link is switched to the new
 * files in one rename — the moment of publication — after which the run is
 * marked `done` (see {@link settleStagedRuns} for a stop in between). A
 * failure or a kill at any point leaves the store and `<out>` both as they
 * were, or both as the new publication.
 */
async function publishing(
  where: { readonly out: string; readonly db: string; readonly waitSeconds?: number | undefined; readonly progress: (message: string) => void },
  work: (store: Store, runId: number) => Promise<(staging: Staging) => Promise<RunSummary>>,
): Promise<RunSummary> {
  await onFile(where.out, 'create', () => mkdir(where.out, { recursive: true }));
  const release = await lockOutput(where.out, where.waitSeconds);
  try {
    const store = await Store.open(where.db, { waitSeconds: where.waitSeconds });
    try {
      await settleStagedRuns(store);
      await tidyOutput(where.out);
      const runId = await nextRunId(store);
      const staging = await stagePublication(where.out, runId);
      let summary: RunSummary;
      try {
        summary = await store.transaction(async () => {
          const finish = await work(store, runId);
          const done = await finish(staging);
          await store.run("UPDATE runs SET status = 'staged', out_dir = $out, publication = $name WHERE run_id = $run", {
            out: resolve(where.out),
            name: staging.name,
            run: runId,
          });
          where.progress('提交数据库 committing the store');
          return done;
        });
      } catch (e) {
        await discardStaging(staging);
        throw e;
      }
      where.progress(`发布运行 #${runId} switching ${where.out} to run #${runId}`);
      await switchPublication(staging, { runId, db: resolve(where.db), engineVersion: ENGINE_VERSION });
      await store.run("UPDATE runs SET status = 'done' WHERE run_id = $run", { run: runId });
      await tidyOutput(where.out);
      return relocated(summary, staging);
    } finally {
      store.close();
    }
  } finally {
    await release();
  }
}

/** The summary's paths as a user reaches them: `<out>/…` rather than inside the staged folder. */
function relocated(summary: RunSummary, staging: Staging): RunSummary {
  const place = (path: string): string => join(staging.out, relative(staging.folder, path));
  const report = summary.report && {
    ...summary.report,
    folder: place(summary.report.folder),
    html: place(summary.report.html),
    xlsx: place(summary.report.xlsx),
    charts: summary.report.charts.map((c) => ({ ...c, files: c.files.map(place) })),
  };
  return { ...summary, files: summary.files.map(place), ...(report ? { report } : {}) };
}

/** Observation and milestone files the previous publication read that the data folder no longer has. */
async function removedFiles(store: Store, previous: number, runId: number): Promise<string[]> {
  const rows = await store.all<{ name: string }>(
    `SELECT kind, name FROM run_files WHERE run_id = $before
     EXCEPT SELECT kind, name FROM run_files WHERE run_id = $after ORDER BY kind DESC, name`,
    { before: previous, after: runId },
  );
  return rows.map((r) => r.name);
}

export interface RecomputeOptions {
  /** The database holding the publication to recompute. */
  readonly db: string;
  /** A run id, or a time (ISO 8601): the last finished run at or before it. */
  readonly asOf: number | Date;
  readonly out: string;
  readonly report?: boolean;
  readonly waitSeconds?: number | undefined;
  readonly now?: Date;
  readonly onProgress?: (message: string) => void;
}

/**
 * `kpi run --as-of`: recomputes a past publication from the store alone —
 * the regions, targets, definitions, settings and observation revisions as
 * they stood at that run — and records it as a new run. With the same engine
 * the results files are byte-identical to the original's.
 *
 * @example
 * await recomputeJob({ db: 'out/suqian/kpi.duckdb', asOf: 1, out: 'out/asof-1' });
 */
export async function recomputeJob(options: RecomputeOptions): Promise<RunSummary> {
  const progress = options.onProgress ?? (() => {});
  return publishing({ out: options.out, db: options.db, waitSeconds: options.waitSeconds, progress }, async (store, runId) => {
    const base = await findRun(store, options.asOf);
    progress(`按运行 #${base.run_id} 时的数据重算 recomputing as of run #${base.run_id} (${base.started_at})`);
    const recorded = await runInputs(store, base.run_id);
    if (!recorded) throw new Error(`run ${base.run_id} has no recorded inputs`);
    const inputs: RunInputs = { ...recorded, filesRun: runId };
    const catalog = await storedCatalog(store, inputs.catalogSha256);
    const settings = settingsSchema.parse(JSON.parse(base.settings));
    await recordRun(store, { runId, at: options.now ?? new Date(), dataDir: base.data_dir, settings, inputs, asOf: base.run_id, files: JSON.parse(base.inputs) as unknown[] });
    await store.run('INSERT INTO run_files SELECT $run, kind, ord, name, load_id FROM run_files WHERE run_id = $base', { run: runId, base: base.run_id });
    return async (staging) => {
      const published = await publish(store, { runId, catalog, settings, inputs, staging, report: options.report === true, progress });
      const load = { files: [], observationsAdded: 0, regionsLoad: inputs.regionsLoad, targetsLoad: inputs.targetsLoad, planLoad: inputs.planLoad };
      return { runId, db: options.db, load, warnings: [], normalized: [], asOf: base.run_id, withdrawn: { files: [], diff: null }, ...published };
    };
  });
}

/** Each file's normalization summary, for its row in the load log. */
function loadLogs(folder: CheckedDataFolder): Map<string, string> {
  const byFile = new Map<string, Normalization[]>();
  for (const n of folder.normalizations) byFile.set(n.file, [...(byFile.get(n.file) ?? []), n]);
  return new Map([...byFile].map(([file, list]) => [file, summarizeNormalizations(list, { relativeTo: folder.folder }).join('\n')]));
}

const nextRunId = async (store: Store): Promise<number> =>
  Number((await store.one<{ n: number }>('SELECT coalesce(max(run_id), 0) + 1 AS n FROM runs'))?.n ?? 1);

interface RunRecord {
  readonly runId: number;
  readonly at: Date;
  readonly dataDir: string;
  readonly settings: Settings;
  readonly inputs: RunInputs;
  readonly asOf: number | null;
  readonly files: readonly unknown[];
}

async function recordRun(store: Store, r: RunRecord): Promise<void> {
  await store.run(
    `INSERT INTO runs (run_id, started_at, data_dir, settings, engine_version, result_rows, status,
                       catalog_sha256, regions_load, targets_load, plan_load, as_of, inputs)
     VALUES ($run, CAST($at AS TIMESTAMPTZ), $data, CAST($settings AS JSON), $version, NULL, 'computing',
             $catalog, $regions, $targets, $plan, $asof, CAST($files AS JSON))`,
    {
      run: r.runId,
      at: r.at.toISOString(),
      data: r.dataDir,
      settings: JSON.stringify(r.settings),
      version: ENGINE_VERSION,
      catalog: r.inputs.catalogSha256,
      regions: r.inputs.regionsLoad,
      targets: r.inputs.targetsLoad,
      plan: r.inputs.planLoad,
      asof: r.asOf,
      files: JSON.stringify(r.files),
    },
  );
}

async function findRun(store: Store, asOf: number | Date): Promise<{ run_id: number; started_at: string; data_dir: string; settings: string; inputs: string }> {
  const byTime = asOf instanceof Date;
  const run = await store.one<{ run_id: number; started_at: string; data_dir: string; settings: string; inputs: string }>(
    `SELECT run_id, CAST(started_at AS VARCHAR) AS started_at, data_dir, CAST(settings AS VARCHAR) AS settings, CAST(inputs AS VARCHAR) AS inputs
     FROM runs WHERE status = 'done' AND (CASE WHEN $byTime THEN started_at <= CAST($at AS TIMESTAMPTZ) ELSE run_id = $run END)
     ORDER BY run_id DESC LIMIT 1`,
    { byTime, at: byTime ? asOf.toISOString() : null, run: byTime ? null : asOf },
  );
  if (!run) throw new KpiInputError([problem('NO_RUN', { value: byTime ? asOf.toISOString() : String(asOf) })]);
  return run;
}

interface PublishOptions {
  readonly runId: number;
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly inputs: RunInputs;
  readonly staging: Staging;
  readonly report: boolean;
  readonly progress: (message: string) => void;
}

/** Computes a recorded run from its inputs and writes its files into the staged folder: results, plan tracking and, if asked, the latest period's report. */
async function publish(store: Store, p: PublishOptions): Promise<Omit<RunSummary, 'runId' | 'db' | 'load' | 'warnings' | 'normalized' | 'asOf' | 'withdrawn'>> {
  p.progress('计算指标 computing indicators');
  await useRunInputs(store, p.inputs, p.catalog);
  await computeResults(store, p.catalog, p.settings, p.runId);
  await store.run('UPDATE runs SET result_rows = (SELECT count(*) FROM results WHERE run_id = $run) WHERE run_id = $run', { run: p.runId });
  p.progress('写出结果 writing results');
  const out = p.staging.folder;
  const { files, rows } = await writeResults(store, p.runId, out);
  const summarized = summarize(rows);
  const latest = summarized.latestPeriod;
  const plan = latest === null ? undefined : await loadPlanTracking(store, p.inputs, latest);
  if (plan) p.progress('计划进度 tracking the plan\'s milestones');
  const planFiles = plan ? await writePlanTracking(plan, out) : [];
  const summary = { files: [...files, ...planFiles], resultRows: rows.length, ...summarized, plan };
  if (!p.report || summary.latestPeriod === null) return summary;
  // Loaded only when a report is wanted: the charting libraries take half a second to import.
  const [{ loadReportData }, { renderReport }] = await Promise.all([import('../present/report/loadReportData.js'), import('../present/report/renderReport.js')]);
  const data = await loadReportData(store, { runId: p.runId, period: summary.latestPeriod });
  const reportName = safeFileName(`report-${summary.latestPeriod}`);
  const reportFolder = join(out, reportName);
  p.progress(`生成 ${summary.latestPeriod} 通报 rendering the report into ${join(p.staging.out, reportName)}`);
  const report = await renderReport(data, reportFolder, { engineVersion: ENGINE_VERSION, onProgress: p.progress });
  return { ...summary, report };
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
