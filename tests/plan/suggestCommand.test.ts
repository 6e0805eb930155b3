import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { indicatorSchema } from '../../src/catalog/indicator.js';
import { variableSchema } from '../../src/catalog/variable.js';
import { main } from '../../src/cli/main.js';
import type { Plan } from '../../src/plan/planSchema.js';
import { writePlan } from '../../src/present/writePlan.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

const task = (number: number, text: string, milestones: [string, string, string, string]): Plan['tasks'][number] => ({
  number,
  category: '主要工作目标',
  keyWork: '',
  text,
  milestones,
  leadUnits: ['市人社局'],
  cooperatingUnits: ['各县（区）'],
  line: number * 10,
});

/**
 * Four tasks, each a case of "tracked":
 * 1. incubated firms 30, 累计 60/90/120, the year 120: its indicator has every row → tracked.
 * 2. contests 10, 20, 20, 10 per quarter: its indicator has the year to date 10, 30, 50 for Q1–Q3 and a
 *    Q4 row only for district A, not the root → tracked in part; the root's 2024Q4 = 60 is missing.
 * 3. graduates 0.3 → 1.5万人 (rising, so the year to date), no indicator → a new draft in 万人.
 * 4. pledges 20 笔 and 2.5亿元 a quarter: an indicator counts the pledges (20/40/60/80); the amount has none.
 */
const plan: Plan = {
  title: '某市2024年度重点任务推进计划',
  year: 2024,
  tasks: [
    task(1, '新增在孵企业数量120家。', ['新增在孵企业30家。', '累计新增在孵企业60家。', '累计新增在孵企业90家。', '累计新增在孵企业120家。']),
    task(2, '办好技能竞赛。', ['开展职业技能竞赛10场次。', '开展职业技能竞赛20场次。', '开展职业技能竞赛20场次。', '开展职业技能竞赛10场次。']),
    task(3, '集聚青年人才。', ['引进高校毕业生不少于0.3万人', '引进高校毕业生不少于0.7万人', '引进高校毕业生不少于1.1万人', '引进高校毕业生不少于1.5万人']),
    task(4, '推进知识产权质押融资。', ['实现知识产权质押20笔，金额2.5亿元。', '实现知识产权质押20笔，金额2.5亿元。', '实现知识产权质押20笔，金额2.5亿元。', '实现知识产权质押20笔，金额2.5亿元。']),
  ],
};

const variables = `- { code: new_firms, name: 新增在孵企业数, unit: 家, kind: flow, frequency: quarterly, additive: true }
- { code: contests, name: 竞赛场次, unit: 场次, kind: flow, frequency: quarterly, additive: true }
- { code: pledges, name: 质押笔数, unit: 笔, kind: flow, frequency: quarterly, additive: true }
`;
const indicator = (id: string, taskNumber: number, unit: string) =>
  `id: ${id}\ntask: ${taskNumber}\nname: ${id}\nunit: ${unit}\ndirection: higher\nscope: extensive\nschedule: explicit\nformula: ${id}\n`;

const targets = `indicator,region,year,period,value,note
new_firms,,2024,,120,
new_firms,C,2024,2024Q1,30,
new_firms,C,2024,2024Q2,60,
new_firms,C,2024,2024Q3,90,
new_firms,C,2024,2024Q4,120,
contests,C,2024,2024Q1,10,
contests,C,2024,2024Q2,30,
contests,C,2024,2024Q3,50,
contests,A,2024,2024Q4,60,
pledges,C,2024,2024Q1,20,
pledges,C,2024,2024Q2,40,
pledges,C,2024,2024Q3,60,
pledges,C,2024,2024Q4,80,
`;

async function folder(targetsCsv = targets): Promise<{ data: string; metrics: string }> {
  const data = await tempDir('kpi-suggest-');
  await writeFile(join(data, 'regions.csv'), 'code,name,parent,level\nC,某市,,city\nA,甲区,C,district\n');
  await writeFile(join(data, 'targets.csv'), targetsCsv);
  await writePlan(plan, data);
  const metrics = join(data, 'metrics');
  await mkdir(join(metrics, 'indicators'), { recursive: true });
  await writeFile(join(metrics, 'variables.yaml'), variables);
  await writeFile(join(metrics, 'indicators', '01_new_firms.yaml'), indicator('new_firms', 1, '家'));
  await writeFile(join(metrics, 'indicators', '02_contests.yaml'), indicator('contests', 2, '场次'));
  await writeFile(join(metrics, 'indicators', '04_pledges.yaml'), indicator('pledges', 4, '笔'));
  return { data, metrics };
}

async function suggest(data: string, metrics: string, ...more: string[]): Promise<{ code: number; lines: string[]; stderr: string }> {
  const term = fakeTerminal();
  const code = await main(['plan', 'suggest', '--data', data, '--metrics', metrics, ...more], term);
  return { code, lines: term.stdout.join('\n').split('\n'), stderr: term.stderr.join('\n') };
}

/** The lines after a header line up to the next blank line or header, as printed to paste. */
function block(lines: readonly string[], header: (l: string) => boolean): string[] {
  const start = lines.findIndex(header);
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l === '' || l.startsWith('#') || l.startsWith('targets.csv') || l.startsWith('━━'));
  return end < 0 ? rest : rest.slice(0, end);
}

/** Every draft the output holds: indicator file → its YAML, its variables.yaml entry and its targets.csv rows. */
function drafts(lines: readonly string[]): { file: string; indicator: string[]; variable: string[]; targets: string[] }[] {
  return lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.startsWith('# metrics/indicators/'))
    .map(({ l, i }) => {
      const after = lines.slice(i);
      return {
        file: (/^# (metrics\/indicators\/\S+\.yaml)/.exec(l) ?? [])[1] ?? '',
        indicator: block(after, (x) => x === l),
        variable: block(after, (x) => x === '# metrics/variables.yaml'),
        targets: block(after, (x) => x.startsWith('targets.csv')),
      };
    });
}

describe('kpi plan suggest', () => {
  it('recognizes a series whose every figure is a target row of its task’s indicator as tracked', async () => {
    const { data, metrics } = await folder();
    const { code, lines } = await suggest(data, metrics);
    expect(code).toBe(0);
    expect(lines).toContain('  任务1 task 1 → new_firms：一季度 Q1 30家 = 2024Q1 30；二季度 Q2 60家 = 2024Q2 60；三季度 Q3 90家 = 2024Q3 90；四季度 Q4 120家 = 2024Q4 120；任务 text 120家 = 2024 全年 year 120');
    // Per-quarter pledges are compared as the year to date: 20, 40, 60, 80.
    expect(lines).toContain('  任务4 task 4 → pledges：一季度 Q1 20笔 = 2024Q1 20；二季度 Q2 20笔 = 2024Q2 40；三季度 Q3 20笔 = 2024Q3 60；四季度 Q4 20笔 = 2024Q4 80');
    // 5 + 4 + 4 + 8 quantities; tracked: task 1's five, task 2's first three, task 4's four pledges.
    expect(lines[1]).toBe('计划中的数量 quantities in the plan: 21；已跟踪 tracked: 12；未跟踪 not tracked: 9');
    expect(drafts(lines).map((d) => d.file)).toEqual(['metrics/indicators/03_task3_1.yaml', 'metrics/indicators/04_task4_1.yaml']);
  });

  it('gives a series tracked in part the root region’s rows its indicator lacks, not a new indicator', async () => {
    const { data, metrics } = await folder();
    const { lines } = await suggest(data, metrics);
    // District A's Q4 row is not the city's: the root's 2024Q4 = 10 + 20 + 20 + 10 is missing.
    expect(block(lines, (l) => l.startsWith('# 任务2 task 2 → contests'))).toEqual(['contests,C,2024,2024Q4,60,任务2：开展职业技能竞赛10场次（四季度，累计60）']);
    expect(lines.some((l) => l.startsWith('id: task2_'))).toBe(false);
  });

  it('drafts an untracked rising series in the unit written, year to date as stated, with the year’s row from Q4', async () => {
    const { data, metrics } = await folder();
    const graduates = drafts((await suggest(data, metrics)).lines)[0];
    expect(graduates?.targets).toEqual([
      'task3_1,C,2024,2024Q1,0.3,任务3：引进高校毕业生不少于0.3万人（一季度）',
      'task3_1,C,2024,2024Q2,0.7,任务3：引进高校毕业生不少于0.7万人（二季度）',
      'task3_1,C,2024,2024Q3,1.1,任务3：引进高校毕业生不少于1.1万人（三季度）',
      'task3_1,C,2024,2024Q4,1.5,任务3：引进高校毕业生不少于1.5万人（四季度）',
      'task3_1,C,2024,,1.5,任务3：引进高校毕业生不少于1.5万人（四季度末）',
    ]);
    const definition = indicatorSchema.parse(parseYaml((graduates?.indicator ?? []).join('\n')));
    expect(definition).toMatchObject({ id: 'task3_1', task: 3, name: '高校毕业生', unit: '万人', schedule: 'explicit', direction: 'higher', scope: 'extensive' });
    expect(definition.lead_units).toEqual(['市人社局']);
    expect(definition.cooperating_units).toEqual(['各县（区）']);
    const [variable] = parseYaml((graduates?.variable ?? []).join('\n')) as unknown[];
    expect(variableSchema.parse(variable)).toMatchObject({ code: 'task3_1', unit: '万人', kind: 'flow', frequency: 'quarterly' });
  });

  it('drafts the untracked amount of a task whose other figure is tracked, summed per quarter in 亿元, naming the task’s indicator', async () => {
    const { data, metrics } = await folder();
    const { lines } = await suggest(data, metrics);
    const amount = drafts(lines)[1];
    expect(amount?.targets.map((r) => r.split(',').slice(0, 5).join(','))).toEqual([
      'task4_1,C,2024,2024Q1,2.5',
      'task4_1,C,2024,2024Q2,5',
      'task4_1,C,2024,2024Q3,7.5',
      'task4_1,C,2024,2024Q4,10',
      'task4_1,C,2024,,10',
    ]);
    expect(lines).toContain('本任务已有指标 the task already has: pledges（其目标中没有这些数值 their targets hold none of these figures）');
  });

  it('finds nothing to suggest once the drafts are pasted into the catalog and targets.csv', async () => {
    const { data, metrics } = await folder();
    const first = await suggest(data, metrics);
    for (const d of drafts(first.lines)) {
      await writeFile(join(metrics, d.file.replace(/^metrics\//, '')), `${d.indicator.join('\n')}\n`);
      await appendFile(join(metrics, 'variables.yaml'), `${d.variable.join('\n')}\n`);
      await appendFile(join(data, 'targets.csv'), `${d.targets.join('\n')}\n`);
    }
    await appendFile(join(data, 'targets.csv'), `${block(first.lines, (l) => l.startsWith('# 任务2 task 2')).join('\n')}\n`);
    const again = await suggest(data, metrics);
    expect(again.code).toBe(0);
    expect(again.lines[1]).toBe('计划中的数量 quantities in the plan: 21；已跟踪 tracked: 21；未跟踪 not tracked: 0');
    expect(drafts(again.lines)).toEqual([]);
  });

  it('prints the same text every time, and only the tasks asked for with --task', async () => {
    const { data, metrics } = await folder();
    expect((await suggest(data, metrics)).lines).toEqual((await suggest(data, metrics)).lines);
    const only = await suggest(data, metrics, '--task', '3');
    expect(drafts(only.lines).map((d) => d.file)).toEqual(['metrics/indicators/03_task3_1.yaml']);
    expect(only.lines[1]).toBe('计划中的数量 quantities in the plan: 4；已跟踪 tracked: 0；未跟踪 not tracked: 4');
  });

  it('writes target rows with as many fields as the folder’s targets.csv header', async () => {
    const { data, metrics } = await folder('indicator,region,year,period,value\nnew_firms,C,2024,,120\n');
    expect(drafts((await suggest(data, metrics, '--task', '3')).lines)[0]?.targets[0]).toBe('task3_1,C,2024,2024Q1,0.3');
  });

  it('exits 1 for a folder without a plan, a task the plan lacks or a targets.csv the checks reject; 2 without --data', async () => {
    const { data, metrics } = await folder();
    const noTask = await suggest(data, metrics, '--task', '9');
    expect(noTask.code).toBe(1);
    expect(noTask.stderr).toContain('UNKNOWN_TASK');
    const term = fakeTerminal();
    expect(await main(['plan', 'suggest', '--metrics', metrics], term)).toBe(2);

    await writeFile(join(data, 'targets.csv'), `${targets}nosuch,C,2024,,1,\n`);
    const rejected = await suggest(data, metrics);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('UNKNOWN_INDICATOR');

    await writeFile(join(data, 'targets.csv'), targets);
    await rm(join(data, 'plan'), { recursive: true });
    const noPlan = await suggest(data, metrics);
    expect(noPlan.code).toBe(1);
    expect(noPlan.stderr).toContain(`FOLDER_MISSING ${join(data, 'plan', 'tasks.json')}`);
    expect(noPlan.lines).toEqual(['']);
  });
});

describe('kpi plan suggest on the sample', () => {
  it('finds every figure of the tasks the sample promoted in targets.csv, and drafts the ones it left out', async () => {
    const term = fakeTerminal();
    expect(await main(['plan', 'suggest', '--data', 'data/suqian'], term)).toBe(0);
    const lines = term.stdout.join('\n').split('\n');
    const drafted = new Set(drafts(lines).map((d) => Number(/indicators\/(\d+)_/.exec(d.file)?.[1])));
    // Tasks whose every stated figure targets.csv holds (see its notes): none gets a draft. (Task 89 would,
    // for its text's 两个阶段: a count of stages the extractor reads, which the draft shows for the analyst to skip.)
    for (const n of [10, 38, 39, 40, 41, 63, 67, 94]) expect(drafted.has(n), `task ${n}`).toBe(false);
    // Task 6's 指导40户企业, task 13's 2332项 projects, task 61's 强企 10项以上 and task 64's 200项 and 50个 are in no target row.
    for (const n of [6, 13, 61, 64]) expect(drafted.has(n), `task ${n}`).toBe(true);
    expect(lines.some((l) => l.startsWith('缺少的目标行'))).toBe(false);
    expect(lines).toContain('  任务38 task 38 → graduates_attracted：一季度 Q1 0.3万人 = 2023Q1 3000；二季度 Q2 0.7万人 = 2023Q2 7000；三季度 Q3 1.1万人 = 2023Q3 11000；四季度 Q4 1.5万人 = 2023Q4 15000；任务 text 1.5万人 = 2023 全年 year 15000');
  });
});
