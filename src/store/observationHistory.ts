import { z } from 'zod';
import { decodeRow } from './decodeRow.js';
import { observationsInEffect } from './runInputs.js';
import type { Store } from './store.js';
import { sql } from '../model/sql.js';

/**
 * Where observations came from: every stored revision of a value (the
 * `observations` table), the file and load it was read in (`loads`), and
 * which revision a run's data folder put in effect (`run_files`: the file
 * last in name order wins).
 */

/** One observation's key. */
export interface ObservationKey {
  readonly region: string;
  readonly variable: string;
  /** `2023Q2`, or `2023` for an annual figure. */
  readonly period: string;
}

/** One stored revision of an observation, with the file it was read from. */
export interface StoredRevision {
  readonly obsId: number;
  readonly value: number;
  /** The file as it was read (its path). */
  readonly file: string;
  /** The file's name inside the data folder. */
  readonly name: string;
  readonly sha256: string;
  readonly row: number;
  readonly column: string;
  /** `YYYY-MM-DD HH:MM:SS` in the database's time zone. */
  /** ISO 8601 in UTC; the CLI shows it on its clock (src/model/clock.ts). */
  readonly loadedAt: string;
  /** The run that loaded the file; null for a load outside a run. */
  readonly runId: number | null;
  readonly source: string;
  readonly note: string;
}

const revisionRow = z.object({
  obs_id: z.number().int(),
  value: z.number(),
  file: z.string(),
  name: z.string(),
  sha256: z.string(),
  row: z.number().int(),
  column: z.string(),
  loaded_ms: z.number(),
  run_id: z.number().int().nullable(),
  source: z.string(),
  note: z.string(),
});

/**
 * Every value ever stored for one observation, oldest first (in the order
 * they were loaded).
 *
 * @example await observationRevisions(store, { region: 'D01', variable: 'gdp', period: '2023Q2' })
 */
export async function observationRevisions(store: Store, key: ObservationKey): Promise<StoredRevision[]> {
  const rows = await store.all(
    `SELECT o.obs_id, o.value, l.file, l.name, l.sha256, o."row" AS row, o."column" AS column,
            epoch_ms(l.loaded_at) AS loaded_ms, l.run_id, o.source, o.note
     FROM observations o JOIN loads l USING (load_id)
     WHERE o.region = $region AND o.variable = $variable AND o.period = $period
     ORDER BY o.obs_id`,
    { region: key.region, variable: key.variable, period: key.period },
  );
  return rows.map((row) => {
    const r = decodeRow(revisionRow, row, 'observations');
    return {
      obsId: r.obs_id,
      value: r.value,
      file: r.file,
      name: r.name,
      sha256: r.sha256,
      row: r.row,
      column: r.column,
      loadedAt: new Date(r.loaded_ms).toISOString(),
      runId: r.run_id,
      source: r.source,
      note: r.note,
    };
  });
}

const obsIdRow = z.object({ obs_id: z.number().int() });

/**
 * The id of the revision in effect for a run's data folder (see
 * {@link observationsInEffect}); undefined when none of its files has the observation.
 *
 * @example await observationInEffect(store, published.runId, key)
 */
export async function observationInEffect(store: Store, filesRun: number, key: ObservationKey): Promise<number | undefined> {
  const row = await store.one(sql`SELECT obs_id FROM (${observationsInEffect()}) WHERE region = $region AND variable = $variable AND period = $period`, {
    files: filesRun,
    region: key.region,
    variable: key.variable,
    period: key.period,
  });
  return row && decodeRow(obsIdRow, row, 'observations').obs_id;
}

/** Where the value a figure used came from. */
export interface ObservationSource {
  readonly value: number;
  readonly file: string;
  readonly sha256: string;
  readonly row: number;
  readonly column: string;
  /** ISO 8601 in UTC; the CLI shows it on its clock (src/model/clock.ts). */
  readonly loadedAt: string;
  /** How many revisions of it the run's data folder held; the last in name order counts. */
  readonly revisions: number;
}

const sourceRow = z.object({
  value: z.number(),
  file: z.string(),
  sha256: z.string(),
  row: z.number().int(),
  column: z.string(),
  loaded_ms: z.number(),
  revisions: z.number().int(),
});

/**
 * One stored observation's file, row and column, with how many revisions of
 * it were in a run's data folder.
 *
 * @example await observationSource(store, row.ownObsId, inputs.filesRun)
 */
export async function observationSource(store: Store, obsId: number, filesRun: number): Promise<ObservationSource | undefined> {
  const row = await store.one(
    `SELECT o.value, l.file, l.sha256, o."row" AS row, o."column" AS column, epoch_ms(l.loaded_at) AS loaded_ms,
            (SELECT count(*) FROM observations p JOIN run_files f ON f.load_id = p.load_id AND f.kind = 'observations' AND f.run_id = $files
             WHERE p.region = o.region AND p.period = o.period AND p.variable = o.variable) AS revisions
     FROM observations o JOIN loads l USING (load_id) WHERE o.obs_id = $id`,
    { id: obsId, files: filesRun },
  );
  if (!row) return undefined;
  const o = decodeRow(sourceRow, row, 'observations');
  return { value: o.value, file: o.file, sha256: o.sha256, row: o.row, column: o.column, loadedAt: new Date(o.loaded_ms).toISOString(), revisions: o.revisions };
}

/** An observation whose value in effect differs between two runs' data folders. */
export interface RevisedObservation {
  readonly region: string;
  readonly variable: string;
  readonly period: string;
  readonly before: number | null;
  readonly after: number | null;
  /** Where the later value came from (file name and row); null when it has none. */
  readonly file: string | null;
  readonly row: number | null;
  /** Where the earlier value came from. */
  readonly beforeFile: string | null;
  /** The earlier value's file is no longer in the data folder: its values are withdrawn (and an earlier file's value, if any, counts again). */
  readonly withdrawn: boolean;
}

const revisedRow = z.object({
  region: z.string(),
  variable: z.string(),
  period: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  file: z.string().nullable(),
  row: z.number().int().nullable(),
  before_file: z.string().nullable(),
  withdrawn: z.boolean(),
});

/**
 * The observations whose value in effect differs between two runs' data
 * folders, by period, variable and region.
 *
 * @example await revisedObservations(store, a.filesRun, b.filesRun)
 */
export async function revisedObservations(store: Store, beforeRun: number, afterRun: number): Promise<RevisedObservation[]> {
  const rows = await store.all(
    sql`WITH x AS (SELECT o.region, o.variable, o.period, o.value, l.name AS file, o."row" AS row FROM (${observationsInEffect('$a')}) o JOIN loads l USING (load_id)),
          y AS (SELECT o.region, o.variable, o.period, o.value, l.name AS file, o."row" AS row FROM (${observationsInEffect('$b')}) o JOIN loads l USING (load_id))
     SELECT coalesce(x.region, y.region) AS region, coalesce(x.variable, y.variable) AS variable, coalesce(x.period, y.period) AS period,
            x.value AS before, y.value AS after, y.file AS file, y.row AS row, x.file AS before_file,
            x.file IS NOT NULL AND x.file NOT IN (SELECT name FROM run_files WHERE run_id = $b AND kind = 'observations') AS withdrawn
     FROM x FULL JOIN y USING (region, variable, period)
     WHERE x.value IS DISTINCT FROM y.value
     ORDER BY period, variable, region`,
    { a: beforeRun, b: afterRun },
  );
  return rows.map((row) => {
    const r = decodeRow(revisedRow, row, 'observations');
    return { region: r.region, variable: r.variable, period: r.period, before: r.before, after: r.after, file: r.file, row: r.row, beforeFile: r.before_file, withdrawn: r.withdrawn };
  });
}
