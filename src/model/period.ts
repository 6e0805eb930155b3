/**
 * Periods as the data contract defines them (CONTRACT.md): a quarter
 * `YYYYQn` with a year from 1900 to 2100, or, for an annual variable, a bare
 * year `YYYY` that means its Q4. This is the one place that says what a
 * period is; every reader of periods in data goes through it.
 */

/** A quarter of a year: `2023Q2` → { period: '2023Q2', year: 2023, quarter: 2 }. */
export interface Period {
  readonly period: string;
  readonly year: number;
  readonly quarter: number;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** How often a variable is reported (INDICATORS.md §1). */
export type Frequency = 'quarterly' | 'annual';

/** Whether `year` is a whole year the contract accepts (1900–2100). */
export const isYearInRange = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

/** `2023Q2`. */
export const formatPeriod = (year: number, quarter: number): string => `${year}Q${quarter}`;

/** A period from its parts; the caller has checked them (see {@link periodOf} for untrusted input). */
export const makePeriod = (year: number, quarter: number): Period => ({ period: formatPeriod(year, quarter), year, quarter });

/** Why a period was refused, as a problem code of the catalog. */
export type PeriodProblem = 'BAD_PERIOD' | 'PERIOD_OUT_OF_RANGE' | 'PERIOD_NEEDS_QUARTER' | 'ANNUAL_PERIOD_NOT_Q4';

export type PeriodCheck = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly code: PeriodProblem; readonly expected: string };

export const YEAR_RANGE_EXPECTED = `${MIN_YEAR}–${MAX_YEAR} 年之间的四位年份 / a four-digit year from ${MIN_YEAR} to ${MAX_YEAR}`;

/** A checked period, or the reason it is not one: a year outside 1900–2100, a quarter outside 1–4. */
export function periodOf(year: number, quarter: number): PeriodCheck {
  if (!isYearInRange(year)) return { ok: false, code: 'PERIOD_OUT_OF_RANGE', expected: YEAR_RANGE_EXPECTED };
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return { ok: false, code: 'BAD_PERIOD', expected: 'YYYYQn，n 为 1–4 / YYYYQn with n from 1 to 4' };
  return { ok: true, period: makePeriod(year, quarter) };
}

/**
 * What a period cell said, before the variable's frequency is known: a year
 * and a quarter, or a year alone (`2023`, `2023年全年`).
 */
export interface PeriodLabel {
  readonly year: number;
  /** Undefined when the label named the year only. */
  readonly quarter: number | undefined;
}

/**
 * The contract's frequency rule: a quarterly variable needs a quarter (a bare
 * year would silently become Q4 and overwrite the Q4 figure); an annual
 * variable is reported as `YYYY` or `YYYYQ4`, and any other quarter is an
 * error, not a guess. The year must be within 1900–2100.
 *
 * @example periodFor({ year: 2023, quarter: undefined }, 'annual') // { ok: true, period: { period: '2023Q4', year: 2023, quarter: 4 } }
 * @example periodFor({ year: 2023, quarter: undefined }, 'quarterly') // { ok: false, code: 'PERIOD_NEEDS_QUARTER', … }
 */
export function periodFor(label: PeriodLabel, frequency: Frequency): PeriodCheck {
  const checked = periodOf(label.year, label.quarter ?? 4);
  if (!checked.ok) return checked;
  if (frequency === 'quarterly' && label.quarter === undefined) {
    return { ok: false, code: 'PERIOD_NEEDS_QUARTER', expected: `季度，如 ${label.year}Q4 或 ${label.year}Q2：季度数据项不能只写年份 / a quarter such as ${label.year}Q4: a quarterly variable needs the quarter` };
  }
  if (frequency === 'annual' && label.quarter !== undefined && label.quarter !== 4) {
    return { ok: false, code: 'ANNUAL_PERIOD_NOT_Q4', expected: `年度数据项写 ${label.year} 或 ${label.year}Q4 / an annual variable is reported as ${label.year} or ${label.year}Q4` };
  }
  return checked;
}

/**
 * Parses the canonical forms only: `YYYYQn` (also `yyyyqn`) and `YYYY`.
 * Anything else, including a year outside 1900–2100 (`0023Q2`), is refused.
 *
 * @example parsePeriod('2023Q2') // { ok: true, label: { year: 2023, quarter: 2 } }
 */
export function parsePeriod(text: string): { readonly ok: true; readonly label: PeriodLabel } | { readonly ok: false; readonly code: PeriodProblem } {
  const match = /^(\d{4})(?:[Qq]([1-4]))?$/.exec(text);
  if (!match) return { ok: false, code: 'BAD_PERIOD' };
  const year = Number(match[1]);
  if (!isYearInRange(year)) return { ok: false, code: 'PERIOD_OUT_OF_RANGE' };
  return { ok: true, label: { year, quarter: match[2] === undefined ? undefined : Number(match[2]) } };
}

/**
 * Quarters since year 0 (2023Q1 is 2023 × 4): for ordering, comparing and
 * stepping through periods. The SQL of the pipeline calls it `pidx` and
 * computes it the same way (`year * 4 + quarter - 1`).
 */
export const periodIndex = (p: Pick<Period, 'year' | 'quarter'>): number => p.year * 4 + p.quarter - 1;

/** The period of a {@link periodIndex}. */
export const periodAt = (index: number): Period => makePeriod(Math.floor(index / 4), (index % 4) + 1);

/** Whether period `a` comes after period `b`. */
export const isAfter = (a: Period, b: Period): boolean => periodIndex(a) > periodIndex(b);

/**
 * A period as results and reports write it, `YYYYQn` exactly (the stored
 * form); undefined for anything else.
 *
 * @example parseQuarter('2023Q2') // { period: '2023Q2', year: 2023, quarter: 2 }
 */
export function parseQuarter(text: string): Period | undefined {
  const match = /^(\d{4})Q([1-4])$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  return isYearInRange(year) ? makePeriod(year, Number(match[2])) : undefined;
}

/** A period the engine stored itself (`YYYYQn`); anything else there is a broken invariant, not bad input. */
export function storedPeriod(text: string): Period {
  const p = parseQuarter(text);
  if (p === undefined) throw new Error(`not a stored period: ${text}`);
  return p;
}

/** The quarters of a year, 1 to 4. */
export const quartersOf = (year: number): Period[] => [1, 2, 3, 4].map((q) => makePeriod(year, q));
