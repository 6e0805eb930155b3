import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { recomputeJob } from '../../src/engine/runJob.js';
import type { Ran } from '../support/fixture.js';
import { longCsv, runFolder, tempDir } from '../support/fixture.js';
import { expectClose } from '../support/matchers.js';
import { fakeTerminal } from '../support/terminal.js';

/** City C with districts A and B; town B1 under B (not summed into it). */
const regions = `code,name,parent,level,rollup
C,City,,city,true
A,District A,C,district,true
B,District B,C,district,true
B1,Town B1,B,town,false
`;

/**
 * talents_introduced (linear, year to date, higher is better, lead unit 市委组织部).
 * C reports its own figures; A has two years of history; B and B1 only 2023Q2.
 */
const observations = longCsv([
  ['C', '2021Q2', 'talents_introduced', 20],
  ['C', '2021Q4', 'talents_introduced', 50],
  ['C', '2022Q2', 'talents_introduced', 30],
  ['C', '2022Q4', 'talents_introduced', 66],
  ['C', '2023Q2', 'talents_introduced', 40],
  ['A', '2021Q2', 'talents_introduced', 10],
  ['A', '2021Q4', 'talents_introduced', 25],
  ['A', '2022Q2', 'talents_introduced', 12],
  ['A', '2022Q4', 'talents_introduced', 24],
  ['A', '2023Q2', 'talents_introduced', 15],
  ['B', '2023Q2', 'talents_introduced', 5],
  ['B1', '2023Q2', 'talents_introduced', 2],
]);

const targets = 'indicator,region,year,period,value\ntalents_introduced,C,2023,,100\ntalents_introduced,A,2023,,36\n';

describe('the outlook of a run (OUTLOOK.md §1–4), end to end on a tiny folder', () => {
  let ran: Ran;
  beforeAll(async () => {
    ran = await runFolder({ regions, targets, observations: { 'talents.csv': observations } });
  });

  it('adds the outlook columns after every existing column of results.csv, in order', async () => {
    const header = (await readFile(join(ran.out, 'results.csv'), 'utf8')).split('\r\n')[0] ?? '';
    expect(header.endsWith(',notes,findings,actual_prev_year,yoy_change,yoy_growth,projected,projected_low,projected_high,probability,projection_basis,pace_so_far,pace_needed')).toBe(true);
  });

  it('projects the city with its own two years: G = [50/20, 66/30], range, probability and pace', () => {
    const c = ran.row('talents_introduced', 'C', '2023Q2');
    expect([c.actual_prev_year, c.yoy_change]).toEqual([30, 10]);
    expectClose(c.yoy_growth, 1 / 3);
    // 40 × mean(2.5, 2.2) = 94; 40 × 2.2 = 88 … 40 × 2.5 = 100; σ = 40 × 0.212132… = 8.4853; P(X ≥ 100) = 1 − Φ(0.7071).
    expectClose(c.projected, 94);
    expectClose(c.projected_low, 88);
    expectClose(c.projected_high, 100);
    expectClose(c.probability, 0.23975006109347663, 1e-7);
    expect(c.projection_basis).toBe('own');
    expect(c.pace_so_far).toBe(20);
    expect(c.pace_needed).toBe(30);
  });

  it('projects a district with its own history: G = [25/10, 24/12]', () => {
    const a = ran.row('talents_introduced', 'A', '2023Q2');
    expectClose(a.projected, 33.75);
    expect([a.projected_low, a.projected_high]).toEqual([30, 37.5]);
    // σ = 15 × sd(2.5, 2) = 5.3033; P(X ≥ 36) = 1 − Φ(2.25 / 5.3033).
    expectClose(a.probability, 0.3356866202704363, 1e-7);
    expect([a.pace_so_far, a.pace_needed]).toEqual([7.5, 10.5]);
  });

  it('inherits the city’s factors for a district and a town without history; without a target, no probability or pace', () => {
    const b = ran.row('talents_introduced', 'B', '2023Q2');
    expect(b.projection_basis).toBe('inherited:C');
    expectClose(b.projected, 5 * 2.35);
    expect([b.probability, b.pace_so_far, b.pace_needed]).toEqual([null, null, null]);
    const town = ran.row('talents_introduced', 'B1', '2023Q2');
    expect(town.projection_basis).toBe('inherited:C');
    expectClose(town.projected, 2 * 2.35);
  });

  it('uses the default factor 4/q where nobody has history, and projects nothing at Q4', () => {
    const first = ran.row('talents_introduced', 'C', '2021Q2');
    expect(first.projection_basis).toBe('default');
    expect(first.projected).toBe(40);
    const q4 = ran.row('talents_introduced', 'C', '2022Q4');
    expect([q4.projected, q4.projection_basis, q4.pace_needed]).toEqual([null, null, null]);
    expect(q4.actual_prev_year).toBe(50);
  });

  it('writes warnings.csv, most serious first, and says how many the latest period has', async () => {
    const csv = await readFile(join(ran.out, 'warnings.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFperiod,indicator,indicator_name,region,region_name,actual,annual_target,projected,probability,shortfall,lead_units\r\n')).toBe(true);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
    // A: 33.75 / 36 − 1 = −0.0625 before C: 94 / 100 − 1 = −0.06. B and B1 have no target.
    expect(lines.map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['2023Q2,talents_introduced,引进高层次人才及团队,A', '2023Q2,talents_introduced,引进高层次人才及团队,C']);
    expect(lines[0]).toMatch(/^2023Q2,talents_introduced,引进高层次人才及团队,A,District A,15,36,33\.75,0\.3356866\d*,2\.25,市委组织部$/);
    expect(ran.summary.earlyWarnings).toEqual({ period: '2023Q2', count: 2 });
    expect(ran.summary.files.map((f) => f.split('/').at(-1))).toContain('warnings.csv');
  });

  it('publishes warnings.csv with the run, so recomputing the run (--as-of) writes it byte for byte', async () => {
    const again = await tempDir('kpi-outlook-asof-');
    await recomputeJob({ db: join(ran.out, 'kpi.duckdb'), asOf: ran.summary.runId, out: again });
    expect(await readFile(join(again, 'warnings.csv'), 'utf8')).toBe(await readFile(join(ran.out, 'warnings.csv'), 'utf8'));
    expect(await readFile(join(again, 'results.csv'), 'utf8')).toBe(await readFile(join(ran.out, 'results.csv'), 'utf8'));
  });

  it('explains a projection: the factors by year, whose history, the range, the probability and the pace', async () => {
    const term = fakeTerminal();
    expect(await main(['explain', 'talents_introduced', 'C', '2023Q2', '--db', join(ran.out, 'kpi.duckdb')], term)).toBe(0);
    const text = term.stdout.join('\n');
    expect(text).toContain('同比 year over year: 上年同期 a year earlier（2022Q2）30；增减 change 10');
    expect(text).toContain('取自 from 本级历史 own history of City（C）');
    expect(text).toContain('  2021: 2021Q4 50 ÷ 2021Q2 20 = 2.5');
    expect(text).toContain('  2022: 2022Q4 66 ÷ 2022Q2 30 = 2.2');
    expect(text).toMatch(/区间 range = 40 × min\(G\) 2\.2 … 40 × max\(G\) 2\.5 = 88\S* … 100/);
    expect(text).toMatch(/达标概率 probability P\(年末 year end ≥ 年度目标 annual target 100\) = 0\.2397/);
    expect(text).toContain('需季均完成 pace: 已完成季均 so far 40 ÷ 2 = 20；尚需每季 needed per quarter (100 − 40) ÷ 2 = 30');
    const town = fakeTerminal();
    expect(await main(['explain', 'talents_introduced', 'B1', '2023Q2', '--db', join(ran.out, 'kpi.duckdb')], town)).toBe(0);
    expect(town.stdout.join('\n')).toContain('上级历史 history of City（C），本级无 (none of its own)');
  });
});

describe('kpi diff compares the outlook too', () => {
  it('a revised year-end of last year moves this year\'s projection, and the diff says which fields moved', async () => {
    const { writeFolder } = await import('../support/fixture.js');
    const { diffRuns } = await import('../../src/engine/diffRuns.js');
    const { Store } = await import('../../src/store/store.js');
    const { runJob } = await import('../../src/engine/runJob.js');
    const { writeFile } = await import('node:fs/promises');
    const data = await writeFolder({ regions, targets, observations: { 'talents.csv': observations } });
    const out = join(data, 'out');
    await runJob({ data, out });
    // C's 2022 year-end revised 66 → 72: G for 2023Q2 goes from [2.5, 2.2] to [2.5, 2.4] (mean 2.45: projected 94 → 98, low 88 → 96, high stays 100); C's 2023Q2 actual stays 40.
    await writeFile(join(data, 'observations', 'talents_revision.csv'), longCsv([['C', '2022Q4', 'talents_introduced', 72]]));
    await runJob({ data, out });
    const store = await Store.open(join(out, 'kpi.duckdb'), { existing: true });
    try {
      const diff = await diffRuns(store, 1, 2);
      const c = diff.figures.find((f) => f.indicator === 'talents_introduced' && f.region === 'C' && f.period === '2023Q2');
      expect(c?.changes.map((x) => x.field)).toEqual(['projected', 'projected_low', 'probability']);
      expect(c?.changes.find((x) => x.field === 'projected')).toMatchObject({ before: 94, after: 98 });
      expect(c?.changes.some((x) => x.field === 'actual')).toBe(false);
    } finally {
      store.close();
    }
  });
});
