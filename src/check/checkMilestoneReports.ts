import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { MilestoneReport } from '../model/milestoneReport.js';
import { milestoneStatuses } from '../model/milestoneReport.js';
import { milestoneStatusLabels, readMilestoneStatus } from '../plan/milestoneStatus.js';
import type { RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import { matchColumns } from './columns.js';
import type { Normalization } from './normalization.js';
import { isAfter, periodForReading, readPeriodLabel } from './periodLabel.js';
import type { Period } from './values.js';

const columns = [
  { name: 'task', chinese: '任务序号', required: true },
  { name: 'period', chinese: '期别', required: true },
  { name: 'status', chinese: '状态', required: true },
  { name: 'note', chinese: '备注', required: false },
  { name: 'reported_by', chinese: '报送单位', required: false },
] as const;

/** What reports are checked against: the plan's task numbers and year, and the current quarter. */
export interface MilestoneContext {
  readonly tasks: ReadonlySet<number>;
  readonly year: number;
  readonly currentQuarter?: Period | undefined;
}

const statusList = milestoneStatuses.map((s) => milestoneStatusLabels[s]).join('、');

/**
 * Checks a milestone reports file (`plan/reports/*`): a task of the plan, a
 * quarter of the plan's year not in the future, one of the four statuses
 * (已完成、推进中、滞后、未启动, or an alias with the same meaning), and no task
 * and quarter twice in one file. A later file revises an earlier one.
 */
export function checkMilestoneReports(
  table: RawTable,
  context: MilestoneContext,
): { reports: MilestoneReport[]; diagnostics: Diagnostic[]; normalizations: Normalization[] } {
  const { index, diagnostics: headerProblems } = matchColumns(table, columns);
  const diagnostics: Diagnostic[] = [...headerProblems];
  const normalizations: Normalization[] = [];
  if (headerProblems.some((d) => d.severity === 'error')) return { reports: [], diagnostics, normalizations };
  if (table.rows.length === 0) return { reports: [], diagnostics: [...diagnostics, problem('FILE_EMPTY', { file: table.file })], normalizations };

  const reports: MilestoneReport[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const text = (name: (typeof columns)[number]['name']): string => {
      const i = index[name];
      return i === undefined ? '' : cellText(cells[i] ?? null).trim();
    };
    const at = (column: string, value: string) => ({ file: table.file, row, column, value });
    const before = diagnostics.length;

    const taskText = text('task').replace(/^任务/, '').replace(/[.。]$/, '');
    const task = /^\d+$/.test(taskText) ? Number(taskText) : undefined;
    if (task === undefined || !context.tasks.has(task)) {
      diagnostics.push(problem('UNKNOWN_TASK', { ...at('task', text('task')), expected: `计划中的任务序号 1–${Math.max(0, ...context.tasks)} / a task number of the plan` }));
    }

    const periodText = text('period');
    const reading = readPeriodLabel(periodText);
    // A milestone is a quarter's: a year alone does not say which one.
    const checked = reading.ok ? periodForReading(reading, 'quarterly') : undefined;
    const period = checked?.ok ? checked.period : undefined;
    const canonical = reading.ok && reading.canonical;
    if (!reading.ok) {
      diagnostics.push(problem(reading.code ?? 'BAD_PERIOD', { ...at('period', periodText), expected: reading.expected ?? '季度，如 2023Q2、2023年二季度 / a quarter such as 2023Q2' }));
    } else if (checked && !checked.ok) {
      diagnostics.push(problem(checked.code, { ...at('period', periodText), expected: checked.expected }));
    } else if (period) {
      if (period.year !== context.year) diagnostics.push(problem('SCHEDULE_OUTSIDE_YEAR', { ...at('period', periodText), expected: `${context.year}年的季度 / a quarter of ${context.year}` }));
      if (context.currentQuarter && isAfter(period, context.currentQuarter)) diagnostics.push(problem('FUTURE_PERIOD', at('period', periodText)));
      if (!canonical) normalizations.push({ file: table.file, row, column: 'period', rule: 'period_label', from: periodText, to: period.period });
    }

    const statusText = text('status');
    const status = readMilestoneStatus(statusText);
    if (!status) diagnostics.push(problem('BAD_MILESTONE_STATUS', { ...at('status', statusText), expected: statusList }));

    if (diagnostics.length > before || task === undefined || !period || !status) continue;
    const key = `${task}|${period.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(problem('DUPLICATE_KEY', { ...at('task', String(task)), detail: `任务${task} ${period.period} 与第${first}行重复 same task and quarter as row ${first}` }));
      continue;
    }
    seen.set(key, row);
    reports.push({ task, period: period.period, year: period.year, quarter: period.quarter, status, note: text('note'), reportedBy: text('reported_by'), row });
  }
  return { reports, diagnostics, normalizations };
}
