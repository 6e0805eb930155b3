import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { csvField } from '../model/csvText.js';
import type { PlanQuantity } from '../plan/planQuantities.js';
import { planQuantities } from '../plan/planQuantities.js';
import type { Plan, Task } from '../plan/planSchema.js';
import { planSchema } from '../plan/planSchema.js';
import type { PlanFiles } from '../plan/planFiles.js';
import { planFiles } from '../plan/planFiles.js';
import { writeAtomically } from './writeAtomically.js';

/** The same keys in the same order every time, whatever order the object was built in: the file diffs cleanly. */
function ordered(plan: Plan): Plan {
  const task = (t: Task): Task => ({
    number: t.number,
    category: t.category,
    keyWork: t.keyWork,
    text: t.text,
    milestones: t.milestones,
    leadUnits: t.leadUnits,
    cooperatingUnits: t.cooperatingUnits,
    line: t.line,
  });
  return { title: plan.title, year: plan.year, tasks: plan.tasks.map(task) };
}

/** `plan/tasks.json`: the validated plan, pretty-printed. */
export function planJson(plan: Plan): string {
  return `${JSON.stringify(ordered(planSchema.parse(plan)), null, 2)}\n`;
}

export const planCsvColumns = ['number', 'category', 'key_work', 'text', 'q1', 'q2', 'q3', 'q4', 'lead_units', 'cooperating_units', 'line'] as const;

/** `plan/tasks.csv`: one row per task, UTF-8 with a BOM so Excel reads it; units joined with 、. */
export function planCsv(plan: Plan): string {
  const row = (t: Task): (string | number)[] => [t.number, t.category, t.keyWork, t.text, ...t.milestones, t.leadUnits.join('、'), t.cooperatingUnits.join('、'), t.line];
  const lines = [planCsvColumns.join(','), ...planSchema.parse(plan).tasks.map((t) => row(t).map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const quantitiesCsvColumns = [
  'task', 'quarter', 'value', 'upper_value', 'unit', 'base_value', 'base_upper_value', 'base_unit', 'qualifier', 'cumulative', 'subject', 'phrase',
] as const;

/**
 * `plan/quantities.csv`: one row per quantity a task's text or milestone
 * states (see `extractQuantities`), UTF-8 with a BOM like tasks.csv. `quarter`
 * is empty for the task's own text. `value`, `upper_value` (a range's upper
 * end) and `unit` are as written (0.7, 万人); `base_value` and `base_unit` the
 * same without 万/亿 (7000, 人), so figures in different scales can be compared
 * and summed. `qualifier` is at_least, more_than, exactly, about, at_most or
 * empty; `cumulative` is true for a running total or a level.
 */
export function quantitiesCsv(quantities: readonly PlanQuantity[]): string {
  const row = (q: PlanQuantity): (string | number | undefined)[] => [
    q.task, q.quarter, q.statedValue, q.statedUpperValue, q.statedUnit, q.value, q.upperValue, q.unit, q.qualifier, String(q.cumulative), q.subject, q.phrase,
  ];
  const lines = [quantitiesCsvColumns.join(','), ...quantities.map((q) => row(q).map((f) => csvField(f ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Writes `<folder>/plan/tasks.json`, `tasks.csv` and `quantities.csv`. All
 * three are written beside their names first and renamed into place only
 * when every one is whole, so an interrupted import never leaves a
 * half-written file for `kpi run` to read, and one that fails while writing
 * leaves the old plan's three files as they were.
 *
 * @example await writePlan(plan, 'data/suqian') // → data/suqian/plan/tasks.json, tasks.csv, quantities.csv
 */
export async function writePlan(plan: Plan, folder: string): Promise<PlanFiles> {
  const files = planFiles(folder);
  await mkdir(join(folder, 'plan'), { recursive: true });
  await writeAtomically([
    { file: files.json, content: planJson(plan) },
    { file: files.csv, content: planCsv(plan) },
    { file: files.quantities, content: quantitiesCsv(planQuantities(planSchema.parse(plan))) },
  ]);
  return files;
}
