import type { FindingCode, FindingParams } from '../model/finding.js';
import { literal } from '../store/sql.js';

/** Each parameter of a finding as a SQL expression giving its value. */
export type FindingParamsSql<C extends FindingCode> = { readonly [K in keyof FindingParams<C>]-?: string };

/**
 * A JSON expression for one finding of the catalog (`{code, params}`), its
 * parameters computed by SQL. Typed by the code, so a parameter cannot be
 * left out or misspelt.
 *
 * @example findingSql('TARGET_NOT_POSITIVE', { target: 'target' }) // json_object('code', 'TARGET_NOT_POSITIVE', 'params', json_object('target', target))
 */
export function findingSql<C extends FindingCode>(code: C, params: FindingParamsSql<C>): string {
  const pairs = Object.entries(params as Record<string, string>).map(([name, sql]) => `${literal(name)}, ${sql}`);
  return `json_object('code', ${literal(code)}, 'params', json_object(${pairs.join(', ')}))`;
}

/** An empty list of findings, typed so that DuckDB can concatenate it with others. */
export const noFindingsSql = 'CAST([] AS JSON[])';

/** The non-null findings among `items` (SQL expressions that are a finding or NULL). */
export const findingListSql = (items: readonly string[]): string =>
  items.length === 0 ? noFindingsSql : `list_filter([${items.join(', ')}]::JSON[], x -> x IS NOT NULL)`;
