/** How many earlier years the seasonal factors look back (OUTLOOK.md §2: `Y−3 … Y−1`). */
export const FACTOR_YEARS = 3;

/** One earlier year's ratio of its year-end figure to its figure at the same quarter. */
export interface SeasonalFactor {
  readonly year: number;
  /** actual(yQq). */
  readonly atQuarter: number;
  /** actual(yQ4). */
  readonly atYearEnd: number;
  /** g_y = actual(yQ4) ÷ actual(yQq). */
  readonly factor: number;
}

/** A region's actual of one indicator at a quarter of a year; null when there is none. */
export type ActualAt = (year: number, quarter: number) => number | null;

/**
 * G for one region at quarter `quarter` of `year` (OUTLOOK.md §2): for each
 * earlier year `y` in `year − 3 … year − 1` where both `actual(yQquarter)`
 * and `actual(yQ4)` exist and the quarter's is not 0, `g_y = actual(yQ4) ÷
 * actual(yQquarter)`, oldest year first. A ratio too large for a number
 * (a quarter's figure of 1e-320) is skipped like a zero.
 *
 * @example
 * // Q2 figures 40 and 50, year-end figures 100 and 110:
 * seasonalFactors((y, q) => ({ '2021Q2': 40, '2021Q4': 100, '2022Q2': 50, '2022Q4': 110 })[`${y}Q${q}`] ?? null, 2023, 2)
 * // [{ year: 2021, atQuarter: 40, atYearEnd: 100, factor: 2.5 }, { year: 2022, atQuarter: 50, atYearEnd: 110, factor: 2.2 }]
 */
export function seasonalFactors(actualAt: ActualAt, year: number, quarter: number): SeasonalFactor[] {
  const factors: SeasonalFactor[] = [];
  for (let y = year - FACTOR_YEARS; y < year; y++) {
    const atQuarter = actualAt(y, quarter);
    const atYearEnd = actualAt(y, 4);
    if (atQuarter === null || atYearEnd === null || atQuarter === 0) continue;
    const factor = atYearEnd / atQuarter;
    if (Number.isFinite(factor)) factors.push({ year: y, atQuarter, atYearEnd, factor });
  }
  return factors;
}
