import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { PlanProblem } from './parsePlan.js';
import type { Plan } from './planSchema.js';
import { planSchema } from './planSchema.js';
import { planFiles } from './planFiles.js';

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
