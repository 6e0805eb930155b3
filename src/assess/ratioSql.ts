import type { Sql } from '../model/sql.js';
import { sql } from '../model/sql.js';

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
export const ratioSql = (target: Sql): Sql =>
  sql`CASE WHEN ${target} <= 0 THEN NULL
        WHEN direction = 'higher' THEN actual / ${target}
        WHEN actual <= 0 THEN NULL
        ELSE ${target} / actual END`;

/** A computed column, null unless a finite number (1e308 ÷ 1e-10 is Infinity in DuckDB). */
export const finiteColumn = (column: Sql): Sql => sql`CASE WHEN isfinite(${column}) THEN ${column} END`;

/**
 * Whether the actual meets a target: the ratio ≥ 1 where there is one; where
 * the ratio is null although both figures exist (a target of 0 or below, a
 * lower-is-better actual of 0 or below, an overflow), actual ≥ target for
 * higher-is-better and ≤ for lower-is-better, as §5 reads "≥ 1" then.
 * Null when either figure is missing.
 */
export const meetsSql = (ratio: Sql, target: Sql): Sql =>
  sql`CASE WHEN actual IS NULL OR ${target} IS NULL THEN NULL
        WHEN ${ratio} IS NOT NULL THEN ${ratio} >= 1
        WHEN direction = 'higher' THEN actual >= ${target}
        ELSE actual <= ${target} END`;

/** How the measures are reckoned, in the words of a 通报 (the SQL above, said once). */
export const measureWords = {
  attainment: '完成率 = 实际完成 ÷ 目标（至本期），越低越好的指标为 目标（至本期）÷ 实际完成',
  gap: '差距 = 实际完成 − 目标（至本期），百分比类指标单位为个百分点',
  expected: '序时进度：截至本期按进度安排应完成的年度目标比例',
  ahead: '超/落后序时 =（年度进度 − 序时进度）× 100，单位为个百分点',
} as const;

/** Which way an indicator improves, in words. */
export const directionWords = { higher: '越大越好', lower: '越小越好' } as const;
