import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { planSchema } from '../plan/planSchema.js';
import type { ReadOptions } from '../read/readOptions.js';
import type { MilestoneFile, PlanFile } from './checkDataFolder.js';
import { checkMilestoneReports } from './checkMilestoneReports.js';
import type { Normalization } from './normalization.js';
import { readBytes } from './fileAccess.js';
import { listDataFiles } from './listDataFiles.js';
import { encodingOf, exists, readChecked, sha256 } from './readChecked.js';
import type { Period } from './values.js';

export interface CheckedPlanFolder {
  readonly plan?: PlanFile | undefined;
  readonly milestoneFiles: MilestoneFile[];
  readonly diagnostics: Diagnostic[];
  readonly normalizations: Normalization[];
}

/**
 * The optional `plan/` folder of a data folder (CONTRACT.md): `tasks.json`
 * as `kpi plan import` writes it (validated by the plan schema), and
 * `reports/*` — what lead units reported on their milestones — checked
 * against the plan's tasks and year. Reports without a plan are an error:
 * there is nothing to check them against.
 */
export async function checkPlanFolder(folder: string, options: ReadOptions, currentQuarter: Period | undefined): Promise<CheckedPlanFolder> {
  const planFolder = join(folder, 'plan');
  const diagnostics: Diagnostic[] = [];
  const normalizations: Normalization[] = [];
  if (!(await exists(planFolder))) return { milestoneFiles: [], diagnostics, normalizations };

  const tasksFile = join(planFolder, 'tasks.json');
  let plan: PlanFile | undefined;
  if (await exists(tasksFile)) {
    const bytes = await readBytes(tasksFile, diagnostics);
    if (bytes) {
      try {
        const parsed = planSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')));
        if (parsed.success) plan = { file: tasksFile, sha256: sha256(bytes), plan: parsed.data };
        else {
          for (const issue of parsed.error.issues.slice(0, 20)) {
            diagnostics.push(problem('BAD_PLAN', { file: tasksFile, column: issue.path.join('.'), detail: issue.message }));
          }
        }
      } catch (e) {
        diagnostics.push(problem('BAD_PLAN', { file: tasksFile, detail: (e as Error).message }));
      }
    }
  }

  const reportsFolder = join(planFolder, 'reports');
  const milestoneFiles: MilestoneFile[] = [];
  if (await exists(reportsFolder)) {
    const hadProblems = diagnostics.length > 0;
    const reports = await listDataFiles(reportsFolder, diagnostics);
    if (!plan && reports.length > 0 && !hadProblems) {
      diagnostics.push(problem('FOLDER_MISSING', { file: tasksFile, detail: '有进度报告但没有任务计划 milestone reports need the plan (kpi plan import)' }));
    }
    for (const { file, format } of reports) {
      const bytes = await readBytes(file, diagnostics);
      if (!bytes) continue;
      const table = await readChecked(file, format, bytes, format === 'csv' ? options : {}, diagnostics);
      if (!table || !plan) continue;
      const checked = checkMilestoneReports(table, { tasks: new Set(plan.plan.tasks.map((t) => t.number)), year: plan.plan.year, currentQuarter });
      diagnostics.push(...checked.diagnostics);
      normalizations.push(...encodingOf(table), ...checked.normalizations);
      milestoneFiles.push({ file, sha256: sha256(bytes), reports: checked.reports });
    }
  }
  return { plan, milestoneFiles, diagnostics, normalizations };
}
