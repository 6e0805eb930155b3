import type { Catalog } from '../catalog/catalog.js';
import { numberLiteral } from './sql.js';
import type { Store } from './store.js';

/** What a computation reads: one version of regions and targets, one catalog, observations up to a load. */
export interface RunInputs {
  readonly regionsLoad: number;
  readonly targetsLoad: number;
  readonly catalogSha256: string;
  /** Observations and milestone reports of loads up to and including this one are in effect; later revisions are not. */
  readonly lastLoadId: number;
  /** The plan version, when the data folder has a plan. */
  readonly planLoad: number | null;
}

/** The inputs a recorded run used. */
export async function runInputs(store: Store, runId: number): Promise<RunInputs | undefined> {
  const row = await store.one<{ regions_load: number; targets_load: number; catalog_sha256: string; last_load_id: number; plan_load: number | null }>(
    'SELECT regions_load, targets_load, catalog_sha256, last_load_id, plan_load FROM runs WHERE run_id = $run',
    { run: runId },
  );
  return (
    row && { regionsLoad: row.regions_load, targetsLoad: row.targets_load, catalogSha256: row.catalog_sha256, lastLoadId: row.last_load_id, planLoad: row.plan_load }
  );
}

/**
 * Makes the working set every computation and report reads: temp tables
 * `w_regions`, `w_targets`, `w_variables`, `w_indicators` and `w_observations`
 * holding exactly the given inputs. Stored tables keep every version; these
 * hold the one in effect, so `kpi run --as-of` recomputes as it was.
 */
export async function useRunInputs(store: Store, inputs: RunInputs, catalog: Catalog): Promise<void> {
  await store.run('CREATE OR REPLACE TEMP TABLE w_regions AS SELECT * EXCLUDE (load_id) FROM regions WHERE load_id = $load', { load: inputs.regionsLoad });
  await store.run('CREATE OR REPLACE TEMP TABLE w_targets AS SELECT * EXCLUDE (load_id) FROM targets WHERE load_id = $load', { load: inputs.targetsLoad });
  // A view cannot take parameters; the load id is an integer key of ours, quoted by the one literal helper.
  await store.run(`CREATE OR REPLACE TEMP VIEW w_observations AS SELECT * FROM observations WHERE load_id <= ${numberLiteral(Math.trunc(inputs.lastLoadId))}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE w_variables (
     code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, unit VARCHAR NOT NULL, kind VARCHAR NOT NULL,
     frequency VARCHAR NOT NULL, additive BOOLEAN NOT NULL, ord INTEGER NOT NULL)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE w_indicators (
     id VARCHAR PRIMARY KEY, ord INTEGER NOT NULL, task INTEGER, name VARCHAR NOT NULL, unit VARCHAR NOT NULL,
     direction VARCHAR NOT NULL, scope VARCHAR NOT NULL, schedule VARCHAR NOT NULL, formula VARCHAR NOT NULL,
     definition JSON NOT NULL)`);
  for (const [ord, v] of catalog.variables.entries()) {
    await store.run('INSERT INTO w_variables VALUES ($code, $name, $unit, $kind, $frequency, $additive, $ord)', {
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
    await store.run('INSERT INTO w_indicators VALUES ($id, $ord, $task, $name, $unit, $direction, $scope, $schedule, $formula, CAST($definition AS JSON))', {
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
    });
  }
}
