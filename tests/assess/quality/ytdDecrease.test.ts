import { describe, expect, it } from 'vitest';
import { longCsv } from '../../support/fixture.js';
import { findingsOf, runQuality, where } from './qualityRun.js';

describe('YTD_DECREASE: a year-to-date total cannot fall', () => {
  it('is an error where a region’s own report is below its own report of the quarter before', async () => {
    const { findings } = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q2', 'gdp', 90], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q2', 'gdp', 120]]) },
    });
    expect(findingsOf(findings, 'YTD_DECREASE')).toEqual([
      { code: 'YTD_DECREASE', severity: 'error', region: 'A', period: '2023Q2', variable: 'gdp', indicator: null, value: 90, reference: 100, params: { previousPeriod: '2023Q1' } },
    ]);
  });

  it('lets a total stay level, and a new year start again from its first quarter', async () => {
    const { findings } = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2022Q4', 'gdp', 400], ['A', '2023Q1', 'gdp', 100], ['A', '2023Q2', 'gdp', 100]]) },
    });
    expect(findingsOf(findings, 'YTD_DECREASE')).toEqual([]);
  });

  it('reads own reports only: a city total summed from its districts is not judged, the district is', async () => {
    const { findings } = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q2', 'gdp', 60], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q2', 'gdp', 70]]) },
    });
    // The city's sum falls too (150 → 130), but it is no report of the city's.
    expect(where(findingsOf(findings, 'YTD_DECREASE'))).toEqual(['A 2023Q2 gdp']);
  });

  it('leaves stocks alone: a count of platforms may fall', async () => {
    const { findings } = await runQuality({ observations: { 'q.csv': longCsv([['A', '2023Q1', 'rd_platforms', 20], ['A', '2023Q2', 'rd_platforms', 18]]) } });
    expect(findingsOf(findings, 'YTD_DECREASE')).toEqual([]);
  });

  it('judges the latest revision: a later file that corrects the value removes the finding', async () => {
    const first = longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q2', 'gdp', 90]]);
    const wrong = await runQuality({ observations: { '01.csv': first } });
    expect(where(findingsOf(wrong.findings, 'YTD_DECREASE'))).toEqual(['A 2023Q2 gdp']);
    const fixed = await runQuality({ observations: { '01.csv': first, '02_revision.csv': longCsv([['A', '2023Q2', 'gdp', 190]]) } });
    expect(findingsOf(fixed.findings, 'YTD_DECREASE')).toEqual([]);
  });
});
