import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

const GOLDEN = 'tests/golden/suqian-results.csv';

describe('kpi run on the bundled sample', () => {
  let out: string;
  let term: ReturnType<typeof fakeTerminal>;
  let code: number;

  beforeAll(async () => {
    out = await tempDir('kpi-cli-');
    term = fakeTerminal();
    code = await main(['run', '--data', 'data/suqian', '--out', out], term);
  });

  it('exits 0 and writes the three results files', () => {
    expect(code).toBe(0);
    for (const f of ['results.csv', 'results.json', 'results.parquet', 'kpi.duckdb']) expect(existsSync(join(out, f))).toBe(true);
  });

  it('renders the latest period with data as a 通报 in report-<period>/', () => {
    for (const f of ['report.html', 'report.xlsx', 'charts/heatmap.vl.json', 'charts/heatmap.svg']) {
      expect(existsSync(join(out, 'report-2023Q4', f)), f).toBe(true);
    }
    expect(existsSync(join(out, 'report-2023Q4', 'charts/heatmap.png')), 'PNG only with --png').toBe(false);
    expect(term.stdout.join('\n')).toContain('通报 report 2023Q4');
  });

  it('tracks the plan at the latest period: completion per lead unit, counted by hand from plan/reports', async () => {
    const units = (await readFile(join(out, 'plan-units.csv'), 'utf8')).split('\r\n');
    // 市财政局 leads tasks 14, 89, 91, 93 (16 milestones due by 2023Q4). Done: 14 all four (Q3 滞后, then 补报 done in
    // the Q4 file); 89 Q1–Q3 (Q4 unreported); 91 Q1 only (推进中, 推进中, 滞后); 93 Q1–Q3 (Q4 推进中) → 4+3+1+3 = 11.
    expect(units).toContain('2023Q4,lead_unit,市财政局,16,11,0.6875,1,5');
    // 市税务局 leads task 20: Q1 unreported, Q2–Q4 done.
    expect(units).toContain('2023Q4,lead_unit,市税务局,4,3,0.75,1,1');
    expect(term.stdout.join('\n')).toContain('计划进度 milestones by lead unit');
  });

  it('writes results.csv exactly as the reviewed golden file (UTF-8 with BOM)', async () => {
    const csv = await readFile(join(out, 'results.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe(await readFile(GOLDEN, 'utf8'));
  });

  it('holds the same rows in results.json and results.parquet as in results.csv', async () => {
    const json = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Record<string, unknown>[];
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const parquet = (await connection.runAndReadAll('SELECT * FROM read_parquet($p)', { p: join(out, 'results.parquet') })).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(parquet).toHaveLength(json.length);
    // Every catalog indicator × the regions it applies to (the city and its nine units, or the city alone) × the sixteen periods 2020Q1–2023Q4.
    const indicators = (await loadCatalog('metrics')).indicators;
    const cityOnly = indicators.filter((i) => i.applies_to?.root === true && i.applies_to.levels === undefined && i.applies_to.regions === undefined).length;
    expect(cityOnly).toBe(12);
    expect(json).toHaveLength(((indicators.length - cityOnly) * 10 + cityOnly) * 16);
    expect(new Set(json.map((r) => r.period)).size).toBe(16);
    for (const [i, row] of json.entries()) {
      const p = parquet[i] as Record<string, unknown>;
      for (const key of ['indicator', 'region', 'period', 'actual', 'target', 'attainment', 'status', 'notes']) expect(p[key]).toEqual(row[key]);
      expect(p.rank === null ? null : Number(p.rank)).toEqual(row.rank);
      expect(JSON.parse(String(p.findings))).toEqual(row.findings);
    }
  });

  it('prints what the README quotes of it, line for line', async () => {
    const readme = await readFile('README.md', 'utf8');
    const quoted = /It prints progress on stderr and a status count per region[^\n]*\n\n(?:<!--[^\n]*-->\n)?```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quoted, 'the README block after "It prints progress on stderr"').toBeDefined();
    const lines = (quoted ?? '').split('\n').filter((l) => l.trim() !== '' && l !== '…');
    expect(lines.length).toBeGreaterThan(3);
    const printed = term.stdout.join('\n').split('\n');
    for (const line of lines) expect(printed, line).toContain(line);
  });

  it('says which period its data-quality rows are in (the 通报 is of the latest)', () => {
    expect(term.stdout.join('\n')).toContain('数据质量提示 data-quality notes: 1 行（期别 period 2023Q2）');
  });

  it('-q prints no progress and no normalization list, and still the summary', async () => {
    const quiet = fakeTerminal();
    expect(await main(['run', '--data', 'data/suqian', '--out', await tempDir('kpi-quiet-'), '--no-report', '-q'], quiet)).toBe(0);
    expect(quiet.stderr.filter((l) => l.includes('完成 done') || l.includes('normalized') || l.includes('计算指标'))).toEqual([]);
    expect(quiet.stdout.join('\n')).toContain('各地区指标状态 status by region');
  });

  it('prints a summary of statuses per region with Chinese labels, and progress on stderr', () => {
    const text = term.stdout.join('\n');
    expect(text).toContain('2023Q4');
    expect(text).toContain('宿迁市');
    expect(text).toContain('已完成');
    expect(term.stderr.some((l) => l.includes('计算指标'))).toBe(true);
  });

  it('stores each file once when run again, and writes byte-identical results', async () => {
    const again = fakeTerminal();
    expect(await main(['run', '--data', 'data/suqian', '--out', out], again)).toBe(0);
    expect(again.stdout.join('\n')).toContain('新增观测 0 条');
    expect(await readFile(join(out, 'results.csv'), 'utf8')).toBe(await readFile(GOLDEN, 'utf8'));
  });
});

describe('kpi command line', () => {
  it('explains itself with --help, with an example', async () => {
    const term = fakeTerminal();
    expect(await main(['--help'], term)).toBe(0);
    expect(term.stdout.join('\n')).toContain('kpi run --data');
    const runHelp = fakeTerminal();
    expect(await main(['run', '--help'], runHelp)).toBe(0);
    expect(runHelp.stdout.join('\n')).toContain('--warning-threshold');
  });

  it('exits 2 on a usage mistake', async () => {
    const term = fakeTerminal();
    expect(await main(['run', '--data', 'data/suqian'], term)).toBe(2);
    expect(await main(['frobnicate'], fakeTerminal())).toBe(2);
  });

  const bin = 'dist/src/cli/bin.js';
  const built = existsSync(bin);
  it.skipIf(!built)('runs as a compiled binary and exits 1 with located messages on a bad data folder (needs `npm run build`)', async () => {
    const { writeFolder, longCsv } = await import('../support/fixture.js');
    const data = await writeFolder({ observations: { 'bad.csv': longCsv([['X9', '2023Q1', 'gdp', 1]]) } });
    const result = await promisify(execFile)('node', [bin, 'run', '--data', data, '--out', join(data, 'out')]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('UNKNOWN_REGION');
    expect(result.stderr).toContain('bad.csv');
    expect(result.stderr).toContain('X9');
    expect(existsSync(join(data, 'out', 'kpi.duckdb'))).toBe(false);
  });
});
