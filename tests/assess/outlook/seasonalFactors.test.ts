import { describe, expect, it } from 'vitest';
import type { ActualAt } from '../../../src/assess/outlook/seasonalFactors.js';
import { seasonalFactors } from '../../../src/assess/outlook/seasonalFactors.js';

/** A region's actuals by period, as `seasonalFactors` looks them up. */
const history = (figures: Record<string, number>): ActualAt => (year, quarter) => figures[`${year}Q${quarter}`] ?? null;

describe('seasonal factors G (OUTLOOK.md §2)', () => {
  it('are year end ÷ the same quarter for each of the three years before, oldest first', () => {
    // 2019 is four years before 2023: not used.
    const actual = history({ '2019Q2': 1, '2019Q4': 9, '2020Q2': 40, '2020Q4': 100, '2021Q2': 50, '2021Q4': 110, '2022Q2': 20, '2022Q4': 60 });
    expect(seasonalFactors(actual, 2023, 2)).toEqual([
      { year: 2020, atQuarter: 40, atYearEnd: 100, factor: 2.5 },
      { year: 2021, atQuarter: 50, atYearEnd: 110, factor: 2.2 },
      { year: 2022, atQuarter: 20, atYearEnd: 60, factor: 3 },
    ]);
  });

  it('skip a year whose figure at the quarter is 0 (actual(yQq) ≠ 0)', () => {
    const actual = history({ '2021Q1': 0, '2021Q4': 80, '2022Q1': 20, '2022Q4': 90 });
    expect(seasonalFactors(actual, 2023, 1).map((g) => [g.year, g.factor])).toEqual([[2022, 4.5]]);
  });

  it('skip a year missing either its quarter or its year-end figure', () => {
    const actual = history({ '2020Q3': 30, '2021Q4': 80, '2022Q3': 60, '2022Q4': 90 });
    expect(seasonalFactors(actual, 2023, 3).map((g) => [g.year, g.factor])).toEqual([[2022, 1.5]]);
  });

  it('are empty for a region with no history', () => {
    expect(seasonalFactors(history({}), 2023, 2)).toEqual([]);
  });
});
