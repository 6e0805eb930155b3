import { describe, expect, it } from 'vitest';
import { formatPeriod, isAfter, makePeriod, parseQuarter, periodAt, periodIndex, quartersOf, storedPeriod } from '../../src/model/period.js';

describe('periods', () => {
  it('reads the stored form YYYYQn only, within 1900–2100', () => {
    expect(parseQuarter('2023Q2')).toEqual({ period: '2023Q2', year: 2023, quarter: 2 });
    for (const text of ['2023', '2023q2', '2023Q5', '2023Q0', '1899Q4', '2101Q1', ' 2023Q2', '2023-Q2']) expect(parseQuarter(text), text).toBeUndefined();
  });

  it('counts quarters the way the SQL’s pidx does (year × 4 + quarter − 1), and back', () => {
    expect(periodIndex(makePeriod(2023, 1))).toBe(2023 * 4);
    expect(periodIndex(makePeriod(2023, 4)) - periodIndex(makePeriod(2022, 4))).toBe(4);
    for (const p of ['1900Q1', '2022Q4', '2023Q1', '2100Q4']) expect(periodAt(periodIndex(storedPeriod(p))).period).toBe(p);
    expect(periodAt(periodIndex(makePeriod(2023, 1)) - 1).period).toBe('2022Q4');
    expect(isAfter(makePeriod(2023, 1), makePeriod(2022, 4))).toBe(true);
  });

  it('lists a year’s quarters and formats a period', () => {
    expect(quartersOf(2023).map((p) => p.period)).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    expect(formatPeriod(2024, 3)).toBe('2024Q3');
  });

  it('calls a stored period that is not YYYYQn a broken invariant', () => {
    expect(() => storedPeriod('2023')).toThrow(/not a stored period/);
  });
});
