import type { MilestoneReport } from '../model/milestoneReport.js';
import type { RunInputs } from '../store/runInputs.js';
import type { Store } from '../store/store.js';
import type { MilestoneStatus } from './milestoneStatus.js';
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
 * reports loaded up to its last load, for `period` — or, when the results'
 * latest period is in a later year than the plan, for the plan year's Q4.
 * Undefined when the run had no plan, or the plan's year has not started.
 */
export async function loadPlanTracking(store: Store, inputs: RunInputs, period: string): Promise<StoredPlanTracking | undefined> {
  if (inputs.planLoad === null) return undefined;
  const plan = await store.one<{ year: number; title: string; tasks: string }>(
    'SELECT year, title, CAST(tasks AS VARCHAR) AS tasks FROM plans WHERE load_id = $load',
    { load: inputs.planLoad },
  );
  if (!plan) return undefined;
  const year = Number(period.slice(0, 4));
  if (year < plan.year) return undefined;
  const quarter = year > plan.year ? 4 : Number(period.slice(5));
  const rows = await store.all<{ task: number; period: string; year: number; quarter: number; status: MilestoneStatus; note: string; reported_by: string; row: number }>(
    `SELECT task, period, year, quarter, status, note, reported_by, "row" AS row FROM milestone_reports
     WHERE load_id <= $last AND year = $year ORDER BY report_id`,
    { last: inputs.lastLoadId, year: plan.year },
  );
  const reports: MilestoneReport[] = rows.map((r) => ({ ...r, reportedBy: r.reported_by }));
  const tasks = JSON.parse(plan.tasks) as TrackedTask[];
  return { title: plan.title, tasks, tracking: trackPlan(tasks, reports, plan.year, quarter) };
}
