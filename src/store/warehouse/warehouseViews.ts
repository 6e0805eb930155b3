import type { Sql } from '../../model/sql.js';
import { ident, integerLiteral, joinSql, literal, sql } from '../../model/sql.js';
import { resultsOf, resultsViewColumns } from './resultsView.js';
import { warehouseTables } from './warehouseTables.js';

/** The schema the views live in: `warehouse.results`, `warehouse.regions`, …. */
export const WAREHOUSE_SCHEMA = 'warehouse';

/** The run every view shows: the latest published one, as `kpi report` and `kpi export` default to. */
const latestPublished = sql`(SELECT max(run_id) FROM main.runs WHERE status = 'done')`;

const views: readonly { name: string; comment: string; columns: Readonly<Record<string, string>>; query: Sql }[] = [
  {
    name: 'results',
    comment: 'Latest published run. results.csv as SQL (the same columns, values and order, without notes, plus year).',
    columns: resultsViewColumns,
    query: resultsOf(latestPublished),
  },
  ...Object.entries(warehouseTables).map(([name, t]) => ({ name, comment: `Latest published run. ${t.comment}`, columns: t.columns, query: t.query(latestPublished) })),
];

const qualified = (name: string): Sql => sql`${ident(WAREHOUSE_SCHEMA)}.${ident(name)}`;

/** Every view and column with what it holds: `(view_name, column_name, position, meaning)`, a null column for the view itself. */
const dictionary = joinSql(
  views.flatMap((v) => [
    sql`(${literal(v.name)}, NULL, 0, ${literal(v.comment)})`,
    ...Object.entries(v.columns).map(([column, meaning], i) => sql`(${literal(v.name)}, ${literal(column)}, ${integerLiteral(i + 1)}, ${literal(meaning)})`),
  ]),
  ',\n',
);

/**
 * The statements that make the `warehouse` views, for the store's schema
 * (src/store/schema.ts): the layout `kpi export` writes (docs/bi-tools.md),
 * over the latest published run, for one-off SQL in the database itself,
 * and `warehouse.dictionary`, what each view and column holds. (Not `COMMENT
 * ON`: the schema's statements run on every open, and a comment set again
 * rewrites the database file each time; a view made `IF NOT EXISTS` does not.)
 * A later version of the views comes with a new schema version.
 */
export const warehouseViewStatements: readonly string[] = [
  sql`CREATE SCHEMA IF NOT EXISTS ${ident(WAREHOUSE_SCHEMA)}`,
  ...views.map((v) => sql`CREATE VIEW IF NOT EXISTS ${qualified(v.name)} AS ${v.query}`),
  sql`CREATE VIEW IF NOT EXISTS ${qualified('dictionary')} AS SELECT * FROM (VALUES ${dictionary}) AS d(view_name, column_name, position, meaning)`,
];
