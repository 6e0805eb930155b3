import { z } from 'zod';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import { ENGINE_VERSION } from '../version.js';
import type { RunInputs } from './runInputs.js';
import { decodeRow } from './decodeRow.js';
import type { Row, Store } from './store.js';
import { sql } from '../model/sql.js';

/**
 * The `runs` and `run_files` tables: every run, what went in, and how far it
 * got. Statuses: `computing` (never committed: a run is recorded inside the
 * transaction that computes it), `staged` (committed, its files written, not
 * yet switched in), `done` (published), `abandoned` (staged, never switched).
 * The only module that writes or reads them.
 */

export type RunStatus = 'computing' | 'staged' | 'done' | 'abandoned';

/** One data-folder file as a run records it in `runs.inputs`. */
export interface RunFile {
  readonly kind: string;
  readonly name: string;
  readonly sha256: string;
  readonly status: string;
  readonly load_id: number;
}

/** One run as recorded: when, from what, with which definitions, settings and engine. */
export interface RunRecord {
  readonly runId: number;
  /** ISO 8601 in UTC (`2024-01-10T01:00:00.000Z`); the CLI shows it on its clock (src/model/clock.ts). */
  readonly startedAt: string;
  readonly startedMs: number;
  readonly status: RunStatus;
  readonly dataDir: string;
  readonly asOf: number | null;
  readonly resultRows: number | null;
  readonly engineVersion: string;
  readonly definitionsSha256: string;
  readonly settings: Settings;
  readonly inputs: readonly RunFile[];
}

const runColumns = sql`run_id, epoch_ms(started_at) AS started_ms, status, data_dir, as_of,
  result_rows, engine_version, catalog_sha256, CAST(settings AS VARCHAR) AS settings, CAST(inputs AS VARCHAR) AS inputs`;

const runFile = z.object({ kind: z.string(), name: z.string(), sha256: z.string(), status: z.string(), load_id: z.number() });

/** A `runs` row as {@link runColumns} reads it, checked. */
const runRow = z.object({
  run_id: z.number(),
  started_ms: z.number(),
  status: z.enum(['computing', 'staged', 'done', 'abandoned']),
  data_dir: z.string(),
  as_of: z.number().nullable(),
  result_rows: z.number().nullable(),
  engine_version: z.string(),
  catalog_sha256: z.string(),
  settings: z.string(),
  inputs: z.string(),
});

const toRecord = (row: Row): RunRecord => {
  const r = decodeRow(runRow, row, 'runs');
  return {
    runId: r.run_id,
    startedAt: new Date(r.started_ms).toISOString(),
    startedMs: r.started_ms,
    status: r.status,
    dataDir: r.data_dir,
    asOf: r.as_of,
    resultRows: r.result_rows,
    engineVersion: r.engine_version,
    definitionsSha256: r.catalog_sha256,
    // Checked on the way out: settings a later engine reads with defaults it did not have.
    settings: settingsSchema.parse(JSON.parse(r.settings)),
    inputs: z.array(runFile).parse(JSON.parse(r.inputs)),
  };
};

/** Every run, oldest first. */
export async function listRuns(store: Store): Promise<RunRecord[]> {
  return (await store.all(sql`SELECT ${runColumns} FROM runs ORDER BY run_id`)).map(toRecord);
}

/** One run, whatever its status. */
export async function findRun(store: Store, runId: number): Promise<RunRecord | undefined> {
  const row = await store.one(sql`SELECT ${runColumns} FROM runs WHERE run_id = $run`, { run: runId });
  return row && toRecord(row);
}

/** The latest published run, or the latest run at or before a time. */
export async function lastPublished(store: Store, atOrBefore?: Date): Promise<RunRecord | undefined> {
  const row = await store.one(
    sql`SELECT ${runColumns} FROM runs WHERE status = 'done' AND ($at IS NULL OR started_at <= CAST($at AS TIMESTAMPTZ)) ORDER BY run_id DESC LIMIT 1`,
    { at: atOrBefore?.toISOString() ?? null },
  );
  return row && toRecord(row);
}

/** The id the next run gets. */
export async function nextRunId(store: Store): Promise<number> {
  return Number((await store.one<{ n: number }>('SELECT coalesce(max(run_id), 0) + 1 AS n FROM runs'))?.n ?? 1);
}

export interface NewRun {
  readonly runId: number;
  readonly at: Date;
  readonly dataDir: string;
  readonly settings: Settings;
  readonly inputs: RunInputs;
  readonly asOf: number | null;
  readonly files: readonly RunFile[];
}

/** Records a run as `computing`. */
export async function recordRun(store: Store, r: NewRun): Promise<void> {
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

/** `kpi run --as-of`: the new run sees the data folder exactly as the base run did. */
export async function copyRunFiles(store: Store, runId: number, base: number): Promise<void> {
  await store.run('INSERT INTO run_files (run_id, kind, ord, name, load_id) SELECT $run, kind, ord, name, load_id FROM run_files WHERE run_id = $base', { run: runId, base });
}

/** Observation and milestone files run `before` read that run `after` did not. */
export async function filesGone(store: Store, before: number, after: number): Promise<string[]> {
  const rows = await store.all(
    `SELECT kind, name FROM run_files WHERE run_id = $before
     EXCEPT SELECT kind, name FROM run_files WHERE run_id = $after ORDER BY kind DESC, name`,
    { before, after },
  );
  return rows.map((r) => decodeRow(fileNameRow, r, 'run_files').name);
}

const fileNameRow = z.object({ kind: z.string(), name: z.string() });
const stagedRow = z.object({ run_id: z.number(), out_dir: z.string().nullable(), publication: z.string().nullable() });

export async function setResultRows(store: Store, runId: number, rows: number): Promise<void> {
  await store.run('UPDATE runs SET result_rows = $rows WHERE run_id = $run', { rows, run: runId });
}

/** The run's files are written into `<out>/.kpi/<publication>`; it is published once `<out>/.kpi/current` names that folder. */
export async function markStaged(store: Store, runId: number, where: { out: string; publication: string }): Promise<void> {
  await store.run("UPDATE runs SET status = 'staged', out_dir = $out, publication = $name WHERE run_id = $run", { out: where.out, name: where.publication, run: runId });
}

export async function setRunStatus(store: Store, runId: number, status: 'done' | 'abandoned'): Promise<void> {
  await store.run('UPDATE runs SET status = $status WHERE run_id = $run', { status, run: runId });
}

/** Runs committed as staged and not yet settled, oldest first, with where they were to be published. */
export async function stagedRuns(store: Store): Promise<{ runId: number; out: string | null; publication: string | null }[]> {
  const rows = await store.all("SELECT run_id, out_dir, publication FROM runs WHERE status = 'staged' ORDER BY run_id");
  return rows.map((row) => {
    const r = decodeRow(stagedRow, row, 'runs');
    return { runId: r.run_id, out: r.out_dir, publication: r.publication };
  });
}
