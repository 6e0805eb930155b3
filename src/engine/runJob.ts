import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/loadCatalog.js';
import type { CheckedDataFolder } from '../check/checkDataFolder.js';
import { checkDataFolder, hasErrors } from '../check/checkDataFolder.js';
import { discardEntityRows } from '../check/entity/checkEntityFile.js';
import type { Normalization } from '../check/normalization.js';
import { summarizeNormalizations } from '../check/summarizeNormalizations.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { onFile } from '../diagnostics/fileAccessError.js';
import { hasFindingOf } from '../model/finding.js';
import { formatTime } from '../model/clock.js';
import type { Status } from '../model/status.js';
import type { StoredPlanTracking } from '../plan/trackPlan.js';
import { loadPlanTracking } from './loadPlanTracking.js';
import type { ReportFiles } from '../present/report/renderReport.js';
import { resultRowsOf } from '../present/resultColumns.js';
import type { RunContext } from '../present/runContext.js';
import { latestPeriod, periodsOf } from '../present/runContext.js';
import { safeFileName } from '../present/safeFileName.js';
import { writePlanTracking } from '../present/writePlanTracking.js';
import { writeMissingReports } from '../present/writeMissingReports.js';
import { writeQuality } from '../present/writeQuality.js';
import { assessQuality } from '../assess/quality/assessQuality.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import { writeResults } from '../present/writeResults.js';
import { warningsOf, writeWarnings } from '../present/writeWarnings.js';
import { latestWarnings } from '../assess/outlook/earlyWarnings.js';
import type { Staging } from '../publish/outputFolder.js';
import { discardStaging, stagePublication, switchPublication, tidyOutput } from '../publish/outputFolder.js';
import { lockOutput } from '../publish/outputLock.js';
import { lastPublishedRun, settleStagedRuns } from '../publish/settleRuns.js';
import { publishSnapshot, snapshotPath } from '../publish/snapshot.js';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import { saveCatalog, storedCatalog } from '../store/catalogStore.js';
import type { LoadSummary } from '../store/loadData.js';
import { loadData } from '../store/loadData.js';
import { saveQualityFindings } from '../store/qualityStore.js';
import { readResults } from '../store/results.js';
import type { RunInputs } from '../store/runInputs.js';
import { runInputs, useRunInputs } from '../store/runInputs.js';
import type { RunRecord } from '../store/runs.js';
import { copyRunFiles, filesGone, findRun, lastPublished, markStaged, nextRunId, recordRun, setResultRows, setRunStatus } from '../store/runs.js';
import { Store } from '../store/store.js';
import { workingRegions, workingTargets } from '../store/workingSet.js';
import { ENGINE_VERSION } from '../version.js';
import { computeResults } from './computeResults.js';
import type { RunDiff } from './diffRuns.js';
import { diffRuns } from './diffRuns.js';
import { defaultMetricsFolder } from './packagePaths.js';
import { unknownRun } from './unknownRun.js';

/** What {@link runJob} takes: the data folder, the output folder, and how to run (`kpi run`'s options). */
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
  /** The 通报's charts also as PNG (default false: `.vl.json` and `.svg` only; `kpi run --png`). */
  readonly png?: boolean;
  /** A folder where the 通报 keeps drawn charts and font subsets between runs (see renderReport's `cache`); default none. */
  readonly reportCache?: string;
  /**
   * Check, store and compute inside a transaction that is rolled back, and
   * return the summary: nothing is stored, no file is written, `<out>` is not
   * even created (`kpi run --dry-run`). Without a database at `db` the run is
   * rehearsed in memory.
   */
  readonly dryRun?: boolean;
}

/** What {@link runJob} did: the run, what it loaded, the results' shape, warnings and data quality, what it wrote. */
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
  /** The periods those data-quality notes are in, in order. */
  readonly qualityPeriods: readonly string[];
  /** The data-quality findings (OUTLOOK.md §5) as quality.csv lists them, errors first. */
  readonly quality: readonly QualityFinding[];
  /** Early warnings (预警清单, warnings.csv) at the latest period that has any; null when no period has one. */
  readonly earlyWarnings: { readonly period: string; readonly count: number } | null;
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
  /**
   * The published snapshot `kpi serve` and other readers open (see
   * {@link publishSnapshot}): its path, or why it could not be refreshed —
   * the run is published either way. Null for a dry run.
   */
  readonly snapshot: { readonly path: string; readonly problem?: string } | null;
}

/**
 * The quarterly job. The pipeline, phase by phase (the numbers recur in the
 * code below):
 *
 *   1. read + check   checkDataFolder: every file of the data folder against the catalog;
 *                     any error stops here, the store untouched (KpiInputError)
 *   ── one transaction of the store from here to 7 ──
 *   2. store          saveCatalog, loadData, recordRun: the files as this run saw them
 *   3. working set    useRunInputs: the regions, targets, catalog and observations in effect
 *   4. compute        resolve → evaluate → assess (computeResults), stored as `results`
 *   5. context        the RunContext: inputs, catalog, regions, targets, results, data-quality findings, plan tracking
 *   6. present        results.csv/.json/.parquet, warnings.csv, quality.csv, missing-reports.csv, plan tracking,
 *                     the 通报 — into a staged folder
 *   7. commit         the run is `staged`; the transaction commits
 *   8. publish        one rename switches `<out>/.kpi/current`; the run is `done`
 *
 * Throws {@link KpiInputError} with every problem when any input is invalid.
 *
 * @example
 * const summary = await runJob({ data: 'data/suqian', out: 'out/suqian' });
 */
export async function runJob(options: RunOptions): Promise<RunSummary> {
  const db = options.db ?? join(options.out, 'kpi.duckdb');
  const work = await folderWork(options, db);
  const where = { out: options.out, db, waitSeconds: options.waitSeconds, progress: options.onProgress ?? (() => {}) };
  return (options.dryRun === true ? rehearsing : publishing)(where, work);
}

/** What {@link computeFolder} takes: a data folder and how to read it, as for {@link runJob}. */
export type FolderOptions = Pick<RunOptions, 'data' | 'metrics' | 'settings' | 'onProgress' | 'now' | 'encoding'>;

/**
 * Phases 1–5 into a store the caller holds and keeps (an in-memory one, for
 * the library's `compute`): the data folder checked, stored and computed in
 * one committed transaction, and the run marked `done`, with no output
 * folder and no file written. Returns the run's id.
 */
export async function computeFolder(store: Store, options: FolderOptions): Promise<number> {
  const work = await folderWork(options, store.path);
  const runId = await nextRunId(store);
  await store.transaction(async () => (await work(store, runId))(null));
  await setRunStatus(store, runId, 'done');
  return runId;
}

/** Phase 1 (read + check, before any store is opened), then the work of phases 2–6 on the data folder. */
async function folderWork(options: FolderOptions & Pick<RunOptions, 'report' | 'png' | 'reportCache'>, db: string): Promise<Work> {
  const progress = options.onProgress ?? (() => {});
  progress('读取指标目录 loading the catalog');
  const catalog: Catalog = await loadCatalog(options.metrics ?? defaultMetricsFolder());
  // 1. read + check
  progress(`检查数据 checking ${options.data}`);
  const now = options.now ?? new Date();
  const folder = await checkDataFolder(options.data, catalog, progress, { encoding: options.encoding, now });
  if (hasErrors(folder)) {
    await Promise.all(folder.observationFiles.map((f) => discardEntityRows(f.entities)));
    throw new KpiInputError(folder.diagnostics);
  }
  const settings = settingsSchema.parse({ ...folder.settings, ...options.settings });
  const report = reportWanted(options);
  return async (store, runId) => {
    // 2. store
    const previous = await lastPublishedRun(store);
    progress('写入数据库 storing observations');
    const catalogSha256 = await saveCatalog(store, catalog);
    const load = await loadData(store, folder, runId, now, loadLogs(folder));
    const inputs: RunInputs = { regionsLoad: load.regionsLoad, targetsLoad: load.targetsLoad, filesRun: runId, planLoad: load.planLoad, catalogSha256 };
    const files = load.files.map((f) => ({ kind: f.kind, name: basename(f.file), sha256: f.sha256, status: f.status, load_id: f.loadId }));
    await recordRun(store, { runId, at: now, dataDir: options.data, settings, inputs, asOf: null, files });
    const removed = previous === null ? [] : await filesGone(store, previous, runId);
    return async (staging) => {
      const context = await computeRun(store, { runId, at: now, catalog, settings, inputs, progress });
      const published = staging === null ? presentedSummary(context) : await present(store, context, { staging, report, progress });
      const diff = previous !== null && removed.length > 0 ? await diffRuns(store, previous, runId) : null;
      const normalized = summarizeNormalizations(folder.normalizations, { relativeTo: folder.folder });
      return { runId, db, load, warnings: folder.diagnostics, normalized, asOf: null, withdrawn: { files: removed, diff }, snapshot: null, ...published };
    };
  };
}

/**
 * Phases 7 and 8, around the work of phases 2–6. Inside one transaction of
 * the store the work records and computes run `runId`, then writes its files
 * into a private folder under `<out>/.kpi/`; the transaction commits the run
 * as `staged`, and the output folder's `current` link is switched to the new
 * files in one rename — the moment of publication — after which the run is
 * marked `done` (see {@link settleStagedRuns} for a stop in between). A
 * failure or a kill at any point leaves the store and `<out>` both as they
 * were, or both as the new publication.
 */
async function publishing(where: Where, work: Work): Promise<RunSummary> {
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
          // 7. commit
          await markStaged(store, runId, { out: resolve(where.out), publication: staging.name });
          where.progress('提交数据库 committing the store');
          return done;
        });
      } catch (e) {
        await discardStaging(staging);
        throw e;
      }
      // 8. publish
      where.progress(`发布运行 #${runId} switching ${where.out} to run #${runId}`);
      await switchPublication(staging, { runId, db: resolve(where.db), engineVersion: ENGINE_VERSION });
      await setRunStatus(store, runId, 'done');
      await tidyOutput(where.out);
      const snapshot = await publishSnapshot(store).then(
        (path) => ({ path }),
        (e: unknown) => ({ path: snapshotPath(where.db), problem: e instanceof Error ? e.message : String(e) }),
      );
      return { ...relocated(summary, staging), snapshot };
    } finally {
      store.close();
    }
  } finally {
    await release();
  }
}

/**
 * `--dry-run`: the work of phases 2–5 in a transaction that is rolled back,
 * with no staged folder (phase 6 only summarizes), no commit and no publication.
 * The database is opened only if it exists; otherwise the run is rehearsed in
 * memory, so a first look at a data folder leaves nothing behind.
 */
async function rehearsing(where: Where, work: Work): Promise<RunSummary> {
  const store = existsSync(where.db) ? await Store.open(where.db, { waitSeconds: where.waitSeconds, existing: true }) : await Store.open(':memory:');
  try {
    const runId = await nextRunId(store);
    return await store.rolledBack(async () => (await work(store, runId))(null));
  } finally {
    store.close();
  }
}

interface Where {
  readonly out: string;
  readonly db: string;
  readonly waitSeconds?: number | undefined;
  readonly progress: (message: string) => void;
}

/** Phases 2–5 of one run; what it returns does phase 6 into the staged folder, or only summarizes when there is none (a dry run). */
type Work = (store: Store, runId: number) => Promise<(staging: Staging | null) => Promise<RunSummary>>;

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

/** What {@link recomputeJob} takes: the database, the run (or time) to recompute, and the output folder. */
export interface RecomputeOptions {
  /** The database holding the publication to recompute. */
  readonly db: string;
  /** A run id, or a time (ISO 8601): the last finished run at or before it. */
  readonly asOf: number | Date;
  readonly out: string;
  readonly report?: boolean;
  /** See {@link RunOptions.png}. */
  readonly png?: boolean;
  /** See {@link RunOptions.reportCache}. */
  readonly reportCache?: string;
  /** The zone of the times its messages show (IANA name); Beijing time by default. */
  readonly timeZone?: string;
  /** Recompute and summarize, then roll back: nothing stored or written (see {@link RunOptions.dryRun}). */
  readonly dryRun?: boolean;
  readonly waitSeconds?: number | undefined;
  readonly now?: Date;
  readonly onProgress?: (message: string) => void;
}

/**
 * `kpi run --as-of`: recomputes a past publication from the store alone —
 * the regions, targets, definitions, settings and observation revisions as
 * they stood at that run — and records it as a new run (phases 2–8, with
 * phase 2 copying the base run's record). With the same engine the results
 * files are byte-identical to the original's.
 *
 * @example
 * await recomputeJob({ db: 'out/suqian/kpi.duckdb', asOf: 1, out: 'out/asof-1' });
 */
export async function recomputeJob(options: RecomputeOptions): Promise<RunSummary> {
  const progress = options.onProgress ?? (() => {});
  return (options.dryRun === true ? rehearsing : publishing)({ out: options.out, db: options.db, waitSeconds: options.waitSeconds, progress }, async (store, runId) => {
    // 2. store: the base run's inputs, recorded again
    const base = await baseRun(store, options.asOf, options.timeZone);
    progress(`按运行 #${base.runId} 时的数据重算 recomputing as of run #${base.runId} (${formatTime(new Date(base.startedMs), options.timeZone)})`);
    const recorded = await runInputs(store, base.runId);
    if (!recorded) throw new Error(`run ${base.runId} has no recorded inputs`);
    const inputs: RunInputs = { ...recorded, filesRun: runId };
    const catalog = await storedCatalog(store, inputs.catalogSha256);
    const at = options.now ?? new Date();
    await recordRun(store, { runId, at, dataDir: base.dataDir, settings: base.settings, inputs, asOf: base.runId, files: base.inputs });
    await copyRunFiles(store, runId, base.runId);
    return async (staging) => {
      const context = await computeRun(store, { runId, at, catalog, settings: base.settings, inputs, progress });
      const published = staging === null ? presentedSummary(context) : await present(store, context, { staging, report: reportWanted(options), progress });
      const load = { files: [], observationsAdded: 0, regionsLoad: inputs.regionsLoad, targetsLoad: inputs.targetsLoad, planLoad: inputs.planLoad };
      return { runId, db: options.db, load, warnings: [], normalized: [], asOf: base.runId, withdrawn: { files: [], diff: null }, snapshot: null, ...published };
    };
  });
}

/** Each file's normalization summary, for its row in the load log. */
function loadLogs(folder: CheckedDataFolder): Map<string, string> {
  const byFile = new Map<string, Normalization[]>();
  for (const n of folder.normalizations) byFile.set(n.file, [...(byFile.get(n.file) ?? []), n]);
  return new Map([...byFile].map(([file, list]) => [file, summarizeNormalizations(list, { relativeTo: folder.folder }).join('\n')]));
}

/** The published run `kpi run --as-of` names: by id, or the last one at or before a time. */
async function baseRun(store: Store, asOf: number | Date, zone: string | undefined): Promise<RunRecord> {
  const run = asOf instanceof Date ? await lastPublished(store, asOf) : await findRun(store, asOf);
  if (!run || run.status !== 'done') throw new KpiInputError([await unknownRun(store, asOf, zone)]);
  return run;
}

interface ComputeOptions {
  readonly runId: number;
  readonly at: Date;
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly inputs: RunInputs;
  readonly progress: (message: string) => void;
}

/** Phases 3–5: the working set, the computation, and the run's context. */
async function computeRun(store: Store, c: ComputeOptions): Promise<RunContext> {
  // 3. working set
  c.progress('计算指标 computing indicators');
  await useRunInputs(store, c.inputs, c.catalog);
  // 4. compute
  await computeResults(store, c.catalog, c.settings, c.runId);
  // 5. context
  const results = await readResults(store, c.runId);
  await setResultRows(store, c.runId, results.length);
  const planPeriod = latestPeriod({ results });
  const regions = await workingRegions(store);
  // Over the working set and the computation's temp tables, which loading the plan tracking leaves alone.
  const quality = await assessQuality({ store, catalog: c.catalog, settings: c.settings, regions, results });
  await saveQualityFindings(store, c.runId, quality);
  const plan = planPeriod === null ? undefined : await loadPlanTracking(store, c.inputs, planPeriod);
  return {
    runId: c.runId,
    runAt: c.at.toISOString(),
    settings: c.settings,
    inputs: c.inputs,
    catalog: c.catalog,
    regions,
    targets: await workingTargets(store),
    results,
    plan,
    planPeriod,
    quality,
  };
}

type Presented = Omit<RunSummary, 'runId' | 'db' | 'load' | 'warnings' | 'normalized' | 'asOf' | 'withdrawn' | 'snapshot'>;

/** Phase 6: the run's files, written into the staged folder from its context: results, early warnings, plan tracking and, if asked, the latest period's 通报. */
/** The 通报 a run is asked for: none, or how to draw it. */
type ReportWanted = false | { readonly png: boolean; readonly cache?: string };

const reportWanted = (options: { readonly report?: boolean; readonly png?: boolean; readonly reportCache?: string }): ReportWanted =>
  options.report === true && { png: options.png === true, ...(options.reportCache === undefined ? {} : { cache: options.reportCache }) };

async function present(store: Store, context: RunContext, p: { readonly staging: Staging; readonly report: ReportWanted; readonly progress: (message: string) => void }): Promise<Presented> {
  p.progress('写出结果 writing results');
  const out = p.staging.folder;
  const files = [...(await writeResults(store, resultRowsOf(context), out)), await writeWarnings(context, out)];
  files.push(await writeQuality(context, context.quality ?? [], out), await writeMissingReports(context, context.quality ?? [], out));
  if (context.plan) p.progress('计划进度 tracking the plan\'s milestones');
  const planFiles = context.plan ? await writePlanTracking(context.plan, out) : [];
  const summary: Presented = { files: [...files, ...planFiles], resultRows: context.results.length, ...summarize(context), plan: context.plan };
  const latest = latestPeriod(context);
  if (!p.report || latest === null) return summary;
  // Loaded only when a report is wanted: the charting libraries take half a second to import.
  const [{ reportDataOf }, { renderReport }] = await Promise.all([import('../present/report/reportDataOf.js'), import('../present/report/renderReport.js')]);
  const reportName = safeFileName(`report-${latest}`);
  p.progress(`生成 ${latest} 通报 rendering the report into ${join(p.staging.out, reportName)}`);
  const report = await renderReport(reportDataOf(context, latest), join(out, reportName), { engineVersion: ENGINE_VERSION, onProgress: p.progress, ...p.report });
  return { ...summary, report };
}

/** Phase 6 of a dry run: what the run would publish, counted, with no file written. */
function presentedSummary(context: RunContext): Presented {
  return { files: [], resultRows: context.results.length, ...summarize(context), plan: context.plan };
}

function summarize(context: RunContext): Pick<RunSummary, 'periods' | 'latestPeriod' | 'statusByRegion' | 'qualityNotes' | 'qualityPeriods' | 'earlyWarnings' | 'quality'> {
  const latest = latestPeriod(context);
  const names = new Map(context.regions.map((r) => [r.code, r.name]));
  const byRegion = new Map<string, { region: string; name: string; counts: Partial<Record<Status, number>> }>();
  for (const row of context.results) {
    if (row.period !== latest) continue;
    const entry = byRegion.get(row.region) ?? { region: row.region, name: names.get(row.region) ?? row.region, counts: {} };
    entry.counts[row.status] = (entry.counts[row.status] ?? 0) + 1;
    byRegion.set(row.region, entry);
  }
  const quality = context.results.filter((r) => hasFindingOf(r.findings, 'data_quality'));
  const qualityPeriods = [...new Set(quality.map((r) => r.period))].sort();
  return { periods: periodsOf(context), latestPeriod: latest, statusByRegion: [...byRegion.values()], qualityNotes: quality.length, qualityPeriods, quality: context.quality ?? [], earlyWarnings: latestWarnings(warningsOf(context)) };
}
