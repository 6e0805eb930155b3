import type { Store } from '../store/store.js';

/** One publication as recorded: when, from what, with which definitions and engine. */
export interface Publication {
  readonly runId: number;
  readonly startedAt: string;
  readonly status: string;
  readonly dataDir: string;
  readonly asOf: number | null;
  readonly resultRows: number | null;
  readonly engineVersion: string;
  readonly definitionsSha256: string;
  readonly settings: unknown;
  readonly inputs: readonly { readonly kind: string; readonly name: string; readonly sha256: string; readonly status: string; readonly load_id: number }[];
}

/**
 * Every run recorded in the store, oldest first, with its inputs' hashes,
 * settings, definitions' hash and engine version.
 *
 * @example const runs = await listRuns(store);
 */
export async function listRuns(store: Store): Promise<Publication[]> {
  const rows = await store.all<{
    run_id: number;
    started_at: string;
    status: string;
    data_dir: string;
    as_of: number | null;
    result_rows: number | null;
    engine_version: string;
    catalog_sha256: string;
    settings: string;
    inputs: string;
  }>(
    `SELECT run_id, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, status, data_dir, as_of, result_rows, engine_version,
            catalog_sha256, CAST(settings AS VARCHAR) AS settings, CAST(inputs AS VARCHAR) AS inputs
     FROM runs ORDER BY run_id`,
  );
  return rows.map((r) => ({
    runId: r.run_id,
    startedAt: r.started_at,
    status: r.status,
    dataDir: r.data_dir,
    asOf: r.as_of,
    resultRows: r.result_rows,
    engineVersion: r.engine_version,
    definitionsSha256: r.catalog_sha256,
    settings: JSON.parse(r.settings) as unknown,
    inputs: JSON.parse(r.inputs) as Publication['inputs'],
  }));
}
