import { milestoneReports, storedPlan } from '../store/planStore.js';
import type { RunInputs } from '../store/runInputs.js';
import type { Store } from '../store/store.js';
import type { PlanTracking, TrackedTask } from './trackPlan.js';
import { trackPlan } from './trackPlan.js';

/** A run's plan tracking for one quarter, with the tasks it was computed from. */
export interface StoredPlanTracking {
  readonly title: string;
  readonly tasks: readonly TrackedTask[];
  readonly tracking: PlanTracking;
}

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
  const year = Number(period.slice(0, 4));
  if (year < plan.year) return undefined;
  const quarter = year > plan.year ? 4 : Number(period.slice(5));
  const reports = await milestoneReports(store, inputs.filesRun, plan.year);
  return { title: plan.title, tasks: plan.tasks, tracking: trackPlan(plan.tasks, reports, plan.year, quarter) };
}
