import type { Region } from '../model/region.js';
import type { Sql } from '../model/sql.js';
import { joinSql, literal, sql } from '../model/sql.js';
import type { IndicatorDefinition } from './indicator.js';

type AppliesTo = IndicatorDefinition['applies_to'];

/**
 * Whether an indicator applies to a region: everywhere unless its definition
 * says `applies_to`, then where the region is the root (`root: true`), is of
 * one of the `levels`, or is one of the `regions`.
 *
 * @example appliesTo({ root: true }, { code: 'C01', parent: null, level: 'city' }) // true
 */
export function appliesTo(where: AppliesTo, region: Pick<Region, 'code' | 'parent' | 'level'>): boolean {
  if (where === undefined) return true;
  return (where.root === true && region.parent === null) || (where.levels?.includes(region.level) ?? false) || (where.regions?.includes(region.code) ?? false);
}

/** {@link appliesTo} as SQL over a region's `code`, `parent` and `level` columns (of `alias`); `true` for an indicator that applies everywhere. */
export function appliesToSql(where: AppliesTo, alias: Sql): Sql {
  if (where === undefined) return sql`true`;
  const tests: Sql[] = [];
  if (where.root === true) tests.push(sql`${alias}.parent IS NULL`);
  if (where.levels) tests.push(sql`${alias}.level IN (${joinSql(where.levels.map(literal))})`);
  if (where.regions) tests.push(sql`${alias}.code IN (${joinSql(where.regions.map(literal))})`);
  return sql`(${joinSql(tests, ' OR ')})`;
}
