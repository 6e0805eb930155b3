import type { Store } from '../store/store.js';
import { currentPublication } from './outputFolder.js';

/**
 * A run's lifecycle in `runs.status`: `staged` once its results are
 * committed and its files written aside, `done` once its output folder's
 * `current` link names its files, `abandoned` when it was stopped before
 * that. The switch of the link is the moment of publication; the status is
 * brought in line with it here, on every open of the store, so a run killed
 * between the switch and the status update is still known as published —
 * and one killed before it never is.
 */
export async function settleStagedRuns(store: Store): Promise<void> {
  const staged = await store.all<{ run_id: number; out_dir: string | null; publication: string | null }>(
    "SELECT run_id, out_dir, publication FROM runs WHERE status = 'staged' ORDER BY run_id",
  );
  for (const run of staged) {
    const published = run.out_dir !== null && run.publication !== null && (await currentPublication(run.out_dir).catch(() => null)) === run.publication;
    await store.run('UPDATE runs SET status = $status WHERE run_id = $run', { status: published ? 'done' : 'abandoned', run: run.run_id });
  }
}

/** The latest published run, if any. */
export async function lastPublishedRun(store: Store): Promise<number | null> {
  return (await store.one<{ run_id: number }>("SELECT run_id FROM runs WHERE status = 'done' ORDER BY run_id DESC LIMIT 1"))?.run_id ?? null;
}
