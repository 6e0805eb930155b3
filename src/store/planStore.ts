import { z } from 'zod';
import type { MilestoneReport } from '../model/milestoneReport.js';
import { milestoneStatuses } from '../model/milestoneReport.js';
import type { Plan } from '../plan/planSchema.js';
import { planSchema } from '../plan/planSchema.js';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/**
 * Reads of the `plans` table (every stored version of plan/tasks.json) and
 * the `milestone_reports` table (every stored row of the lead units' report
 * files). src/store/loadData.ts writes them.
 */

const planRow = z.object({ year: z.number().int(), title: z.string(), tasks: z.string() });

/**
 * One stored version of the plan, checked again as the plan importer
 * checked it; undefined for a load that is not a plan.
 *
 * @example const plan = await storedPlan(store, inputs.planLoad);
 */
export async function storedPlan(store: Store, load: number): Promise<Plan | undefined> {
  const row = await store.one('SELECT year, title, CAST(tasks AS VARCHAR) AS tasks FROM plans WHERE load_id = $load', { load });
  if (!row) return undefined;
  const r = decodeRow(planRow, row, 'plans');
  return decodeRow(planSchema, { title: r.title, year: r.year, tasks: JSON.parse(r.tasks) as unknown }, 'plans');
}

const reportRow = z.object({
  task: z.number().int(),
  period: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  status: z.enum(milestoneStatuses),
  note: z.string(),
  reported_by: z.string(),
  row: z.number().int(),
});

/**
 * The milestone reports for one plan year in a run's data folder, in the
 * order they revise each other: the report files in name order, then rows in
 * file order (a later report on the same milestone wins).
 *
 * @example await milestoneReports(store, inputs.filesRun, 2023)
 */
export async function milestoneReports(store: Store, filesRun: number, year: number): Promise<MilestoneReport[]> {
  const rows = await store.all(
    `SELECT m.task, m.period, m.year, m.quarter, m.status, m.note, m.reported_by, m."row" AS row
     FROM milestone_reports m JOIN run_files f ON f.load_id = m.load_id AND f.kind = 'milestones' AND f.run_id = $run
     WHERE m.year = $year ORDER BY f.ord, m."row"`,
    { run: filesRun, year },
  );
  return rows.map((row) => {
    const r = decodeRow(reportRow, row, 'milestone_reports');
    return { task: r.task, period: r.period, year: r.year, quarter: r.quarter, status: r.status, note: r.note, reportedBy: r.reported_by, row: r.row };
  });
}
