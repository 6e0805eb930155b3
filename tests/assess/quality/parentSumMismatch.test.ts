import { describe, expect, it } from 'vitest';
import { longCsv } from '../../support/fixture.js';
import { codesOf } from '../../support/matchers.js';
import { findingsOf, runQuality, where } from './qualityRun.js';

describe('PARENT_SUM_MISMATCH: a parent’s own report against the complete sum of its children', () => {
  it('warns beyond dataQualityTolerance, and the figures using that value carry the same finding', async () => {
    const ran = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 300], ['C', '2023Q1', 'gdp', 410], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'rd_expenditure', 3]]) },
    });
    expect(findingsOf(ran.findings, 'PARENT_SUM_MISMATCH')).toEqual([
      { code: 'PARENT_SUM_MISMATCH', severity: 'warning', region: 'C', period: '2023Q1', variable: 'gdp', indicator: null, value: 410, reference: 400, params: { children: 2, tolerance: 0.005 } },
    ]);
    const city = ran.row('rd_intensity', 'C', '2023Q1');
    expect(codesOf(city)).toContain('PARENT_SUM_MISMATCH');
    expect(city.findings.find((f) => f.code === 'PARENT_SUM_MISMATCH')?.params).toEqual({ variable: 'gdp', period: '2023Q1', reported: 410, childrenSum: 400 });
  });

  it('lets a difference of exactly the tolerance pass, and flags one just beyond it', async () => {
    const { findings } = await runQuality({
      settings: { dataQualityTolerance: 0.25 },
      observations: {
        // gdp: |400 − 300| = 0.25 × 400 exactly; high_tech_output: |401 − 300| = 101 > 0.25 × 401.
        'q.csv': longCsv([
          ['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 200], ['C', '2023Q1', 'gdp', 400],
          ['A', '2023Q1', 'high_tech_output', 100], ['B', '2023Q1', 'high_tech_output', 200], ['C', '2023Q1', 'high_tech_output', 401],
        ]),
      },
    });
    expect(findingsOf(findings, 'PARENT_SUM_MISMATCH').map((f) => [f.variable, f.value, f.reference, f.params.tolerance])).toEqual([['high_tech_output', 401, 300, 0.25]]);
  });

  it('compares only a complete sum of rollup children: a missing child, or a unit outside the rollup, is no mismatch', async () => {
    const { findings } = await runQuality({
      regions: 'code,name,parent,level,rollup\nC,City,,city,true\nA,A,C,district,true\nB,B,C,district,true\nZ,Zone,C,zone,false\n',
      observations: {
        'q.csv': longCsv([
          // gdp: A + B = 300 = C; the zone's 50 is not part of the city's sum.
          ['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 200], ['Z', '2023Q1', 'gdp', 50], ['C', '2023Q1', 'gdp', 300],
          // rd_expenditure: B did not report, so there is no sum to compare C's 9 with.
          ['A', '2023Q1', 'rd_expenditure', 2], ['C', '2023Q1', 'rd_expenditure', 9],
        ]),
      },
    });
    expect(findingsOf(findings, 'PARENT_SUM_MISMATCH')).toEqual([]);
  });

  it('lists an annual variable once, at its own report’s period, while every quarter’s figures that read it as-of carry it', async () => {
    const ran = await runQuality({
      observations: {
        'q.csv': longCsv([
          ['A', '2022', 'population', 200], ['B', '2022', 'population', 250], ['C', '2022', 'population', 500],
          ['C', '2023Q1', 'invention_patents', 4000], ['C', '2023Q2', 'invention_patents', 4100],
        ]),
      },
    });
    expect(where(findingsOf(ran.findings, 'PARENT_SUM_MISMATCH'))).toEqual(['C 2022Q4 population']);
    for (const period of ['2023Q1', '2023Q2']) expect(codesOf(ran.row('patents_per_10k', 'C', period))).toContain('PARENT_SUM_MISMATCH');
  });

  it('judges the latest revision: a corrected city total removes the finding from quality.csv and from the figures', async () => {
    const first = longCsv([['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 300], ['C', '2023Q1', 'gdp', 410], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'rd_expenditure', 3]]);
    const fixed = await runQuality({ observations: { '01.csv': first, '02_revision.csv': longCsv([['C', '2023Q1', 'gdp', 401]]) } });
    expect(findingsOf(fixed.findings, 'PARENT_SUM_MISMATCH')).toEqual([]);
    expect(codesOf(fixed.row('rd_intensity', 'C', '2023Q1'))).not.toContain('PARENT_SUM_MISMATCH');
  });
});
