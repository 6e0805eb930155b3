import { describe, expect, it } from 'vitest';
import { longCsv } from '../../support/fixture.js';
import { cityOf, findingsOf, runQuality, where } from './qualityRun.js';

describe('STOCK_JUMP: a level that moves by more than jumpTolerance in a quarter', () => {
  it('warns beyond 50 % of the previous value either way, and not at exactly 50 %', async () => {
    const { findings } = await runQuality({
      regions: cityOf(4),
      observations: {
        'q.csv': longCsv([
          ['D1', '2023Q1', 'rd_platforms', 100], ['D1', '2023Q2', 'rd_platforms', 151],
          ['D2', '2023Q1', 'rd_platforms', 100], ['D2', '2023Q2', 'rd_platforms', 150],
          ['D3', '2023Q1', 'rd_platforms', 100], ['D3', '2023Q2', 'rd_platforms', 49],
          ['D4', '2023Q1', 'rd_platforms', 100], ['D4', '2023Q2', 'rd_platforms', 50],
        ]),
      },
    });
    const jumps = findingsOf(findings, 'STOCK_JUMP');
    expect(where(jumps)).toEqual(['D1 2023Q2 rd_platforms', 'D3 2023Q2 rd_platforms']);
    expect(jumps[0]).toEqual({
      code: 'STOCK_JUMP', severity: 'warning', region: 'D1', period: '2023Q2', variable: 'rd_platforms', indicator: null,
      value: 151, reference: 100, params: { previousPeriod: '2023Q1', tolerance: 0.5 },
    });
  });

  it('compares across a year’s end, and takes its tolerance from settings.json', async () => {
    const { findings } = await runQuality({
      settings: { jumpTolerance: 0.2 },
      observations: { 'q.csv': longCsv([['A', '2022Q4', 'incubators', 10], ['A', '2023Q1', 'incubators', 13], ['B', '2022Q4', 'incubators', 10], ['B', '2023Q1', 'incubators', 12]]) },
    });
    expect(findingsOf(findings, 'STOCK_JUMP').map((f) => [f.region, f.params.previousPeriod, f.params.tolerance])).toEqual([['A', '2022Q4', 0.2]]);
  });

  it('takes any change from 0 as a jump, and 0 staying 0 as none', async () => {
    const { findings } = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2023Q1', 'incubators', 0], ['A', '2023Q2', 'incubators', 1], ['B', '2023Q1', 'incubators', 0], ['B', '2023Q2', 'incubators', 0]]) },
    });
    expect(where(findingsOf(findings, 'STOCK_JUMP'))).toEqual(['A 2023Q2 incubators']);
  });

  it('reads own reports of quarterly stocks only: not flows, not annual population, not a city’s sum', async () => {
    const { findings } = await runQuality({
      observations: {
        'q.csv': longCsv([
          ['A', '2023Q1', 'gdp', 100], ['A', '2023Q2', 'gdp', 300],
          ['A', '2022', 'population', 50], ['A', '2023', 'population', 90],
          ['A', '2023Q1', 'rd_platforms', 10], ['A', '2023Q2', 'rd_platforms', 30],
          ['B', '2023Q1', 'rd_platforms', 100], ['B', '2023Q2', 'rd_platforms', 100],
        ]),
      },
    });
    // The city's sum moves 110 → 130 (18 %); only A's own 10 → 30 is a jump.
    expect(where(findingsOf(findings, 'STOCK_JUMP'))).toEqual(['A 2023Q2 rd_platforms']);
  });

  it('judges the latest revision: a later file that corrects the value removes the finding', async () => {
    const first = longCsv([['A', '2023Q1', 'rd_platforms', 10], ['A', '2023Q2', 'rd_platforms', 100]]);
    expect(findingsOf((await runQuality({ observations: { '01.csv': first } })).findings, 'STOCK_JUMP')).toHaveLength(1);
    const fixed = await runQuality({ observations: { '01.csv': first, '02_revision.csv': longCsv([['A', '2023Q2', 'rd_platforms', 11]]) } });
    expect(findingsOf(fixed.findings, 'STOCK_JUMP')).toEqual([]);
  });
});
