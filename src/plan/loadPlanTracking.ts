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
 * report files of its data folder, in name order (a later file revises), for `period` — or, when the results'
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
    `SELECT m.task, m.period, m.year, m.quarter, m.status, m.note, m.reported_by, m."row" AS row
     FROM milestone_reports m JOIN run_files f ON f.load_id = m.load_id AND f.kind = 'milestones' AND f.run_id = $run
     WHERE m.year = $year ORDER BY f.ord, m."row"`,
    { run: inputs.filesRun, year: plan.year },
  );
  const reports: MilestoneReport[] = rows.map((r) => ({ ...r, reportedBy: r.reported_by }));
  const tasks = JSON.parse(plan.tasks) as TrackedTask[];
  return { title: plan.title, tasks, tracking: trackPlan(tasks, reports, plan.year, quarter) };
}
