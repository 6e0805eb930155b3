import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KpiInputError } from '../../src/diagnostics/diagnostic.js';
import { recomputeJob, runJob } from '../../src/engine/runJob.js';
import type { Plan } from '../../src/plan/planSchema.js';
import { longCsv, writeFolder } from '../support/fixture.js';

const task = (number: number, category: string, leadUnits: string[], milestones: [string, string, string, string]): Plan['tasks'][number] => ({
  number,
  category,
  keyWork: '',
  text: `任务${number}`,
  milestones,
  leadUnits,
  cooperatingUnits: ['各县（区）、市各功能区'],
  line: number * 10,
});

const plan: Plan = {
  title: '某市2023年度重点任务推进计划',
  year: 2023,
  tasks: [
    task(1, '主要工作目标', ['市科技局'], ['一', '二', '三', '四']),
    task(2, '主要工作目标', ['市科技局', '市财政局'], ['', '二', '三', '四']),
    task(3, '创新平台', ['市财政局'], ['一', '二', '三', '四']),
  ],
};

/** A data folder with the plan and the given reports files. */
async function folderWith(reports: Record<string, string>): Promise<string> {
  const data = await writeFolder({
    targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n',
    observations: {
      'a.csv': longCsv([
        ['A', '2023Q1', 'gdp', 100], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q1', 'rd_expenditure', 1],
        ['A', '2023Q2', 'gdp', 200], ['A', '2023Q2', 'rd_expenditure', 4], ['B', '2023Q2', 'gdp', 90], ['B', '2023Q2', 'rd_expenditure', 2],
      ]),
    },
  });
  await mkdir(join(data, 'plan', 'reports'), { recursive: true });
  await writeFile(join(data, 'plan', 'tasks.json'), JSON.stringify(plan));
  for (const [name, text] of Object.entries(reports)) await writeFile(join(data, 'plan', 'reports', name), text);
  return data;
}

const unitsCsv = async (out: string): Promise<string[]> => (await readFile(join(out, 'plan-units.csv'), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');

describe('plan tracking in kpi run', () => {
  it('gives per-unit and per-事项 completion rates that can be counted by hand, and revises with a later report', async () => {
    const data = await folderWith({
      '2023Q1.csv': '任务序号,期别,状态,报送单位\n1,2023Q1,已完成,市科技局\n3,2023Q1,推进中,市财政局\n',
      '2023Q2.csv': '任务序号,期别,状态,报送单位\n1,2023Q2,已完成,市科技局\n2,2023Q2,滞后,市科技局\n3,2023Q1,已完成,市财政局\n',
    });
    const out = join(data, 'out');
    const run = await runJob({ data, out });
    // Due by 2023Q2: 1Q1 done, 1Q2 done, 2Q2 late, 3Q1 done (revised by the Q2 file), 3Q2 unreported.
    // 市科技局 leads 1 and 2: due 3, done 2. 市财政局 leads 2 and 3: due 3, done 1, unreported 1.
    expect(await unitsCsv(out)).toEqual([
      'period,group,name,due,done,completion_rate,unreported,overdue',
      `2023Q2,lead_unit,市科技局,3,2,${2 / 3},0,1`,
      `2023Q2,lead_unit,市财政局,3,1,${1 / 3},1,2`,
      `2023Q2,category,主要工作目标,3,2,${2 / 3},0,1`,
      '2023Q2,category,创新平台,2,1,0.5,1,1',
    ]);
    expect(run.plan?.tracking.unreported.map((m) => `${m.task}Q${m.quarter}`)).toEqual(['3Q2']);
    const milestones = await readFile(join(out, 'plan-milestones.csv'), 'utf8');
    expect(milestones).toContain('2023Q2,3,2,二,unreported,未报送,0,市财政局,创新平台');
    expect(milestones).toContain('2023Q2,3,1,一,done,已完成,,市财政局,创新平台');

    // A later run with a new report file revises; --as-of the first run gives the first tracking back.
    await writeFile(join(data, 'plan', 'reports', '2023Q2b.csv'), 'task,period,status\n3,2023Q2,已完成\n2,2023Q2,完成\n');
    await runJob({ data, out: join(data, 'out2'), db: join(out, 'kpi.duckdb') });
    expect((await unitsCsv(join(data, 'out2')))[1]).toBe('2023Q2,lead_unit,市科技局,3,3,1,0,0');
    await recomputeJob({ db: join(out, 'kpi.duckdb'), asOf: 1, out: join(data, 'asof') });
    expect(await readFile(join(data, 'asof', 'plan-units.csv'))).toEqual(await readFile(join(out, 'plan-units.csv')));
  });

  it('rejects a report for a task the plan does not have, storing nothing', async () => {
    const data = await folderWith({ '2023Q1.csv': 'task,period,status\n9,2023Q1,已完成\n' });
    const error = await runJob({ data, out: join(data, 'out') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiInputError);
    expect((error as KpiInputError).diagnostics.map((d) => [d.code, d.row, d.column])).toEqual([['UNKNOWN_TASK', 2, 'task']]);
  });
});
