import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../src/present/resultColumns.js';
import type { Ran } from '../support/fixture.js';
import { codesOf } from '../support/matchers.js';
import { cityAB, longCsv, runFolder, tempDir } from '../support/fixture.js';

const cityOnly = 'code,name,parent,level\nC,City,,city\n';
const targets = (rows: string[]): string => `indicator,region,year,period,value\n${rows.join('\n')}\n`;
const numericColumns = ['actual', 'target', 'annual_target', 'attainment', 'annual_progress', 'expected_progress', 'gap'] as const;

/** Every number of every results row that is not finite, as `indicator region period column = value`. */
const nonFinite = (ran: Ran): string[] =>
  ran.rows.flatMap((r: ResultRow) =>
    numericColumns
      .filter((c) => typeof r[c] === 'number' && !Number.isFinite(r[c]))
      .map((c) => `${r.indicator} ${r.region} ${r.period} ${c} = ${String(r[c])}`),
  );

/** The shipped catalog plus the given indicators (id → formula), each intensive, level, higher is better. */
async function metricsWith(formulas: Record<string, string>): Promise<string> {
  const dir = await tempDir('kpi-metrics-');
  await cp('metrics', dir, { recursive: true });
  for (const [id, formula] of Object.entries(formulas)) {
    await writeFile(
      join(dir, 'indicators', `90_${id}.yaml`),
      `id: ${id}\nname: 测试 ${id}\nunit: 亿元\ndirection: higher\nscope: intensive\nschedule: level\nformula: '${formula}'\n`,
    );
  }
  return dir;
}

describe('a computed value that is not a finite number is null with a reason (INDICATORS.md §5)', () => {
  it('a sum of children beyond the largest double is null with an overflow note, and so is every sum above it', async () => {
    const ran = await runFolder({
      regions: 'code,name,parent,level\nC,City,,city\nK,County,C,county\nT1,Town 1,K,town\nT2,Town 2,K,town\nD,District,C,district\n',
      targets: targets(['invention_patents,C,2023,,100', 'invention_patents,D,2023,,10', 'invention_patents,K,2023,,10']),
      observations: {
        'q.csv': longCsv([
          ['T1', '2023Q4', 'invention_patents', 1.7e308],
          ['T2', '2023Q4', 'invention_patents', 1.7e308],
          ['D', '2023Q4', 'invention_patents', 4],
        ]),
      },
    });
    expect(nonFinite(ran)).toEqual([]);
    for (const region of ['K', 'C']) {
      const row = ran.row('invention_patents', region, '2023Q4');
      expect(row.actual).toBeNull();
      expect(row.status).toBe('no_data');
      expect(row.rank).toBeNull();
      expect(codesOf(row)).toContain('CHILDREN_SUM_NOT_FINITE');
      // Nothing is missing: every unit reported.
      expect(row.missing_inputs).toBeNull();
      expect(row.missing_children).toBeNull();
    }
    expect(ran.row('invention_patents', 'T1', '2023Q4').actual).toBe(1.7e308);
  });

  it('a formula step that overflows (1.7e308 × 100) gives no actual, no rank and no status but no_data', async () => {
    const ran = await runFolder({
      targets: targets(['rd_intensity,C,2023,,2.2']),
      observations: {
        'q.csv': longCsv([
          ['A', '2023Q2', 'rd_expenditure', 1.7e308],
          ['A', '2023Q2', 'gdp', 1],
          ['B', '2023Q2', 'rd_expenditure', 1],
          ['B', '2023Q2', 'gdp', 100],
        ]),
      },
    });
    expect(nonFinite(ran)).toEqual([]);
    const a = ran.row('rd_intensity', 'A', '2023Q2');
    expect(a.actual).toBeNull();
    expect(a.status).toBe('no_data');
    expect(a.rank).toBeNull();
    expect(a.findings).toContainEqual({ code: 'NOT_FINITE', params: { formula: '(100 * rd_expenditure) / gdp' } });
    expect(ran.row('rd_intensity', 'B', '2023Q2').rank).toBe(1);
  });

  it('exp, power and a division whose result overflows are null with a reason; the other regions still compute', async () => {
    const metrics = await metricsWith({ exp_gdp: 'exp(gdp)', pow_gdp: 'power(gdp, 3)', gdp_per_rd: 'gdp / rd_expenditure' });
    const ran = await runFolder(
      {
        regions: cityOnly,
        observations: { 'q.csv': longCsv([['C', '2023Q2', 'gdp', 1e300], ['C', '2023Q2', 'rd_expenditure', 1e-10], ['C', '2023Q3', 'gdp', 2], ['C', '2023Q3', 'rd_expenditure', 4]]) },
      },
      { metrics },
    );
    expect(nonFinite(ran)).toEqual([]);
    for (const id of ['exp_gdp', 'pow_gdp', 'gdp_per_rd']) {
      const row = ran.row(id, 'C', '2023Q2');
      expect(row.actual).toBeNull();
      expect(codesOf(row)).toContain('NOT_FINITE');
    }
    expect(ran.row('exp_gdp', 'C', '2023Q3').actual).toBeCloseTo(Math.exp(2), 12);
    expect(ran.row('pow_gdp', 'C', '2023Q3').actual).toBe(8);
    expect(ran.row('gdp_per_rd', 'C', '2023Q3').actual).toBe(0.5);
  });

  it('ln of 0 and the square root of a negative number are null with a reason instead of failing the run', async () => {
    const metrics = await metricsWith({ ln_gdp: 'ln(gdp)', root_gap: 'sqrt(gdp - rd_expenditure)' });
    const ran = await runFolder(
      { regions: cityOnly, observations: { 'q.csv': longCsv([['C', '2023Q2', 'gdp', 0], ['C', '2023Q2', 'rd_expenditure', 1]]) } },
      { metrics },
    );
    expect(nonFinite(ran)).toEqual([]);
    expect(ran.row('ln_gdp', 'C', '2023Q2').actual).toBeNull();
    expect(ran.row('ln_gdp', 'C', '2023Q2').findings).toContainEqual({ code: 'NOT_FINITE', params: { formula: 'ln(gdp)' } });
    expect(ran.row('root_gap', 'C', '2023Q2').actual).toBeNull();
    expect(ran.row('root_gap', 'C', '2023Q2').findings).toContainEqual({ code: 'NOT_FINITE', params: { formula: 'sqrt(gdp - rd_expenditure)' } });
  });

  it('an overflowed argument of least() makes the result null rather than being skipped', async () => {
    const metrics = await metricsWith({ capped: 'least(exp(gdp), 5)', rounded: 'round(gdp / 3, 2)' });
    const ran = await runFolder(
      { regions: cityOnly, observations: { 'q.csv': longCsv([['C', '2023Q2', 'gdp', 1000], ['C', '2023Q3', 'gdp', 1]]) } },
      { metrics },
    );
    expect(ran.row('capped', 'C', '2023Q2').actual).toBeNull();
    expect(JSON.stringify(ran.row('capped', 'C', '2023Q2').findings)).toContain('exp(gdp)');
    expect(ran.row('capped', 'C', '2023Q3').actual).toBeCloseTo(Math.E, 12);
    // round's digits reach DuckDB as an integer: 1 / 3 → 0.33
    expect(ran.row('rounded', 'C', '2023Q3').actual).toBe(0.33);
  });

  it('an attainment that overflows (1e308 ÷ 1e-10) is null with a reason; the figure is judged against the target and not ranked', async () => {
    const metrics = await metricsWith({ gdp_level: 'gdp' });
    const ran = await runFolder(
      {
        regions: cityAB,
        targets: targets(['gdp_level,A,2023,,1e-10', 'gdp_level,B,2023,,10']),
        observations: { 'q.csv': longCsv([['A', '2023Q2', 'gdp', 1e308], ['B', '2023Q2', 'gdp', 5]]) },
      },
      { metrics },
    );
    expect(nonFinite(ran)).toEqual([]);
    const a = ran.row('gdp_level', 'A', '2023Q2');
    expect(a.actual).toBe(1e308);
    expect(a.attainment).toBeNull();
    expect(a.annual_progress).toBeNull();
    expect(a.status).toBe('on_track');
    expect(a.rank).toBeNull();
    expect(a.findings).toContainEqual({ code: 'MEASURE_NOT_FINITE', params: { measure: 'attainment' } });
    expect(ran.row('gdp_level', 'B', '2023Q2').rank).toBe(1);
  });
});
