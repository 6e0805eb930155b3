import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlanProblem } from './parsePlan.js';
import type { Plan, Task } from './planSchema.js';
import { planSchema } from './planSchema.js';

/** Where a data folder keeps its plan (CONTRACT.md: `plan/`). */
export const planFiles = (folder: string): { json: string; csv: string } => ({
  json: join(folder, 'plan', 'tasks.json'),
  csv: join(folder, 'plan', 'tasks.csv'),
});

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

/** Text a spreadsheet would run as a formula gets a leading apostrophe, as in results.csv. */
const neutralize = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const planCsvColumns = ['number', 'category', 'key_work', 'text', 'q1', 'q2', 'q3', 'q4', 'lead_units', 'cooperating_units', 'line'] as const;

/** `plan/tasks.csv`: one row per task, UTF-8 with a BOM so Excel reads it; units joined with 、. */
export function planCsv(plan: Plan): string {
  const row = (t: Task): (string | number)[] => [t.number, t.category, t.keyWork, t.text, ...t.milestones, t.leadUnits.join('、'), t.cooperatingUnits.join('、'), t.line];
  const lines = [planCsvColumns.join(','), ...planSchema.parse(plan).tasks.map((t) => row(t).map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Writes `<folder>/plan/tasks.json` and `tasks.csv`. Each is written beside
 * its name and renamed into place, so an interrupted import never leaves a
 * half-written plan for `kpi run` to read.
 *
 * @example await writePlan(plan, 'data/suqian') // → data/suqian/plan/tasks.json, data/suqian/plan/tasks.csv
 */
export async function writePlan(plan: Plan, folder: string): Promise<{ json: string; csv: string }> {
  const files = planFiles(folder);
  const contents: [string, string][] = [
    [files.json, planJson(plan)],
    [files.csv, planCsv(plan)],
  ];
  await mkdir(join(folder, 'plan'), { recursive: true });
  try {
    for (const [file, content] of contents) await writeFile(`${file}.partial`, content);
    for (const [file] of contents) await rename(`${file}.partial`, file);
  } finally {
    await Promise.all(contents.map(([file]) => rm(`${file}.partial`, { force: true })));
  }
  return files;
}

/**
 * Reads `<folder>/plan/tasks.json` and checks it against the plan schema.
 * A folder without a plan gives no plan and no problem: the plan is optional.
 *
 * @example const { plan, problems } = await readPlan('data/suqian'); // plan?.tasks.length === 98
 */
export async function readPlan(folder: string): Promise<{ plan: Plan | undefined; problems: PlanProblem[] }> {
  const file = planFiles(folder).json;
  if (!existsSync(file)) return { plan: undefined, problems: [] };
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const bad = (line: number, message: string, value = ''): { plan: undefined; problems: PlanProblem[] } => ({
    plan: undefined,
    problems: [{ code: 'BAD_PLAN_FILE', file, line, message, value }],
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Newer Node says where (line or position); Node 20 often does not, and then the whole file is the place.
    const message = String(e);
    const at = /line (\d+)/.exec(message)?.[1];
    const position = /position (\d+)/.exec(message)?.[1];
    const line = at !== undefined ? Number(at) : position !== undefined ? text.slice(0, Number(position)).split('\n').length : 1;
    return bad(line, `不是有效的 JSON / not valid JSON: ${(e as Error).message}`);
  }
  const parsed = planSchema.safeParse(json);
  if (parsed.success) return { plan: parsed.data, problems: [] };
  return {
    plan: undefined,
    problems: parsed.error.issues.map((issue) => ({
      code: 'BAD_PLAN_FILE',
      file,
      line: lineOfTask(text, issue.path),
      message: `计划文件不符合格式 / the plan file does not match the plan's schema: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      value: issue.path.join('.'),
    })),
  };
}

/** The line where the task an issue is about starts, as writePlan lays the file out; else line 1. */
function lineOfTask(text: string, path: readonly PropertyKey[]): number {
  if (path[0] !== 'tasks' || typeof path[1] !== 'number') return 1;
  const lines = text.split('\n');
  const tasksAt = lines.findIndex((l) => /^\s*"tasks"\s*:/.test(l));
  const indent = /^\s*/.exec(lines[tasksAt + 1] ?? '')?.[0] ?? '';
  let seen = -1;
  for (let i = tasksAt + 1; tasksAt !== -1 && i < lines.length; i++) {
    if (lines[i] === `${indent}{` || lines[i] === `${indent}{\r`) seen++;
    if (seen === path[1]) return i + 1;
  }
  return 1;
}
