/**
 * Whether the three results tables of the scale benchmark agree: the same
 * (indicator, region, period) keys, and every actual equal to 1e-9 relative
 * to its size (|a − b| ≤ 1e-9 · max(1, |a|, |b|); a sum near 10^11 carries
 * ~10^-5 of rounding in any order of addition, so an absolute 1e-9 could not
 * hold for any two summation orders). Both null counts as agreeing.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface Agreement {
  readonly rows: number;
  /** Keys in one table and not the other, over the two comparisons. */
  readonly unmatched: number;
  /** Rows whose values differ beyond the tolerance (or one null, one not). */
  readonly differing: number;
  readonly maxRelative: number;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function compare(connection: Awaited<ReturnType<DuckDBInstance['connect']>>, a: string, b: string) {
  const reader = await connection.runAndReadAll(`
    WITH j AS (SELECT a.actual AS x, b.actual AS y, a.indicator IS NULL OR b.indicator IS NULL AS unmatched
               FROM ${a} a FULL JOIN ${b} b USING (indicator, region, period))
    SELECT count(*) AS n, count(*) FILTER (WHERE unmatched) AS unmatched,
           count(*) FILTER (WHERE NOT unmatched AND ((x IS NULL) <> (y IS NULL)
             OR abs(x - y) > 1e-9 * greatest(1, abs(x), abs(y)))) AS differing,
           coalesce(max(abs(x - y) / greatest(1, abs(x), abs(y))), 0) AS rel
    FROM j`);
  const row = reader.getRowObjectsJS()[0] ?? {};
  return { rows: Number(row.n), unmatched: Number(row.unmatched), differing: Number(row.differing), maxRelative: Number(row.rel) };
}

/** The engine's results.parquet against the floor's Parquet and Arquero's CSV. */
export async function agreement(engineParquet: string, floorParquet: string, arqueroCsv: string | undefined): Promise<Agreement> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const engine = `(SELECT indicator, region, period, actual FROM read_parquet(${quote(engineParquet)}))`;
    const floor = `(SELECT indicator, region, period, actual FROM read_parquet(${quote(floorParquet)}))`;
    const parts = [await compare(connection, engine, floor)];
    if (arqueroCsv !== undefined) {
      const arquero = `(SELECT indicator, region, period, actual FROM read_csv(${quote(arqueroCsv)}, header = true,
        columns = {'indicator': 'VARCHAR', 'region': 'VARCHAR', 'period': 'VARCHAR', 'actual': 'DOUBLE', 'region_name': 'VARCHAR'}))`;
      parts.push(await compare(connection, engine, arquero));
    }
    return {
      rows: Math.max(...parts.map((p) => p.rows)),
      unmatched: parts.reduce((s, p) => s + p.unmatched, 0),
      differing: parts.reduce((s, p) => s + p.differing, 0),
      maxRelative: Math.max(...parts.map((p) => p.maxRelative)),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
