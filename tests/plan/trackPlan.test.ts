import { describe, expect, it } from 'vitest';
import type { MilestoneReport } from '../../src/model/milestoneReport.js';
import type { MilestoneStatus } from '../../src/model/milestoneReport.js';
import type { TrackedTask } from '../../src/plan/trackPlan.js';
import { trackPlan } from '../../src/plan/trackPlan.js';

const task = (number: number, category: string, leadUnits: string[], milestones = ['一季度事', '二季度事', '三季度事', '四季度事']): TrackedTask => ({
  number,
  category,
  text: `${number}.任务`,
  milestones,
  leadUnits,
});
const report = (task: number, quarter: number, status: MilestoneStatus, row = 2): MilestoneReport => ({
  task,
  period: `2023Q${quarter}`,
  year: 2023,
  quarter,
  status,
  note: '',
  reportedBy: '',
  row,
});

// Three tasks: 1 (科技局), 2 (科技局 and 财政局, no Q1 milestone), 3 (财政局).
const tasks = [task(1, '甲', ['市科技局']), task(2, '甲', ['市科技局', '市财政局'], ['', '二季度事', '三季度事', '四季度事']), task(3, '乙', ['市财政局'])];

describe('plan tracking', () => {
  it('counts milestones due, done and the completion rate per lead unit and per 事项, by hand', () => {
    const reports = [
      report(1, 1, 'done'),
      report(1, 2, 'in_progress'),
      report(2, 2, 'late'),
      report(2, 2, 'done', 5), // a later report revises the earlier one
      report(3, 1, 'not_started'),
      // task 3, 2023Q2: nobody reported
    ];
    const t = trackPlan(tasks, reports, 2023, 2);
    // Due by Q2: task 1 Q1, Q2; task 2 Q2 (Q1 cell empty); task 3 Q1, Q2 → 5 milestones.
    expect(t.milestones.map((m) => `${m.task}Q${m.quarter}:${m.state}`)).toEqual(['1Q1:done', '1Q2:in_progress', '2Q2:done', '3Q1:not_started', '3Q2:unreported']);
    // 市科技局: task 1 (2 due, 1 done) + task 2 (1 due, 1 done) = 3 due, 2 done.
    // 市财政局: task 2 (1 due, 1 done) + task 3 (2 due, 0 done) = 3 due, 1 done, 1 unreported.
    expect(t.byLeadUnit).toEqual([
      { name: '市科技局', due: 3, done: 2, rate: 2 / 3, unreported: 0, overdue: 1 },
      { name: '市财政局', due: 3, done: 1, rate: 1 / 3, unreported: 1, overdue: 2 },
    ]);
    expect(t.byCategory).toEqual([
      { name: '甲', due: 3, done: 2, rate: 2 / 3, unreported: 0, overdue: 1 },
      { name: '乙', due: 2, done: 0, rate: 0, unreported: 1, overdue: 2 },
    ]);
  });

  it('lists the overdue milestones oldest first, with quarters late, and the unreported ones apart', () => {
    const t = trackPlan(tasks, [report(1, 1, 'done'), report(3, 1, 'late')], 2023, 3);
    expect(t.overdue.map((m) => [m.task, m.quarter, m.state, m.quartersLate])).toEqual([
      [3, 1, 'late', 2],
      [1, 2, 'unreported', 1],
      [2, 2, 'unreported', 1],
      [3, 2, 'unreported', 1],
      [1, 3, 'unreported', 0],
      [2, 3, 'unreported', 0],
      [3, 3, 'unreported', 0],
    ]);
    expect(t.unreported).toHaveLength(6);
    expect(t.byLeadUnit.find((u) => u.name === '市科技局')?.done).toBe(1);
  });

  it('never counts a report for a later quarter or another year', () => {
    const t = trackPlan(tasks, [report(1, 3, 'done'), { ...report(1, 1, 'done'), year: 2022, period: '2022Q1' }], 2023, 1);
    expect(t.milestones.map((m) => m.state)).toEqual(['unreported', 'unreported']);
    expect(t.byLeadUnit.every((u) => u.done === 0)).toBe(true);
  });
});
