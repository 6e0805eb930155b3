import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { CheckedDataFolder } from '../check/checkDataFolder.js';
import { discardEntityRows } from '../check/entity/checkEntityFile.js';
import { appendEntityRows } from './entityObservations.js';
import type { Store } from './store.js';
import { ident, sql } from '../model/sql.js';

export interface FileLoad {
  readonly file: string;
  readonly kind: 'regions' | 'targets' | 'observations' | 'plan' | 'milestones';
  readonly rows: number;
  /** `unchanged`: a file of this name with these very rows was stored before, and that version is used. */
  readonly status: 'loaded' | 'unchanged';
  readonly sha256: string;
  /** The load holding this file's rows (an earlier one when unchanged). */
  readonly loadId: number;
}

export interface LoadSummary {
  readonly files: readonly FileLoad[];
  readonly observationsAdded: number;
  /** The versions in effect: the load holding the regions, and the one holding the targets. */
  readonly regionsLoad: number;
  readonly targetsLoad: number;
  /** The plan version in effect, when the folder has a plan. */
  readonly planLoad: number | null;
}

/**
 * The hash of what a file was read as: two files with the same name and rows are the same version, whatever their
 * bytes. It is the SHA-256 of `JSON.stringify(rows)`, fed one row at a time: the same digest as ever, without the
 * one string of every row (past ~2.7 × 10^6 rows longer than V8's longest string).
 */
function contentHash(rows: unknown): string {
  const hash = createHash('sha256');
  if (!Array.isArray(rows)) return hash.update(JSON.stringify(rows)).digest('hex');
  hash.update('[');
  rows.forEach((row: unknown, i) => {
    if (i > 0) hash.update(',');
    hash.update(JSON.stringify(row) ?? 'null');
  });
  return hash.update(']').digest('hex');
}

const nextId = async (store: Store, table: 'loads' | 'observations' | 'milestone_reports', column: 'load_id' | 'obs_id' | 'report_id'): Promise<number> =>
  Number((await store.one<{ n: number }>(sql`SELECT coalesce(max(${ident(column)}), 0) + 1 AS n FROM ${ident(table)}`))?.n ?? 1);

/**
 * Stores a checked data folder as `runId` saw it; the caller runs it inside
 * one transaction (see {@link Store.transaction}) so it lands whole or not at
 * all. A file is stored once per version: one with the same name and the
 * same rows as a stored one reuses it, whatever came between, so what is in
 * effect depends only on the folder as it is now (`run_files` records which
 * version of each file, in name order). Nothing is ever replaced or deleted.
 * Must only be given a folder without errors.
 */
export async function loadData(store: Store, folder: CheckedDataFolder, runId: number, loadedAt: Date, logs: ReadonlyMap<string, string> = new Map()): Promise<LoadSummary> {
  const files: FileLoad[] = [];
  let loadId = await nextId(store, 'loads', 'load_id');

  /** The load holding this version of the file: a stored one, or a new one whose rows `append` writes. */
  const load = async (kind: FileLoad['kind'], file: string, sha256: string, rows: unknown, count: number, append: (id: number) => Promise<void>): Promise<number> => {
    const name = basename(file);
    const content = contentHash(rows);
    const stored = await store.one<{ load_id: number }>(
      'SELECT load_id FROM loads WHERE kind = $kind AND name = $name AND content_sha256 = $content ORDER BY load_id DESC LIMIT 1',
      { kind, name, content },
    );
    if (stored) {
      files.push({ file, kind, rows: count, status: 'unchanged', sha256, loadId: stored.load_id });
      return stored.load_id;
    }
    const id = loadId++;
    await store.run(
      `INSERT INTO loads (load_id, run_id, kind, file, name, sha256, content_sha256, rows, status, loaded_at, log)
       VALUES ($id, $run, $kind, $file, $name, $sha, $content, $rows, 'loaded', CAST($at AS TIMESTAMPTZ), $log)`,
      { id, run: runId, kind, file, name, sha: sha256, content, rows: count, at: loadedAt.toISOString(), log: logs.get(file) ?? null },
    );
    await append(id);
    files.push({ file, kind, rows: count, status: 'loaded', sha256, loadId: id });
    return id;
  };
  const inEffect = async (kind: 'observations' | 'milestones', ord: number, file: string, id: number): Promise<void> =>
    store.run('INSERT INTO run_files VALUES ($run, $kind, $ord, $name, $load)', { run: runId, kind, ord, name: basename(file), load: id });

  const regionsLoad = await load('regions', join(folder.folder, 'regions.csv'), folder.regionsSha256, folder.regions, folder.regions.length, async (id) => {
    const regions = await store.connection.createAppender('regions');
    for (const r of folder.regions) {
      regions.appendInteger(id);
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
  });

  const targetsLoad = await load('targets', join(folder.folder, 'targets.csv'), folder.targetsSha256, folder.targets, folder.targets.length, async (id) => {
    const targets = await store.connection.createAppender('targets');
    for (const t of folder.targets) {
      targets.appendInteger(id);
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
  });

  let obsId = await nextId(store, 'observations', 'obs_id');
  let observationsAdded = 0;
  for (const [ord, f] of folder.observationFiles.entries()) {
    const firms = f.entities;
    if (firms) {
      // A firm-level file: its rows go to `entity_observations`; the file is one of the folder's observation files all the same.
      try {
        const id = await load('observations', f.file, f.sha256, { entities: firms.contentSha256 }, firms.count, async (id) => appendEntityRows(store, id, firms));
        await inEffect('observations', ord, f.file, id);
      } finally {
        // Taken, or already stored from an earlier run: the checked rows' temp file is done with either way.
        await discardEntityRows(firms);
      }
      continue;
    }
    const id = await load('observations', f.file, f.sha256, f.observations, f.observations.length, async (id) => {
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
    });
    await inEffect('observations', ord, f.file, id);
  }

  let planLoad: number | null = null;
  if (folder.plan) {
    const { file, sha256, plan } = folder.plan;
    planLoad = await load('plan', file, sha256, plan, plan.tasks.length, async (id) =>
      store.run('INSERT INTO plans (load_id, year, title, tasks) VALUES ($load, $year, $title, CAST($tasks AS JSON))', { load: id, year: plan.year, title: plan.title, tasks: JSON.stringify(plan.tasks) }),
    );
  }

  let reportId = await nextId(store, 'milestone_reports', 'report_id');
  for (const [ord, f] of folder.milestoneFiles.entries()) {
    const id = await load('milestones', f.file, f.sha256, f.reports, f.reports.length, async (id) => {
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
    });
    await inEffect('milestones', ord, f.file, id);
  }
  return { files, observationsAdded, regionsLoad, targetsLoad, planLoad };
}
