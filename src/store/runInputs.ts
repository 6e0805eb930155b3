import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import { decodeRow } from './decodeRow.js';
import { useEntityTotals } from './entityObservations.js';
import type { Store } from './store.js';
import type { Sql } from '../model/sql.js';
import { sql } from '../model/sql.js';

/** What a computation reads: one version of regions and targets, one catalog, and the data folder's files as one run saw them. */
export interface RunInputs {
  readonly regionsLoad: number;
  readonly targetsLoad: number;
  readonly catalogSha256: string;
  /** The run whose `run_files` say which version of each observation and milestone file was in the folder, in name order. */
  readonly filesRun: number;
  /** The plan version, when the data folder has a plan. */
  readonly planLoad: number | null;
}

const runInputsRow = z.object({
  regions_load: z.number().int(),
  targets_load: z.number().int(),
  catalog_sha256: z.string(),
  plan_load: z.number().int().nullable(),
});

/** The inputs a recorded run used. */
export async function runInputs(store: Store, runId: number): Promise<RunInputs | undefined> {
  const row = await store.one('SELECT regions_load, targets_load, catalog_sha256, plan_load FROM runs WHERE run_id = $run', { run: runId });
  if (!row) return undefined;
  const r = decodeRow(runInputsRow, row, 'runs');
  return { regionsLoad: r.regions_load, targetsLoad: r.targets_load, catalogSha256: r.catalog_sha256, filesRun: runId, planLoad: r.plan_load };
}

/** The parameters a run id may be bound to. */
const parameters = { $files: sql`$files`, $a: sql`$a`, $b: sql`$b` } as const;

/**
 * The observations in effect for a run's data folder: of each region ×
 * period × variable, the value in the file that comes last in name order
 * (CONTRACT.md: a later file revises an earlier one). `file_ord` is the
 * file's place in that order. A query, not a table: callers wrap it and bind
 * the run whose `run_files` say which files were in the folder to the
 * parameter `filesRun` names (`$files`; `$a` and `$b` where one query compares
 * two runs). For the store's modules only.
 */
export function observationsInEffect(filesRun: '$files' | '$a' | '$b' = '$files'): Sql {
  return sql`SELECT o.*, f.ord AS file_ord FROM observations o
    JOIN run_files f ON f.load_id = o.load_id AND f.kind = 'observations' AND f.run_id = ${parameters[filesRun]}
    QUALIFY row_number() OVER (PARTITION BY o.region, o.period, o.variable ORDER BY f.ord DESC) = 1`;
}

/**
 * Makes the working set every computation and report reads: temp tables
 * `w_regions`, `w_targets`, `w_variables`, `w_indicators`, `w_files` (the
 * data folder's files in name order), `w_observations` (one value per
 * key: the one in effect, a region-level report or else the sum of its firms)
 * and `w_entity_totals` holding exactly the given inputs. Stored tables keep every version; these
 * hold the one in effect, so `kpi run --as-of` recomputes as it was.
 */
export async function useRunInputs(store: Store, inputs: RunInputs, catalog: Catalog): Promise<void> {
  await store.run('CREATE OR REPLACE TEMP TABLE w_regions AS SELECT * EXCLUDE (load_id) FROM regions WHERE load_id = $load', { load: inputs.regionsLoad });
  await store.run('CREATE OR REPLACE TEMP TABLE w_targets AS SELECT * EXCLUDE (load_id) FROM targets WHERE load_id = $load', { load: inputs.targetsLoad });
  await store.run('CREATE OR REPLACE TEMP TABLE w_files AS SELECT kind, ord, name, load_id FROM run_files WHERE run_id = $run', { run: inputs.filesRun });
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
  await store.run(sql`CREATE OR REPLACE TEMP TABLE w_observations AS ${observationsInEffect()}`, { files: inputs.filesRun });
  // Firm-level files' totals, where no region-level report has the key (src/store/entityObservations.ts).
  await useEntityTotals(store, inputs.filesRun, catalog);
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
