import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RunDiff } from '../../src/engine/diffRuns.js';
import type { Explanation, FigureInput } from '../../src/engine/explainFigure.js';
import type { History } from '../../src/engine/history.js';
import { recomputeJob, runJob } from '../../src/engine/runJob.js';
import type { RunRecord } from '../../src/store/runs.js';
import { ENGINE_VERSION } from '../../src/version.js';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';
import { like } from '../support/matchers.js';
import { fakeTerminal } from '../support/terminal.js';

/*
 * The sample is run (run 1), one input is revised by a new file — 泗洪县's
 * GDP for 2023Q2 — and it is run again (run 2). Then: history, diff, as-of
 * and explain, each through the CLI as an analyst would call it.
 */
let work: string;
let data: string;
let db: string;

/** Result rows keyed `indicator|region|period` → the row's CSV line. */
async function resultLines(folder: string): Promise<Map<string, string>> {
  const lines = (await readFile(join(folder, 'results.csv'), 'utf8')).split('\r\n').slice(1).filter(Boolean);
  return new Map(lines.map((l) => [l.split(',').slice(0, 3).join('|'), l]));
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const term = fakeTerminal();
  const code = await main(args, term);
  return { code, out: term.stdout.join('\n'), err: term.stderr.join('\n') };
}

beforeAll(async () => {
  work = await tempDir('kpi-publication-');
  data = join(work, 'data');
  await cp('data/suqian', data, { recursive: true });
  db = join(work, 'kpi.duckdb');
  await runJob({ data, out: join(work, 'run1'), db, now: new Date('2024-01-10T09:00:00+08:00') });
  await writeFile(join(data, 'observations', '07_revision.csv'), 'region,period,variable,value,note\n321324,2023Q2,gdp,300.5,修订 GDP\n');
  await runJob({ data, out: join(work, 'run2'), db, now: new Date('2024-01-11T09:00:00+08:00') });
}, 120_000);

describe('revisions and publications', () => {
  it('kpi history lists every stored value with file, sha256, row and load time, the latest in effect', async () => {
    const { code, out } = await cli('history', '泗洪县', 'gdp', '2023Q2', '--db', db, '--json');
    expect(code).toBe(0);
    const history = JSON.parse(out) as History;
    expect(history.region).toBe('321324');
    expect(history.revisions).toHaveLength(2);
    const [first, second] = history.revisions;
    expect(first?.current).toBe(false);
    expect(first?.name).toBe('03_2023Q2.xlsx');
    expect(second).toMatchObject({ value: 300.5, name: '07_revision.csv', row: 2, column: 'value', current: true, runId: 2 });
    expect(second?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const text = await cli('history', '321324', 'gdp', '2023Q2', '--db', db);
    expect(text.out).toContain('* #2  值 value 300.5');
  });

  it('records each run as a publication: inputs with hashes, settings, definitions hash and engine version', async () => {
    const runs = JSON.parse((await cli('runs', '--db', db, '--json')).out) as RunRecord[];
    const [one, two] = runs;
    expect(one).toMatchObject({ runId: 1, status: 'done', asOf: null, engineVersion: ENGINE_VERSION, settings: { warningThreshold: 0.9 } });
    expect(one?.definitionsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(two?.definitionsSha256).toBe(one?.definitionsSha256);
    expect(one?.inputs.map((i) => i.name)).toEqual(['regions.csv', 'targets.csv', '00_2020_2021_history.csv', '01_2022_long.csv', '02_2023Q1_wide.csv', '03_2023Q2.xlsx', '04_2023Q3.json', '05_2023Q4.parquet', '06_2023Q2_revision.csv', '07_2023_plan_programmes.csv', 'tasks.json', '2023Q1.csv', '2023Q2.csv', '2023Q3.csv', '2023Q4.csv']);
    expect(two?.inputs.filter((i) => i.status === 'loaded').map((i) => i.name)).toEqual(['07_revision.csv']);
    for (const i of two?.inputs ?? []) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { code, out } = await cli('diff', '1', '2', '--db', db, '--json');
    expect(code).toBe(0);
    const diff = JSON.parse(out) as RunDiff;
    expect(diff.revisedInputs).toEqual([{ region: '321324', variable: 'gdp', period: '2023Q2', before: like.any(Number), after: 300.5, file: '07_revision.csv', row: 2, beforeFile: '03_2023Q2.xlsx', withdrawn: false }]);
    expect(diff.changedTargets).toEqual([]);
    expect(diff.otherChanges).toEqual([]);
  });

  it('kpi diff names exactly the figures that changed, each with the revised input it depends on', async () => {
    const [before, after] = [await resultLines(join(work, 'run1')), await resultLines(join(work, 'run2'))];
    const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
    const diff = JSON.parse((await cli('diff', '1', '2', '--db', db, '--json')).out) as RunDiff;
    expect(diff.figures.map((f) => `${f.indicator}|${f.region}|${f.period}`).sort()).toEqual(changed);

    // By hand: GDP feeds rd_intensity and tech_contract_share. The city reports its own 2023Q2 GDP, so only 泗洪县's
    // figures move; the city's rows change only in their data-quality finding (its own GDP against its units' new sum).
    const valueChanges = diff.figures.filter((f) => f.changes.some((c) => c.field !== 'rank' && c.field !== 'findings'));
    expect(valueChanges.map((f) => `${f.indicator}|${f.region}|${f.period}`).sort()).toEqual(['rd_intensity|321324|2023Q2', 'tech_contract_share|321324|2023Q2']);
    const noted = diff.figures.filter((f) => f.changes.every((c) => c.field === 'findings'));
    expect(noted.map((f) => `${f.indicator}|${f.region}|${f.period}`).sort()).toEqual(['rd_intensity|321300|2023Q2', 'tech_contract_share|321300|2023Q2']);
    for (const f of noted) expect(f.reasons.join(' ')).toContain('321324）gdp 2023Q2 修订 revised');
    for (const f of valueChanges) expect(f.reasons.join(' ')).toContain('321324）gdp 2023Q2 修订 revised');
    // Everything else that changed is a sibling's rank, and says so.
    for (const f of diff.figures.filter((x) => !valueChanges.includes(x) && !noted.includes(x))) {
      expect(f.changes.map((c) => c.field)).toEqual(['rank']);
      expect(f.reasons.join(' ')).toContain('rank moved');
    }
  });

  it('kpi run --as-of the first run reproduces its results byte for byte, from the database alone', async () => {
    const out = join(work, 'asof1');
    const { code } = await cli('run', '--as-of', '1', '--db', db, '--out', out, '--no-report', '--quiet');
    expect(code).toBe(0);
    for (const f of ['results.csv', 'results.json', 'results.parquet']) {
      expect((await readFile(join(out, f))).equals(await readFile(join(work, 'run1', f))), f).toBe(true);
    }
    // A time works too: the last run at or before it.
    const byTime = await recomputeJob({ db, asOf: new Date('2024-01-10T12:00:00+08:00'), out: join(work, 'asof-time') });
    expect(byTime.asOf).toBe(1);
    expect((await readFile(join(work, 'asof-time', 'results.csv'))).equals(await readFile(join(work, 'run1', 'results.csv')))).toBe(true);
  });
});

describe('kpi diff across a withdrawn and a new file', () => {
  it('lists figures only one run has in output order — regions as listed, then periods — and why each went or came', async () => {
    const folder = await writeFolder({
      targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n',
      observations: {
        'a.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q1', 'rd_expenditure', 1]]),
        'b.csv': longCsv([['A', '2023Q2', 'gdp', 200], ['A', '2023Q2', 'rd_expenditure', 5], ['B', '2023Q2', 'gdp', 80], ['B', '2023Q2', 'rd_expenditure', 1]]),
      },
    });
    const database = join(folder, 'kpi.duckdb');
    await runJob({ data: folder, out: join(folder, 'out1'), db: database });
    await rm(join(folder, 'observations', 'a.csv'));
    await writeFile(join(folder, 'observations', 'c.csv'), longCsv([['A', '2023Q3', 'gdp', 300], ['A', '2023Q3', 'rd_expenditure', 9]]));
    await runJob({ data: folder, out: join(folder, 'out2'), db: database });
    const diff = JSON.parse((await cli('diff', '1', '2', '--db', database, '--json')).out) as RunDiff;
    const rd = diff.figures.filter((f) => f.indicator === 'rd_intensity');
    // 2023Q1 is gone (a.csv withdrawn), 2023Q3 is new; 2023Q2 is unchanged.
    expect(rd.map((f) => `${f.region} ${f.period}`)).toEqual(['C 2023Q1', 'C 2023Q3', 'A 2023Q1', 'A 2023Q3', 'B 2023Q1', 'B 2023Q3']);
    const gone = rd.find((f) => f.region === 'A' && f.period === '2023Q1');
    expect(gone?.changes.find((c) => c.field === 'actual')).toEqual({ field: 'actual', before: 2, after: null });
    expect(gone?.changes.find((c) => c.field === 'findings')).toEqual({ field: 'findings', before: '目标继承自 target inherited from City(C)', after: null });
    expect(gone?.reasons.join(' ')).toContain('a.csv 已不在数据文件夹中');
  });
});

describe('kpi explain', () => {
  it('reproduces a city ratio from its districts’ inputs, by hand-checkable arithmetic', async () => {
    const { code, out } = await cli('explain', 'rd_intensity', '宿迁市', '2023Q1', '--db', db, '--json');
    expect(code).toBe(0);
    const e = JSON.parse(out) as Explanation;
    const [rd, gdp] = e.inputs as readonly [FigureInput, FigureInput];
    expect(rd.variable).toBe('rd_expenditure');
    expect(rd.origin).toBe('sum');
    const children = rd.children ?? [];
    expect(children).toHaveLength(9);
    for (const child of children) {
      expect(child.origin).toBe('reported');
      expect(child.observation?.file).toMatch(/02_2023Q1_wide\.csv$/);
      expect(child.observation?.row).toBeGreaterThan(1);
    }
    const sum = children.reduce((n, c) => n + (c.value ?? 0), 0);
    expect(rd.value).toBeCloseTo(sum, 10);
    expect(gdp.origin).toBe('reported');
    expect(e.result.actual).toBeCloseTo((100 * sum) / (gdp.value ?? NaN), 12);
    expect(e.arithmetic).toContain(`100 × ${rd.value} ÷ ${gdp.value} = ${e.result.actual}`);
    expect(e.target.source).toEqual({ region: '321300', name: '宿迁市', inherited: false });
    expect(e.target.rows[0]).toMatchObject({ row: 2, value: 2.2 });
    expect(e.statusRule).toContain('预警 warning');
  });

  it('names the ancestor a district inherits its target from, and the status rule that fired', async () => {
    const e = JSON.parse((await cli('explain', 'rd_intensity', '321322', '2023Q2', '--db', db, '--json')).out) as Explanation;
    expect(e.target.source).toEqual({ region: '321300', name: '宿迁市', inherited: true });
    expect(e.result.status).toBe('behind');
    expect(e.statusRule).toContain(`完成率 ${e.result.attainment} < 预警线 0.9`);
    const text = (await cli('explain', 'rd_intensity', '321322', '2023Q2', '--db', db)).out;
    expect(text).toContain('继承自 inherited from 宿迁市（321300）');
    expect(text).toContain('判定 status: 滞后 behind');
  });

  it('explains a figure from the run asked for, with the revised value it used and how many revisions there are', async () => {
    const e = JSON.parse((await cli('explain', 'rd_intensity', '321324', '2023Q2', '--db', db, '--run', '2', '--json')).out) as Explanation;
    expect(e.runId).toBe(2);
    const gdp = e.inputs.find((i) => i.variable === 'gdp');
    expect(gdp?.value).toBe(300.5);
    expect(gdp?.observation).toMatchObject({ row: 2, revisions: 2 });
    expect(gdp?.observation?.file).toMatch(/07_revision\.csv$/);
  });

  it('exits 1 with a clear code for a figure that is not there, 2 without --db', async () => {
    const missing = await cli('explain', 'rd_intensity', '不存在的区', '2023Q1', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NO_FIGURE');
    expect((await cli('explain', 'rd_intensity', '321300', '2023Q1')).code).toBe(2);
  });
});

describe('reproducible results', () => {
  it('the same inputs and settings give byte-identical results files, in fresh databases at different times', async () => {
    const [x, y] = [await tempDir('kpi-same-'), await tempDir('kpi-same-')];
    await runJob({ data: 'data/suqian', out: x, now: new Date('2024-02-01T08:00:00Z') });
    await runJob({ data: 'data/suqian', out: y, now: new Date('2024-03-05T17:30:00Z') });
    for (const f of ['results.csv', 'results.json', 'results.parquet']) {
      expect((await readFile(join(x, f))).equals(await readFile(join(y, f))), f).toBe(true);
    }
  }, 60_000);
});
