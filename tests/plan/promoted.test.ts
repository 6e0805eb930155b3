import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../support/fixture.js';
import { expectClose } from '../support/matchers.js';
import { fakeTerminal } from '../support/terminal.js';

/**
 * Plan quantities promoted from the milestones to tracked indicators (issue 5, point 2).
 * `schedule` holds the year-to-date targets per quarter typed from the milestone texts of
 * data/suqian/plan/tasks.json (null: the milestone names no number, so there is no row and the
 * engine falls back to linear 序时). Per-quarter counts are summed: task 39's 10, 20, 20, 10 场次
 * become 10, 30, 50, 60; rising milestones (task 41's 5 → 10 → 14 → 20 场次) are already year to date.
 */
const PROMOTED: readonly { id: string; task: number; unit: string; annual: number; schedule: readonly (number | null)[] }[] = [
  { id: 'skill_competitions', task: 39, unit: '场次', annual: 60, schedule: [10, 30, 50, 60] },
  { id: 'order_classes', task: 40, unit: '个', annual: 20, schedule: [5, 10, 15, 20] },
  { id: 'apprentices_trained', task: 41, unit: '人', annual: 1100, schedule: [200, 500, 800, 1100] },
  { id: 'school_locality_events', task: 41, unit: '场次', annual: 20, schedule: [5, 10, 14, 20] },
  { id: 'new_patent_owning_firms', task: 61, unit: '户', annual: 90, schedule: [null, 30, 60, 90] },
  { id: 'ip_standard_firms', task: 63, unit: '户', annual: 120, schedule: [null, 40, 80, 120] },
  { id: 'ip_pledges', task: 64, unit: '笔', annual: 100, schedule: [20, 40, 70, 100] },
  { id: 'ip_pledge_amount', task: 64, unit: '亿元', annual: 10, schedule: [2.5, 5, 7.5, 10] },
  { id: 'ip_assistance_cases', task: 67, unit: '次', annual: 50, schedule: [10, 20, 30, 50] },
  { id: 'ip_mediation_cases', task: 67, unit: '件', annual: 100, schedule: [25, 50, 75, 100] },
  { id: 'fund_tech_investments', task: 89, unit: '个', annual: 4, schedule: [null, 2, null, 4] },
  { id: 'online_financing', task: 94, unit: '亿元', annual: 300, schedule: [null, 150, null, 300] },
];

const CITY = '321300';

interface PlanTask {
  number: number;
  milestones: string[];
  leadUnits: string[];
  cooperatingUnits: string[];
}

interface TargetRow {
  indicator: string;
  region: string;
  year: string;
  period: string;
  value: string;
  note: string;
}

describe('plan quantities promoted to tracked indicators', () => {
  let catalog: Catalog;
  let tasks: Map<number, PlanTask>;
  let targets: TargetRow[];

  beforeAll(async () => {
    catalog = await loadCatalog('metrics');
    const plan = JSON.parse(await readFile('data/suqian/plan/tasks.json', 'utf8')) as { tasks: PlanTask[] };
    tasks = new Map(plan.tasks.map((t) => [t.number, t]));
    targets = parse<TargetRow>(await readFile('data/suqian/targets.csv', 'utf8'), { columns: true, bom: true });
  });

  it.each(PROMOTED)('$id is in the catalog under task $task with the plan task’s units', ({ id, task, unit }) => {
    const indicator = catalog.indicators.find((i) => i.id === id);
    const planTask = tasks.get(task);
    expect(planTask, `task ${task}`).toBeDefined();
    expect(indicator).toMatchObject({ task, unit, formula: id, direction: 'higher', scope: 'extensive', schedule: 'explicit' });
    expect(indicator?.lead_units).toEqual(planTask?.leadUnits);
    expect(indicator?.cooperating_units).toEqual(planTask?.cooperatingUnits);
    const variable = catalog.variables.find((v) => v.code === id);
    expect(variable).toMatchObject({ unit, kind: 'flow', frequency: 'quarterly' });
  });

  it.each(PROMOTED)('$id has the city’s annual target and a schedule row for each quarter the milestones give a number', ({ id, task, annual, schedule }) => {
    const rows = targets.filter((r) => r.indicator === id);
    expect(rows.every((r) => r.region === CITY && r.year === '2023' && r.note.startsWith(`任务${task}：`))).toBe(true);
    expect(rows.filter((r) => r.period === '').map((r) => Number(r.value))).toEqual([annual]);
    const byQuarter = [1, 2, 3, 4].map((q) => rows.find((r) => r.period === `2023Q${q}`));
    expect(byQuarter.map((r) => (r ? Number(r.value) : null))).toEqual(schedule);
    // Each schedule row quotes the milestone text it was typed from.
    const milestones = tasks.get(task)?.milestones ?? [];
    byQuarter.forEach((r, k) => {
      if (!r) return;
      const phrase = r.note.replace(`任务${task}：`, '').replace(/（.*）$/, '');
      expect(milestones[k], `${id} 2023Q${k + 1}`).toContain(phrase.replace('知识产权质押金额', '金额'));
    });
  });

  it('has four schedule rows wherever all four milestones name a number', () => {
    const full = PROMOTED.filter((p) => p.schedule.every((v) => v !== null));
    expect(full.map((p) => p.id)).toHaveLength(8);
    for (const p of full) expect(targets.filter((r) => r.indicator === p.id && r.period !== '')).toHaveLength(4);
  });

  it('gives the city’s 2023Q4 attainment from the sample, worked by hand', async () => {
    const out = await tempDir('kpi-promoted-');
    expect(await main(['run', '--data', 'data/suqian', '--out', out, '--no-report', '--quiet'], fakeTerminal())).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      indicator: string; region: string; period: string; actual: number; target: number; attainment: number; status: string;
    }[];
    const at = (id: string) => results.find((r) => r.indicator === id && r.region === CITY && r.period === '2023Q4');
    // Skill competitions (task 39): 10 + 20 + 20 + 10 = 60 场次 due by year end; the city reports 62 year to date,
    // so 62 / 60 = 1.0333…, 已完成.
    expect(at('skill_competitions')).toMatchObject({ actual: 62, target: 60, status: 'completed' });
    expectClose(at('skill_competitions')?.attainment ?? NaN, 62 / 60);
    // IP 贯标 firms (task 63): 40 + 40 + 40 = 120 户 due by year end; the city reports 112, so 112 / 120 = 0.9333…,
    // inside the 0.9 warning band: 预警.
    expect(at('ip_standard_firms')).toMatchObject({ actual: 112, target: 120, status: 'warning' });
    expectClose(at('ip_standard_firms')?.attainment ?? NaN, 112 / 120);
    // Every promoted indicator has a city figure in each 2023 quarter.
    for (const p of PROMOTED) {
      for (const q of [1, 2, 3, 4]) {
        const row = results.find((r) => r.indicator === p.id && r.region === CITY && r.period === `2023Q${q}`);
        expect(row?.actual, `${p.id} 2023Q${q}`).toEqual(expect.any(Number));
      }
    }
  }, 60_000);
});
