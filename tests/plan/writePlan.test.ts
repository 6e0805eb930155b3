import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/planSchema.js';
import { readPlan } from '../../src/plan/readPlan.js';
import { planQuantities } from '../../src/plan/planQuantities.js';
import { planCsv, planJson, quantitiesCsv, writePlan } from '../../src/present/writePlan.js';
import { tempDir } from '../support/fixture.js';

const plan: Plan = {
  title: '某市2024年度重点任务推进计划',
  year: 2024,
  tasks: [
    { number: 1, category: '主要目标', keyWork: '', text: '增长8%。', milestones: ['一季度，调度', '', '三季度"冲刺"', '=全年'], leadUnits: ['区统计局'], cooperatingUnits: ['各镇（街道）、区各园区', '区发改局'], line: 17 },
    { line: 26, cooperatingUnits: [], leadUnits: ['区科技局', '区财政局'], milestones: ['a', 'b', 'c', 'd'], text: '任务二', keyWork: '引才', category: '人才工程', number: 2 },
  ],
};

describe('writing and reading a plan', () => {
  it('writes tasks.json with the same key order whatever order the objects were built in', () => {
    const json = planJson(plan);
    expect(json.indexOf('"number": 2')).toBeLessThan(json.indexOf('"text": "任务二"'));
    expect(Object.keys((JSON.parse(json) as Plan).tasks[1] as object)).toEqual(['number', 'category', 'keyWork', 'text', 'milestones', 'leadUnits', 'cooperatingUnits', 'line']);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('writes tasks.csv with a BOM, one row per task, units joined with 、 and text quoted where a CSV reader needs it (an ASCII quote or comma, not a full-width ，)', () => {
    const lines = planCsv(plan).split('\r\n');
    expect(lines[0]).toBe('\uFEFFnumber,category,key_work,text,q1,q2,q3,q4,lead_units,cooperating_units,line');
    expect(lines[1]).toBe('1,主要目标,,增长8%。,一季度，调度,,"三季度""冲刺""",\'=全年,区统计局,各镇（街道）、区各园区、区发改局,17');
    expect(lines[2]).toBe('2,人才工程,引才,任务二,a,b,c,d,区科技局、区财政局,,26');
    expect(lines).toHaveLength(4);
  });

  it('writes quantities.csv with a BOM: the value and unit as written, the base value and unit, a range’s upper end, and a phrase with an ASCII comma quoted', () => {
    const withNumbers: Plan = {
      ...plan,
      tasks: [{ ...(plan.tasks[0] as Plan['tasks'][number]), text: '新建厂房1,200平方米。', milestones: ['引进高校毕业生不少于0.7万人', '', '建成1—2万个', '=累计3场'] }],
    };
    expect(quantitiesCsv(planQuantities(withNumbers)).split('\r\n')).toEqual([
      '\uFEFFtask,quarter,value,upper_value,unit,base_value,base_upper_value,base_unit,qualifier,cumulative,subject,phrase',
      '1,,1200,,平方米,1200,,平方米,,false,厂房,"新建厂房1,200平方米"',
      '1,1,0.7,,万人,7000,,人,at_least,false,高校毕业生,引进高校毕业生不少于0.7万人',
      '1,3,1,2,万个,10000,20000,个,at_least,false,,建成1—2万个',
      // A phrase a spreadsheet would run as a formula is defused, as in tasks.csv.
      "1,4,3,,场,3,,场,,true,,'=累计3场",
      '',
    ]);
  });

  it('refuses to write a plan that does not match the schema', async () => {
    const bad = { ...plan, tasks: [{ ...plan.tasks[1], number: 2 }] } as Plan;
    await expect(writePlan(bad, await tempDir())).rejects.toThrow();
  });

  it('reads back what it wrote', async () => {
    const folder = await tempDir('kpi-plan-');
    const files = await writePlan(plan, folder);
    expect(files).toEqual({ json: join(folder, 'plan', 'tasks.json'), csv: join(folder, 'plan', 'tasks.csv'), quantities: join(folder, 'plan', 'quantities.csv') });
    expect(await readPlan(folder)).toEqual({ plan: JSON.parse(planJson(plan)) as Plan, problems: [] });
  });

  it('finds no plan and no problem in a folder without one', async () => {
    expect(await readPlan(await tempDir())).toEqual({ plan: undefined, problems: [] });
  });

  it('reports a tasks.json that breaks the schema at the line of the task concerned', async () => {
    const folder = await tempDir('kpi-plan-');
    const { json } = await writePlan(plan, folder);
    const text = await readFile(json, 'utf8');
    await writeFile(json, text.replace('"number": 2', '"number": 3'));
    const { plan: read, problems } = await readPlan(folder);
    expect(read).toBeUndefined();
    expect(problems.map((p) => [p.code, p.line, p.value])).toEqual([['BAD_PLAN_FILE', text.split('\n').findIndex((l) => l.includes('"number": 2')), 'tasks.1.number']]);
  });

  it('reports a tasks.json that is not JSON, and gives no plan', async () => {
    const folder = await tempDir('kpi-plan-');
    await mkdir(join(folder, 'plan'));
    await writeFile(join(folder, 'plan', 'tasks.json'), '{\n  "title": "x",\n  "year": 2024,\n  "tasks": [,]\n}\n');
    const { plan: read, problems } = await readPlan(folder);
    expect(read).toBeUndefined();
    expect(problems.map((p) => [p.code, p.file])).toEqual([['BAD_PLAN_FILE', join(folder, 'plan', 'tasks.json')]]);
  });
});
