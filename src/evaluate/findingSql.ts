import type { FindingCode, FindingParams } from '../model/finding.js';
import type { Sql } from '../model/sql.js';
import { joinSql, literal, sql } from '../model/sql.js';

/** Each parameter of a finding as a SQL expression giving its value. */
export type FindingParamsSql<C extends FindingCode> = { readonly [K in keyof FindingParams<C>]-?: Sql };

/**
 * A JSON expression for one finding of the catalog (`{code, params}`), its
 * parameters computed by SQL. Typed by the code, so a parameter cannot be
 * left out or misspelt.
 *
 * @example findingSql('TARGET_NOT_POSITIVE', { target: sql`target` }) // json_object('code', 'TARGET_NOT_POSITIVE', 'params', json_object('target', target))
 */
export function findingSql<C extends FindingCode>(code: C, params: FindingParamsSql<C>): Sql {
  const pairs = Object.entries(params as Record<string, Sql>).map(([name, value]) => sql`${literal(name)}, ${value}`);
  return sql`json_object('code', ${literal(code)}, 'params', json_object(${joinSql(pairs)}))`;
}

/** An empty list of findings, typed so that DuckDB can concatenate it with others. */
export const noFindingsSql = sql`CAST([] AS JSON[])`;

/** The non-null findings among `items` (SQL expressions that are a finding or NULL). */
export const findingListSql = (items: readonly Sql[]): Sql =>
  items.length === 0 ? noFindingsSql : sql`list_filter([${joinSql(items)}]::JSON[], x -> x IS NOT NULL)`;
