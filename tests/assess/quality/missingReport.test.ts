import { describe, expect, it } from 'vitest';
import { longCsv } from '../../support/fixture.js';
import { cityOf, findingsOf, runQuality, where } from './qualityRun.js';

describe('MISSING_REPORT: a report that should be there and is not', () => {
  it('warns where a region reported itself a year earlier but not now, with last year’s report as the reference', async () => {
    // At 2023Q1 only D2 reports: 1 of D1's 3 siblings, too few to matter; D1 is missed because of its 2022Q1 report.
    const { findings } = await runQuality({
      regions: cityOf(4),
      observations: { 'q.csv': longCsv([['D1', '2022Q1', 'gdp', 80], ['D2', '2023Q1', 'gdp', 90]]) },
    });
    expect(findingsOf(findings, 'MISSING_REPORT')).toEqual([
      {
        code: 'MISSING_REPORT', severity: 'warning', region: 'D1', period: '2023Q1', variable: 'gdp', indicator: null, value: null, reference: 80,
        params: { previousPeriod: '2022Q1', lastYear: true, siblings: 3, siblingsReported: 1, fallback: 'none', fallbackValue: null },
      },
    ]);
  });

  it('warns where at least half of the siblings reported: 2 of 4 is half, 1 of 4 is not', async () => {
    const half = await runQuality({ regions: cityOf(5), observations: { 'q.csv': longCsv([['D1', '2023Q1', 'gdp', 10], ['D2', '2023Q1', 'gdp', 20]]) } });
    expect(where(findingsOf(half.findings, 'MISSING_REPORT'))).toEqual(['D3 2023Q1 gdp', 'D4 2023Q1 gdp', 'D5 2023Q1 gdp']);
    expect(findingsOf(half.findings, 'MISSING_REPORT')[0]?.params).toMatchObject({ lastYear: false, siblings: 4, siblingsReported: 2 });
    const fewer = await runQuality({ regions: cityOf(5), observations: { 'q.csv': longCsv([['D1', '2023Q1', 'gdp', 10]]) } });
    expect(findingsOf(fewer.findings, 'MISSING_REPORT')).toEqual([]);
  });

  it('says what stands in: the complete sum of the children, nothing until a child reports, or nothing at all', async () => {
    const all = await runQuality({
      observations: { 'q.csv': longCsv([['C', '2022Q1', 'gdp', 300], ['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 210], ['C', '2022Q1', 'good_air_days', 70], ['C', '2023Q1', 'valid_air_days', 90]]) },
    });
    expect(findingsOf(all.findings, 'MISSING_REPORT').map((f) => [f.region, f.variable, f.params.fallback, f.params.fallbackValue])).toEqual([
      ['C', 'gdp', 'children_sum', 310],
      // Air days are not additive: the city's own report is the only one that will do.
      ['C', 'good_air_days', 'none', null],
    ]);
    const partial = await runQuality({ observations: { 'q.csv': longCsv([['C', '2022Q1', 'gdp', 300], ['A', '2022Q1', 'gdp', 100], ['B', '2022Q1', 'gdp', 200], ['A', '2023Q1', 'gdp', 100]]) } });
    expect(findingsOf(partial.findings, 'MISSING_REPORT').map((f) => [f.region, f.params.lastYear, f.params.siblingsReported, f.params.fallback])).toEqual([
      ['C', true, 0, 'children_incomplete'],
      ['B', true, 1, 'none'],
    ]);
  });

  it('expects an annual variable at Q4 only, and says when an earlier year’s report stands in', async () => {
    const q3 = await runQuality({ observations: { 'q.csv': longCsv([['C', '2022', 'population', 500], ['C', '2023Q3', 'gdp', 900]]) } });
    expect(findingsOf(q3.findings, 'MISSING_REPORT').filter((f) => f.variable === 'population')).toEqual([]);
    const q4 = await runQuality({ observations: { 'q.csv': longCsv([['C', '2022', 'population', 500], ['C', '2023Q4', 'gdp', 1200]]) } });
    expect(findingsOf(q4.findings, 'MISSING_REPORT').filter((f) => f.variable === 'population').map((f) => [f.period, f.reference, f.params.fallback, f.params.fallbackValue])).toEqual([
      ['2023Q4', 500, 'earlier_report', 500],
    ]);
  });

  it('is gone once the report is in, in any later file', async () => {
    const first = longCsv([['A', '2022Q1', 'gdp', 80], ['B', '2022Q1', 'gdp', 70], ['B', '2023Q1', 'gdp', 90]]);
    expect(where(findingsOf((await runQuality({ observations: { '01.csv': first } })).findings, 'MISSING_REPORT'))).toEqual(['A 2023Q1 gdp']);
    const late = await runQuality({ observations: { '01.csv': first, '02_late.csv': longCsv([['A', '2023Q1', 'gdp', 85]]) } });
    expect(findingsOf(late.findings, 'MISSING_REPORT')).toEqual([]);
  });
});
