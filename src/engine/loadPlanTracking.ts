import { milestoneReports, storedPlan } from '../store/planStore.js';
import type { RunInputs } from '../store/runInputs.js';
import type { Store } from '../store/store.js';
import type { StoredPlanTracking } from '../plan/trackPlan.js';
import { trackPlan } from '../plan/trackPlan.js';
import { storedPeriod } from '../model/period.js';

/**
 * Plan tracking as a run saw it: the run's plan version and the milestone
 * report files of its data folder, in name order (a later file revises), for `period` — or, when the results'
 * latest period is in a later year than the plan, for the plan year's Q4.
 * Undefined when the run had no plan, or the plan's year has not started.
 */
export async function loadPlanTracking(store: Store, inputs: RunInputs, period: string): Promise<StoredPlanTracking | undefined> {
  if (inputs.planLoad === null) return undefined;
  const plan = await storedPlan(store, inputs.planLoad);
  if (!plan) return undefined;
  const at = storedPeriod(period);
  if (at.year < plan.year) return undefined;
  const quarter = at.year > plan.year ? 4 : at.quarter;
  const reports = await milestoneReports(store, inputs.filesRun, plan.year);
  return { title: plan.title, tasks: plan.tasks, tracking: trackPlan(plan.tasks, reports, plan.year, quarter) };
}
