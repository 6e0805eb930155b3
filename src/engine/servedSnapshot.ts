import { existsSync } from 'node:fs';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { settleStagedRuns } from '../publish/settleRuns.js';
import { publishSnapshot, snapshotPath } from '../publish/snapshot.js';
import { lastPublished } from '../store/runs.js';
import { Store } from '../store/store.js';
import { unknownRun } from './unknownRun.js';

/**
 * The published snapshot of the database `db`, for a reader that must not
 * hold the store (`kpi serve`). Every `kpi run` refreshes it; a database
 * published before snapshots existed gets one now (the store is opened for
 * a moment, waiting up to `waitSeconds` for a run to finish). Throws
 * {@link KpiInputError} (NO_RUN) when nothing is published yet.
 */
export async function servedSnapshot(db: string, waitSeconds = 30): Promise<string> {
  const snapshot = snapshotPath(db);
  if (existsSync(snapshot)) return snapshot;
  const store = await Store.open(db, { existing: true, waitSeconds });
  try {
    await settleStagedRuns(store);
    if (!(await lastPublished(store))) throw new KpiInputError([await unknownRun(store, undefined)]);
    return await publishSnapshot(store);
  } finally {
    store.close();
  }
}
