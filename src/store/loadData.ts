import { basename } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { CheckedDataFolder } from '../check/checkDataFolder.js';
import type { Store } from './store.js';

export interface FileLoad {
  readonly file: string;
  readonly kind: 'regions' | 'targets' | 'observations';
  readonly rows: number;
  /** `unchanged`: the same file with the same content was loaded before, so its rows are already stored. */
  readonly status: 'loaded' | 'unchanged';
}

export interface LoadSummary {
  readonly files: readonly FileLoad[];
  readonly observationsAdded: number;
}

const nextId = async (store: Store, table: string, column: string): Promise<number> =>
  Number((await store.one<{ n: number }>(`SELECT coalesce(max(${column}), 0) + 1 AS n FROM ${table}`))?.n ?? 1);

/**
 * Stores a checked data folder; the caller runs it inside one transaction
 * (see {@link Store.transaction}) so it lands whole or not at all. Regions, targets and the
 * catalog replace what was there; observations are appended as revisions,
 * so nothing reported before is lost. Must only be given a folder without errors.
 */
export async function loadData(store: Store, catalog: Catalog, folder: CheckedDataFolder, runId: number, loadedAt: Date): Promise<LoadSummary> {
  {
    const files: FileLoad[] = [];
    let loadId = await nextId(store, 'loads', 'load_id');
    const logLoad = async (kind: FileLoad['kind'], file: string, sha256: string, rows: number, status: FileLoad['status']): Promise<number> => {
      const id = loadId++;
      await store.run(
        `INSERT INTO loads VALUES ($id, $run, $kind, $file, $name, $sha, $rows, $status, CAST($at AS TIMESTAMPTZ))`,
        { id, run: runId, kind, file, name: basename(file), sha: sha256, rows, status, at: loadedAt.toISOString() },
      );
      files.push({ file, kind, rows, status });
      return id;
    };

    await replaceCatalog(store, catalog);

    const regionsLoad = await logLoad('regions', folder.folder + '/regions.csv', folder.regionsSha256, folder.regions.length, 'loaded');
    await store.run('DELETE FROM regions');
    const regions = await store.connection.createAppender('regions');
    for (const r of folder.regions) {
      regions.appendVarchar(r.code);
      regions.appendVarchar(r.name);
      if (r.parent === null) regions.appendNull();
      else regions.appendVarchar(r.parent);
      regions.appendVarchar(r.level);
      regions.appendBoolean(r.rollup);
      regions.appendInteger(r.order);
      regions.appendInteger(regionsLoad);
      regions.endRow();
    }
    regions.closeSync();

    const targetsLoad = await logLoad('targets', folder.folder + '/targets.csv', folder.targetsSha256, folder.targets.length, 'loaded');
    await store.run('DELETE FROM targets');
    const targets = await store.connection.createAppender('targets');
    for (const t of folder.targets) {
      targets.appendVarchar(t.indicator);
      targets.appendVarchar(t.region);
      targets.appendInteger(t.year);
      if (t.period === null) targets.appendNull();
      else targets.appendVarchar(t.period);
      targets.appendDouble(t.value);
      targets.appendVarchar(t.note);
      targets.appendInteger(targetsLoad);
      targets.appendInteger(t.row);
      targets.endRow();
    }
    targets.closeSync();

    let obsId = await nextId(store, 'observations', 'obs_id');
    let observationsAdded = 0;
    for (const f of folder.observationFiles) {
      // Unchanged means: the last time a file of this name came in, it had these very bytes.
      // A file put back to older content is a new revision and is stored again.
      const last = await store.one<{ sha256: string }>(
        `SELECT sha256 FROM loads WHERE kind = 'observations' AND name = $name ORDER BY load_id DESC LIMIT 1`,
        { name: basename(f.file) },
      );
      if (last?.sha256 === f.sha256) {
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
    return { files, observationsAdded };
  }
}

async function replaceCatalog(store: Store, catalog: Catalog): Promise<void> {
  await store.run('DELETE FROM variables');
  await store.run('DELETE FROM indicators');
  for (const [ord, v] of catalog.variables.entries()) {
    await store.run('INSERT INTO variables VALUES ($code, $name, $unit, $kind, $frequency, $additive, $ord)', {
      code: v.code,
      name: v.name,
      unit: v.unit,
      kind: v.kind,
      frequency: v.frequency,
      additive: v.additive,
      ord,
    });
  }
  for (const [ord, i] of catalog.indicators.entries()) {
    const { formulaAst: _ast, inputs: _inputs, ...definition } = i;
    await store.run(
      'INSERT INTO indicators VALUES ($id, $ord, $task, $name, $unit, $direction, $scope, $schedule, $formula, CAST($definition AS JSON))',
      {
        id: i.id,
        ord,
        task: i.task ?? null,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        scope: i.scope,
        schedule: i.schedule,
        formula: i.formula,
        definition: JSON.stringify(definition),
      },
    );
  }
}
