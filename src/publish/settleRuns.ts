import { lastPublished, setRunStatus, stagedRuns } from '../store/runs.js';
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
  for (const run of await stagedRuns(store)) {
    const published = run.out !== null && run.publication !== null && (await currentPublication(run.out).catch(() => null)) === run.publication;
    await setRunStatus(store, run.runId, published ? 'done' : 'abandoned');
  }
}

/** The latest published run, if any. */
export async function lastPublishedRun(store: Store): Promise<number | null> {
  return (await lastPublished(store))?.runId ?? null;
}
