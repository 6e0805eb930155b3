import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milestoneReports, storedPlan } from '../../src/store/planStore.js';
import type { Store } from '../../src/store/store.js';
import { addLoad, memoryStore } from './storedRows.js';

let store: Store;

const task = { number: 1, category: '事项', keyWork: '', text: '任务', milestones: ['一', '二', '三', '四'], leadUnits: ['市发展改革委'], cooperatingUnits: [], line: 3 };

async function addReport(id: number, load: number, r: { task?: number; period: string; status: string; row: number; note?: string }): Promise<void> {
  await store.run('INSERT INTO milestone_reports VALUES ($id, $task, $period, $year, $quarter, $status, $note, $by, $load, $row)', {
    id,
    task: r.task ?? 1,
    period: r.period,
    year: Number(r.period.slice(0, 4)),
    quarter: Number(r.period.slice(5)),
    status: r.status,
    note: r.note ?? '',
    by: '市发展改革委',
    load,
    row: r.row,
  });
}

beforeEach(async () => {
  store = await memoryStore();
  await addLoad(store, { id: 1, kind: 'plan', name: 'tasks.json' });
  await store.run("INSERT INTO plans VALUES (1, 2023, '2023年计划', CAST($tasks AS JSON))", { tasks: JSON.stringify([task]) });
  // b.csv is later in name order than a.csv, though loaded first.
  await addLoad(store, { id: 2, kind: 'milestones', name: 'b.csv', run: 1, ord: 1 });
  await addLoad(store, { id: 3, kind: 'milestones', name: 'a.csv', run: 1, ord: 0 });
  await addReport(1, 2, { period: '2023Q1', status: 'done', row: 2, note: '已完成' });
  await addReport(2, 3, { period: '2023Q1', status: 'in_progress', row: 3 });
  await addReport(3, 3, { period: '2023Q2', status: 'late', row: 2 });
  await addReport(4, 3, { period: '2022Q4', status: 'done', row: 4 });
});

afterEach(() => store.close());

describe('the stored plan and milestone reports', () => {
  it('a plan version reads back as the importer checked it', async () => {
    expect(await storedPlan(store, 1)).toEqual({ title: '2023年计划', year: 2023, tasks: [task] });
    expect(await storedPlan(store, 2)).toBeUndefined();
  });

  it('a run’s reports for a year come in the order they revise each other: files in name order, then rows', async () => {
    const reports = await milestoneReports(store, 1, 2023);
    expect(reports.map((r) => [r.period, r.status, r.row])).toEqual([
      ['2023Q2', 'late', 2],
      ['2023Q1', 'in_progress', 3],
      ['2023Q1', 'done', 2],
    ]);
    expect(reports[2]).toEqual({ task: 1, period: '2023Q1', year: 2023, quarter: 1, status: 'done', note: '已完成', reportedBy: '市发展改革委', row: 2 });
    expect(await milestoneReports(store, 2, 2023)).toEqual([]);
  });

  it('a report with a status the engine does not know is refused, not passed on', async () => {
    await addReport(5, 2, { period: '2023Q3', status: 'finished', row: 3 });
    await expect(milestoneReports(store, 1, 2023)).rejects.toThrow(/milestone_reports\.status/);
  });

  it('a stored plan whose tasks no longer check is refused', async () => {
    await addLoad(store, { id: 4, kind: 'plan', name: 'tasks.json' });
    await store.run("INSERT INTO plans VALUES (4, 2023, '计划', CAST($tasks AS JSON))", { tasks: JSON.stringify([{ ...task, leadUnits: [] }]) });
    await expect(storedPlan(store, 4)).rejects.toThrow(/plans\.tasks\.0\.leadUnits/);
  });
});
