import type { Sql } from '../sql.js';
import { ident, literal, sql } from '../sql.js';

/** The column types the engine's portable SQL uses. */
export type PortableType = 'text' | 'double' | 'integer';

/**
 * What differs between the SQL engines the expensive step may run on:
 * quoting, types and the few functions whose names or semantics differ.
 * Everything else the engine writes in that step is standard SQL both speak.
 * A Record of dialects, so a new engine must say all of it.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** A quoted identifier (both quote with double quotes, doubling an embedded one). */
  ident(name: string): Sql;
  /** A quoted text literal. */
  literal(value: string): Sql;
  type(type: PortableType): Sql;
  /**
   * A sum of doubles that does not depend on the order rows arrive in (a
   * distributed engine, or DuckDB's own threads, add partial sums in any
   * order): an exact decimal sum, rounded to a double once. DuckDB's
   * `DECIMAL(38, 12)` (each value rounded to 12 decimals first, more than a
   * reported figure carries; totals below 10^26) streams and spills like any sum, where
   * an ordered `fsum` had to hold every group's rows in memory (out of memory
   * at 10^7 firm rows under a 1 GB limit); PostgreSQL's `numeric`.
   */
  stableSum(value: Sql): Sql;
  /** Of the rows of `source`, one per `key`: the one with the greatest `rank` (the latest revision). */
  latestPerKey(source: Sql, key: readonly Sql[], rank: Sql): Sql;
}

/**
 * The SQL engines the engine's portable SQL is written for.
 *
 * @example dialectNames.map((name) => dialects[name].type('text')) // ['VARCHAR', 'TEXT']
 */
export const dialectNames = ['duckdb', 'postgresql'] as const;
/** One of {@link dialectNames}. */
export type DialectName = (typeof dialectNames)[number];

const keyList = (key: readonly Sql[]): Sql => key.join(', ') as Sql;

/**
 * The dialects, by name.
 *
 * @example dialects.postgresql.type('double') // 'DOUBLE PRECISION'
 */
export const dialects: Record<DialectName, SqlDialect> = {
  duckdb: {
    name: 'duckdb',
    ident,
    literal,
    type: (type) => ({ text: sql`VARCHAR`, double: sql`DOUBLE`, integer: sql`INTEGER` })[type],
    stableSum: (value) => sql`CAST(sum(CAST(${value} AS DECIMAL(38, 12))) AS DOUBLE)`,
    latestPerKey: (source, key, rank) => sql`SELECT * FROM (${source}) s QUALIFY row_number() OVER (PARTITION BY ${keyList(key)} ORDER BY ${rank} DESC) = 1`,
  },
  postgresql: {
    name: 'postgresql',
    ident,
    literal,
    type: (type) => ({ text: sql`TEXT`, double: sql`DOUBLE PRECISION`, integer: sql`INTEGER` })[type],
    stableSum: (value) => sql`CAST(sum(CAST(${value} AS NUMERIC)) AS DOUBLE PRECISION)`,
    latestPerKey: (source, key, rank) => sql`SELECT DISTINCT ON (${keyList(key)}) * FROM (${source}) s ORDER BY ${keyList(key)}, ${rank} DESC`,
  },
};
