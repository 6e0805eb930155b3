import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { checkDataFolder } from '../../src/check/checkDataFolder.js';
import { checkMilestoneReports } from '../../src/check/checkMilestoneReports.js';
import { readPeriodLabel } from '../../src/check/periodLabel.js';
import { isError } from '../../src/diagnostics/diagnostic.js';
import { makePeriod, parsePeriod, periodFor } from '../../src/model/period.js';
import { readCsv } from '../../src/read/readCsv.js';
import { longCsv, writeFolder } from '../support/fixture.js';

const now = new Date('2024-02-01T00:00:00+08:00');

/** The errors of checking a folder with these observations files, as [code, row, column, value]. */
async function errorsOf(observations: Record<string, string>, targets?: string) {
  const data = await writeFolder({ observations, ...(targets === undefined ? {} : { targets }) });
  const folder = await checkDataFolder(data, await loadCatalog('metrics'), () => {}, { now });
  return { folder, errors: folder.diagnostics.filter(isError).map((d) => [d.code, d.row, d.column, d.value]) };
}

describe('one period parser with the contract bounds', () => {
  it.each([
    ['2023Q2', { year: 2023, quarter: 2 }],
    ['2023', { year: 2023, quarter: undefined }],
    ['1900Q1', { year: 1900, quarter: 1 }],
    ['2100Q4', { year: 2100, quarter: 4 }],
  ])('%s parses', (text, label) => {
    expect(parsePeriod(text)).toEqual({ ok: true, label });
  });

  it.each([
    ['0023Q2', 'PERIOD_OUT_OF_RANGE'],
    ['1899Q4', 'PERIOD_OUT_OF_RANGE'],
    ['2101Q1', 'PERIOD_OUT_OF_RANGE'],
    ['9999', 'PERIOD_OUT_OF_RANGE'],
    ['2023Q5', 'BAD_PERIOD'],
    ['23Q2', 'BAD_PERIOD'],
  ])('%s is refused as %s', (text, code) => {
    expect(parsePeriod(text)).toMatchObject({ ok: false, code });
  });

  it('a Chinese label outside 1900–2100 is refused like the canonical form', () => {
    expect(readPeriodLabel('0023年二季度')).toMatchObject({ ok: false, code: 'PERIOD_OUT_OF_RANGE' });
    expect(readPeriodLabel('２２２２年1-6月')).toMatchObject({ ok: false, code: 'PERIOD_OUT_OF_RANGE' });
  });

  it('a bare year is a quarterly variable error and an annual variable Q4; another quarter of an annual variable is an error', () => {
    expect(periodFor({ year: 2023, quarter: undefined }, 'quarterly')).toMatchObject({ ok: false, code: 'PERIOD_NEEDS_QUARTER' });
    expect(periodFor({ year: 2023, quarter: undefined }, 'annual')).toEqual({ ok: true, period: makePeriod(2023, 4) });
    expect(periodFor({ year: 2023, quarter: 4 }, 'annual')).toEqual({ ok: true, period: makePeriod(2023, 4) });
    expect(periodFor({ year: 2023, quarter: 2 }, 'annual')).toMatchObject({ ok: false, code: 'ANNUAL_PERIOD_NOT_Q4' });
  });
});

describe('observation periods follow the variable frequency', () => {
  it('a bare year for a quarterly variable is an error, not a Q4 figure that overwrites the real one', async () => {
    const { folder, errors } = await errorsOf({ 'obs.csv': longCsv([['A', '2023Q4', 'gdp', 100], ['A', '2023', 'gdp', 999]]) });
    expect(errors).toEqual([['PERIOD_NEEDS_QUARTER', 3, 'period', '2023']]);
    expect(folder.observationFiles[0]?.observations.map((o) => o.value)).toEqual([100]);
  });

  it('an annual label such as 2023年全年 for a quarterly variable is the same error', async () => {
    const { errors } = await errorsOf({ 'obs.csv': longCsv([['A', '2023年全年', 'gdp', 100]]) });
    expect(errors).toEqual([['PERIOD_NEEDS_QUARTER', 2, 'period', '2023年全年']]);
  });

  it('an annual variable takes 2023 or 2023Q4, and refuses 2023Q2', async () => {
    const { errors } = await errorsOf({ 'obs.csv': longCsv([['A', '2022', 'population', 10], ['B', '2022Q4', 'population', 10], ['C', '2023Q2', 'population', 20]]) });
    expect(errors).toEqual([['ANNUAL_PERIOD_NOT_Q4', 4, 'period', '2023Q2']]);
  });

  it('in a wide file, a bare year is an error once per row for its quarterly columns and fine for its annual one', async () => {
    const { errors } = await errorsOf({ 'obs.csv': 'region,period,gdp,rd_expenditure,population\nA,2022,1,2,10\n' });
    expect(errors).toEqual([['PERIOD_NEEDS_QUARTER', 2, 'period', '2022']]);
  });

  it('0023Q2 is not the year 23, and a year outside 1900–2100 is an error', async () => {
    const { errors } = await errorsOf({ 'obs.csv': longCsv([['A', '0023Q2', 'gdp', 1], ['B', '2101Q1', 'gdp', 1]]) });
    expect(errors).toEqual([
      ['PERIOD_OUT_OF_RANGE', 2, 'period', '0023Q2'],
      ['PERIOD_OUT_OF_RANGE', 3, 'period', '2101Q1'],
    ]);
  });

  it('a target year and a schedule period outside 1900–2100 are errors', async () => {
    const targets = 'indicator,region,year,period,value\nrd_intensity,,0023,,2\nrd_intensity,,2023,0023Q2,1\n';
    const { errors } = await errorsOf({ 'obs.csv': longCsv([['A', '2023Q1', 'gdp', 1]]) }, targets);
    expect(errors).toEqual([
      ['BAD_YEAR', 2, 'year', '0023'],
      ['PERIOD_OUT_OF_RANGE', 3, 'period', '0023Q2'],
    ]);
  });

  it('a milestone report for a year only, or a year out of range, is refused with the precise code', async () => {
    const table = await readCsv('plan/reports/r.csv', new TextEncoder().encode('task,period,status\n1,2023,已完成\n1,0023Q2,已完成\n'));
    const { diagnostics } = checkMilestoneReports(table, { tasks: new Set([1]), year: 2023 });
    expect(diagnostics.map((d) => [d.code, d.row, d.value])).toEqual([
      ['PERIOD_NEEDS_QUARTER', 2, '2023'],
      ['PERIOD_OUT_OF_RANGE', 3, '0023Q2'],
    ]);
  });
});
