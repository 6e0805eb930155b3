import { finiteOrNull } from './finiteOrNull.js';

/** 同比: a figure against the same quarter a year earlier (OUTLOOK.md §1). */
export interface YearOverYear {
  readonly actualPrevYear: number | null;
  readonly yoyChange: number | null;
  readonly yoyGrowth: number | null;
}

/**
 * The change and growth from `actualPrevYear` (the region's actual at the
 * same quarter of the previous year, null when missing) to `actual`. Growth
 * is over the previous value's magnitude, so a loss shrinking from −40 to −30
 * is growth +0.25; it is null when either value is null or the previous one is 0.
 *
 * @example yearOverYear(120, 100) // { actualPrevYear: 100, yoyChange: 20, yoyGrowth: 0.2 }
 * @example yearOverYear(-30, -40) // { actualPrevYear: -40, yoyChange: 10, yoyGrowth: 0.25 }
 * @example yearOverYear(5, 0) // { actualPrevYear: 0, yoyChange: 5, yoyGrowth: null }
 */
export function yearOverYear(actual: number | null, actualPrevYear: number | null): YearOverYear {
  const yoyChange = actual === null || actualPrevYear === null ? null : finiteOrNull(actual - actualPrevYear);
  const yoyGrowth = yoyChange === null || actualPrevYear === null || actualPrevYear === 0 ? null : finiteOrNull(yoyChange / Math.abs(actualPrevYear));
  return { actualPrevYear, yoyChange, yoyGrowth };
}
