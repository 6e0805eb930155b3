import { basename, join } from 'node:path';
import type { CheckedDataFolder } from '../check/checkDataFolder.js';
import type { Store } from './store.js';

export interface FileLoad {
  readonly file: string;
  readonly kind: 'regions' | 'targets' | 'observations' | 'plan' | 'milestones';
  readonly rows: number;
  /** `unchanged`: the same file with the same content was loaded before, so its rows are already stored. */
  readonly status: 'loaded' | 'unchanged';
  readonly sha256: string;
  readonly loadId: number;
}

export interface LoadSummary {
  readonly files: readonly FileLoad[];
  readonly observationsAdded: number;
  /** The versions now in effect: the load holding the regions, the one holding the targets, and the last load. */
  readonly regionsLoad: number;
  readonly targetsLoad: number;
  readonly lastLoadId: number;
  /** The plan version in effect, when the folder has a plan. */
  readonly planLoad: number | null;
}

const nextId = async (store: Store, table: string, column: string): Promise<number> =>
  Number((await store.one<{ n: number }>(`SELECT coalesce(max(${column}), 0) + 1 AS n FROM ${table}`))?.n ?? 1);

/** The last load of a file of this kind (and name) that stored rows, if its content was `sha256`. */
async function sameAsLastLoad(store: Store, kind: FileLoad['kind'], name: string, sha256: string): Promise<number | undefined> {
  // Unchanged means: the last time a file of this name came in, it had these very bytes.
  // A file put back to older content is a new revision and is stored again.
  const last = await store.one<{ sha256: string; load_id: number }>(
    `SELECT sha256, load_id FROM loads WHERE kind = $kind AND name = $name AND status = 'loaded' ORDER BY load_id DESC LIMIT 1`,
    { kind, name },
  );
  return last?.sha256 === sha256 ? last.load_id : undefined;
}

/**
 * Stores a checked data folder; the caller runs it inside one transaction
 * (see {@link Store.transaction}) so it lands whole or not at all. Nothing is
 * replaced: a changed regions or targets file is stored as a new version, and
 * observations are appended as revisions, so nothing reported before is lost.
 * Must only be given a folder without errors.
 */
export async function loadData(store: Store, folder: CheckedDataFolder, runId: number, loadedAt: Date, logs: ReadonlyMap<string, string> = new Map()): Promise<LoadSummary> {
  const files: FileLoad[] = [];
  let loadId = await nextId(store, 'loads', 'load_id');
  const logLoad = async (kind: FileLoad['kind'], file: string, sha256: string, rows: number, status: FileLoad['status']): Promise<number> => {
    const id = loadId++;
    await store.run(
      `INSERT INTO loads VALUES ($id, $run, $kind, $file, $name, $sha, $rows, $status, CAST($at AS TIMESTAMPTZ), $log)`,
      { id, run: runId, kind, file, name: basename(file), sha: sha256, rows, status, at: loadedAt.toISOString(), log: logs.get(file) ?? null },
    );
    files.push({ file, kind, rows, status, sha256, loadId: id });
    return id;
  };

  const regionsFile = join(folder.folder, 'regions.csv');
  let regionsLoad = await sameAsLastLoad(store, 'regions', 'regions.csv', folder.regionsSha256);
  if (regionsLoad !== undefined) await logLoad('regions', regionsFile, folder.regionsSha256, folder.regions.length, 'unchanged');
  else {
    regionsLoad = await logLoad('regions', regionsFile, folder.regionsSha256, folder.regions.length, 'loaded');
    const regions = await store.connection.createAppender('regions');
    for (const r of folder.regions) {
      regions.appendInteger(regionsLoad);
      regions.appendVarchar(r.code);
      regions.appendVarchar(r.name);
      if (r.parent === null) regions.appendNull();
      else regions.appendVarchar(r.parent);
      regions.appendVarchar(r.level);
      regions.appendBoolean(r.rollup);
      regions.appendInteger(r.order);
      regions.endRow();
    }
    regions.closeSync();
  }

  const targetsFile = join(folder.folder, 'targets.csv');
  let targetsLoad = await sameAsLastLoad(store, 'targets', 'targets.csv', folder.targetsSha256);
  if (targetsLoad !== undefined) await logLoad('targets', targetsFile, folder.targetsSha256, folder.targets.length, 'unchanged');
  else {
    targetsLoad = await logLoad('targets', targetsFile, folder.targetsSha256, folder.targets.length, 'loaded');
    const targets = await store.connection.createAppender('targets');
    for (const t of folder.targets) {
      targets.appendInteger(targetsLoad);
      targets.appendVarchar(t.indicator);
      targets.appendVarchar(t.region);
      targets.appendInteger(t.year);
      if (t.period === null) targets.appendNull();
      else targets.appendVarchar(t.period);
      targets.appendDouble(t.value);
      targets.appendVarchar(t.note);
      targets.appendInteger(t.row);
      targets.endRow();
    }
    targets.closeSync();
  }

  let obsId = await nextId(store, 'observations', 'obs_id');
  let observationsAdded = 0;
  for (const f of folder.observationFiles) {
    if ((await sameAsLastLoad(store, 'observations', basename(f.file), f.sha256)) !== undefined) {
      await logLoad('observations', f.file, f.sha256, f.observations.length, 'unchanged');
      continue;
    }
    const id = await logLoad('observations', f.file, f.sha256, f.observations.length, 'loaded');
    const appender = await store.connection.createAppender('observations');
    for (const o of f.observations) {
      appender.appendBigInt(BigInt(obsId++));
      appender.appendVarchar(o.region);
      appender.appendVarchar(o.period);
      appender.appendInteger(o.year);
      appender.appendInteger(o.quarter);
      appender.appendVarchar(o.variable);
      appender.appendDouble(o.value);
      appender.appendVarchar(o.source);
      appender.appendVarchar(o.note);
      appender.appendInteger(id);
      appender.appendInteger(o.row);
      appender.appendVarchar(o.column);
      appender.endRow();
    }
    appender.closeSync();
    observationsAdded += f.observations.length;
  }
  let planLoad: number | null = null;
  if (folder.plan) {
    const { file, sha256, plan } = folder.plan;
    planLoad = (await sameAsLastLoad(store, 'plan', basename(file), sha256)) ?? null;
    if (planLoad !== null) await logLoad('plan', file, sha256, plan.tasks.length, 'unchanged');
    else {
      planLoad = await logLoad('plan', file, sha256, plan.tasks.length, 'loaded');
      await store.run('INSERT INTO plans VALUES ($load, $year, $title, CAST($tasks AS JSON))', {
        load: planLoad,
        year: plan.year,
        title: plan.title,
        tasks: JSON.stringify(plan.tasks),
      });
    }
  }

  let reportId = await nextId(store, 'milestone_reports', 'report_id');
  for (const f of folder.milestoneFiles) {
    if ((await sameAsLastLoad(store, 'milestones', basename(f.file), f.sha256)) !== undefined) {
      await logLoad('milestones', f.file, f.sha256, f.reports.length, 'unchanged');
      continue;
    }
    const id = await logLoad('milestones', f.file, f.sha256, f.reports.length, 'loaded');
    const appender = await store.connection.createAppender('milestone_reports');
    for (const r of f.reports) {
      appender.appendBigInt(BigInt(reportId++));
      appender.appendInteger(r.task);
      appender.appendVarchar(r.period);
      appender.appendInteger(r.year);
      appender.appendInteger(r.quarter);
      appender.appendVarchar(r.status);
      appender.appendVarchar(r.note);
      appender.appendVarchar(r.reportedBy);
      appender.appendInteger(id);
      appender.appendInteger(r.row);
      appender.endRow();
    }
    appender.closeSync();
  }
  return { files, observationsAdded, regionsLoad, targetsLoad, lastLoadId: loadId - 1, planLoad };
}
