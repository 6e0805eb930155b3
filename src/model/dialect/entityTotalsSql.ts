import type { Sql } from '../sql.js';
import { sql } from '../sql.js';
import type { SqlDialect } from './sqlDialect.js';

/** The tables the reduction reads, as the engine (or a warehouse) names them. */
export interface EntityTotalsTables {
  /** Every stored firm-level row: `region, period, variable, entity, value, file_ord` (the file's place in name order). */
  readonly rows: Sql;
  /** The variables summed over firms: a column `code`. */
  readonly variables: Sql;
  /** The derived counts: `flag` (the flag column firms report) and `variable` (the count it makes). */
  readonly flags: Sql;
  /** `rows` holds only the revisions in effect already (the caller picked them once for other uses too): no second pick. */
  readonly inEffect?: boolean;
}

/**
 * The expensive step of firm-level data, in the SQL of `dialect`: firm
 * rows reduced to one value per region × period × variable — the revision
 * in effect of each firm (the file last in name order), summed over firms,
 * or for a derived count the number of firms whose flag is 1 — with the
 * number of firms (`entities`). What comes out is a region-level long
 * observations table (`region, period, variable, value`), a few thousand
 * rows, which the engine takes as it is: the reduction may run on a
 * distributed engine (PostgreSQL, Citus) and only its result come back.
 *
 * @example entityTotalsSql(dialects.postgresql, { rows: sql`firm_rows`, variables: sql`summed`, flags: sql`flags` })
 */
export function entityTotalsSql(dialect: SqlDialect, t: EntityTotalsTables): Sql {
  const columns = sql`SELECT region, period, variable, entity, value FROM ${t.rows}`;
  const inEffect = t.inEffect === true ? columns : dialect.latestPerKey(sql`SELECT region, period, variable, entity, value, file_ord FROM ${t.rows}`, [sql`entity`, sql`period`, sql`variable`], sql`file_ord`);
  return sql`WITH e AS (${inEffect})
    SELECT e.region, e.period, e.variable, ${dialect.stableSum(sql`e.value`)} AS value, CAST(count(*) AS ${dialect.type('integer')}) AS entities
    FROM e JOIN ${t.variables} v ON v.code = e.variable
    GROUP BY e.region, e.period, e.variable
    UNION ALL
    SELECT e.region, e.period, f.variable, CAST(count(*) FILTER (WHERE e.value = 1) AS ${dialect.type('double')}) AS value, CAST(count(*) AS ${dialect.type('integer')}) AS entities
    FROM e JOIN ${t.flags} f ON f.flag = e.variable
    GROUP BY e.region, e.period, f.variable`;
}
