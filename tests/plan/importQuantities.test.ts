import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCommand } from '../../src/cli/commands/plan.js';
import type { Plan } from '../../src/plan/planSchema.js';
import { quantitiesCsvColumns } from '../../src/present/writePlan.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

const SEED = 'data/seeds/suqian-2023-innovative-city-plan.txt';

type Row = Record<(typeof quantitiesCsvColumns)[number], string>;

/**
 * `kpi plan import` writes plan/quantities.csv beside tasks.json (issue 10,
 * point 7). The expected rows are read off the seed document by hand:
 * line 106–110 (task 10), 383–387 (task 38), 613–617 (task 61), 643–647 (task 64), 246 (task 24).
 */
describe('kpi plan import writes plan/quantities.csv', () => {
  let out: string;
  let text: string;
  let rows: Row[];
  let plan: Plan;
  let stdout: string;

  beforeAll(async () => {
    out = await tempDir('kpi-plan-quantities-');
    const term = fakeTerminal();
    expect(await planCommand(['import', SEED, '--out', out], term)).toBe(0);
    stdout = term.stdout.join('\n');
    text = await readFile(join(out, 'plan', 'quantities.csv'), 'utf8');
    rows = parse<Row>(text, { columns: true, bom: true });
    plan = JSON.parse(await readFile(join(out, 'plan', 'tasks.json'), 'utf8')) as Plan;
  });

  const pick = (task: number, keys: readonly (keyof Row)[] = ['quarter', 'value', 'unit', 'base_value', 'base_unit', 'qualifier', 'cumulative']) =>
    rows.filter((r) => r.task === String(task)).map((r) => keys.map((k) => r[k]));

  it('is UTF-8 with a BOM and CRLF line ends like tasks.csv, with the documented header', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${quantitiesCsvColumns.join(',')}`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(stdout).toContain(join(out, 'plan', 'quantities.csv'));
  });

  it('task 10: the year’s 120家 from the task text (no quarter), then 30, and 累计 60, 90, 120 new incubated firms', () => {
    expect(pick(10, ['quarter', 'value', 'unit', 'cumulative', 'subject', 'phrase'])).toEqual([
      ['', '120', '家', 'false', '在孵企业', '新增在孵企业数量120家'],
      ['1', '30', '家', 'false', '在孵企业', '新增在孵企业30家'],
      ['2', '60', '家', 'true', '在孵企业', '累计新增在孵企业60家'],
      ['3', '90', '家', 'true', '在孵企业', '累计新增在孵企业90家'],
      ['4', '120', '家', 'true', '在孵企业', '累计新增在孵企业120家'],
    ]);
  });

  it('task 38: graduates 不少于 0.3, 0.7, 1.1, 1.5 万人 kept as written, with 3000 … 15000 人 beside them', () => {
    expect(pick(38)).toEqual([
      ['', '1.5', '万人', '15000', '人', 'at_least', 'true'],
      ['1', '0.3', '万人', '3000', '人', 'at_least', 'false'],
      ['2', '0.7', '万人', '7000', '人', 'at_least', 'false'],
      ['3', '1.1', '万人', '11000', '人', 'at_least', 'false'],
      ['4', '1.5', '万人', '15000', '人', 'at_least', 'false'],
    ]);
  });

  it('task 61: 10项以上 in the task text; patents 突破 3500 → 4000件 each quarter; 30户 new patent-owning firms from Q2', () => {
    const patents = (quarter: string, value: string) => [quarter, value, '件', value, '件', 'more_than', 'true'];
    const firms = (quarter: string) => [quarter, '30', '户', '30', '户', '', 'false'];
    expect(pick(61)).toEqual([
      ['', '10', '项', '10', '项', 'at_least', 'true'],
      patents('1', '3500'),
      patents('2', '3750'),
      firms('2'),
      patents('3', '3850'),
      firms('3'),
      patents('4', '4000'),
      firms('4'),
    ]);
  });

  it('task 64: each quarter’s pledges and their amount 2.5亿元, valued 250000000 元', () => {
    const quarter = (q: string, pledges: string) => [
      [q, pledges, '笔', pledges, '笔', '', 'false'],
      [q, '2.5', '亿元', '250000000', '元', '', 'false'],
    ];
    expect(pick(64).slice(2)).toEqual([...quarter('1', '20'), ...quarter('2', '20'), ...quarter('3', '30'), ...quarter('4', '30')]);
    expect(pick(64, ['quarter', 'value', 'unit', 'subject']).slice(0, 2)).toEqual([
      ['', '200', '项', '高科技成果'],
      ['', '50', '个', '知识产权质押贷款项目'],
    ]);
  });

  it('task 24: a range 1-2家 keeps both ends, as written and in the base unit', () => {
    expect(pick(24, ['quarter', 'value', 'upper_value', 'unit', 'base_value', 'base_upper_value', 'qualifier'])).toEqual([['4', '1', '2', '家', '1', '2', 'at_least']]);
  });

  it('takes every phrase from the cell its row names, and lists rows by task, then the task text, then quarter', () => {
    const cell = (r: Row): string => {
      const task = plan.tasks[Number(r.task) - 1];
      return (r.quarter === '' ? task?.text : task?.milestones[Number(r.quarter) - 1]) ?? '';
    };
    expect(rows.filter((r) => r.phrase === '' || !cell(r).includes(r.phrase))).toEqual([]);
    const order = rows.map((r) => Number(r.task) * 10 + (r.quarter === '' ? 0 : Number(r.quarter)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // A plan number is never an ordinal year: 2023年 is a date, not a quantity.
    expect(rows.filter((r) => r.value === '2023')).toEqual([]);
  });

  it('leaves no half-written file behind', async () => {
    expect((await readdir(join(out, 'plan'))).sort()).toEqual(['quantities.csv', 'tasks.csv', 'tasks.json']);
  });
});
