import { literal } from '../store/sql.js';

/**
 * SQL pieces for the ratios of INDICATORS.md §5, over the columns `actual`,
 * `direction` and a target column (`target` or `annual`).
 */

/**
 * actual ÷ target (target ÷ actual for lower-is-better), only over a positive
 * divisor and a positive target: a target of 0 or below makes the ratio
 * meaningless (§5), and so does a lower-is-better actual of 0 or below
 * (target ÷ 0 is a division by zero; a negative actual beats any positive
 * target yet would give a negative ratio).
 */
export const ratioSql = (target: string): string =>
  `CASE WHEN ${target} <= 0 THEN NULL
        WHEN direction = 'higher' THEN actual / ${target}
        WHEN actual <= 0 THEN NULL
        ELSE ${target} / actual END`;

/** A computed column, null unless a finite number (1e308 ÷ 1e-10 is Infinity in DuckDB). */
export const finiteColumn = (column: string): string => `CASE WHEN isfinite(${column}) THEN ${column} END`;

/** The note for a column that was not a finite number. */
export const overflowNote = (column: string, label: string): string =>
  `CASE WHEN NOT isfinite(${column}) THEN ${literal(`数值溢出 overflow: ${label} 不是有限数 is not a finite number`)} END`;

/**
 * Whether the actual meets a target: the ratio ≥ 1 where there is one; where
 * the ratio is null although both figures exist (a target of 0 or below, a
 * lower-is-better actual of 0 or below, an overflow), actual ≥ target for
 * higher-is-better and ≤ for lower-is-better, as §5 reads "≥ 1" then.
 * Null when either figure is missing.
 */
export const meetsSql = (ratio: string, target: string): string =>
  `CASE WHEN actual IS NULL OR ${target} IS NULL THEN NULL
        WHEN ${ratio} IS NOT NULL THEN ${ratio} >= 1
        WHEN direction = 'higher' THEN actual >= ${target}
        ELSE actual <= ${target} END`;
