import { KpiInputError } from '../diagnostics/diagnostic.js';
import { loadPlanTracking } from './loadPlanTracking.js';
import type { RunContext } from '../present/runContext.js';
import { periodsOf } from '../present/runContext.js';
import { storedQualityFindings } from '../store/qualityStore.js';
import { storedCatalog } from '../store/catalogStore.js';
import { readResults } from '../store/results.js';
import { runInputs, useRunInputs } from '../store/runInputs.js';
import { findRun, lastPublished } from '../store/runs.js';
import type { Store } from '../store/store.js';
import { workingRegions, workingTargets } from '../store/workingSet.js';
import { unknownRun } from './unknownRun.js';

export interface ContextSelection {
  /** Default the latest published run; a run being published is read by its id. */
  readonly runId?: number | undefined;
  /** The period plan tracking is wanted for; default the run's latest. */
  readonly period?: string | undefined;
}

/**
 * A stored run's {@link RunContext}, for `kpi report` on its own: the
 * regions, targets and definitions as that run used them, its results, and
 * plan tracking at the chosen period. Throws {@link KpiInputError} (NO_RUN)
 * when there is no such run.
 */
export async function loadRunContext(store: Store, selection: ContextSelection = {}): Promise<RunContext> {
  const run = selection.runId === undefined ? await lastPublished(store) : await findRun(store, selection.runId);
  if (!run || run.status === 'abandoned') throw new KpiInputError([await unknownRun(store, selection.runId)]);
  const inputs = await runInputs(store, run.runId);
  if (!inputs) throw new Error(`run ${run.runId} has no recorded inputs`);
  const catalog = await storedCatalog(store, inputs.catalogSha256);
  await useRunInputs(store, inputs, catalog);
  const results = await readResults(store, run.runId);
  const periods = periodsOf({ results });
  const planPeriod = selection.period ?? periods.at(-1) ?? null;
  return {
    runId: run.runId,
    runAt: new Date(run.startedMs).toISOString(),
    settings: run.settings,
    inputs,
    catalog,
    regions: await workingRegions(store),
    targets: await workingTargets(store),
    results,
    plan: planPeriod === null || !periods.includes(planPeriod) ? undefined : await loadPlanTracking(store, inputs, planPeriod),
    planPeriod,
    quality: await storedQualityFindings(store, run.runId),
  };
}
