import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import { countedFlag } from '../catalog/variable.js';
import type { EntityRows } from '../check/entity/checkEntityFile.js';
import { entityTotalsSql } from '../model/dialect/entityTotalsSql.js';
import { dialects } from '../model/dialect/sqlDialect.js';
import type { Sql } from '../model/sql.js';
import { integerLiteral, sql } from '../model/sql.js';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/** Stores a checked firm-level file's rows under its load: DuckDB reads them from the Parquet file the check wrote. */
export async function appendEntityRows(store: Store, loadId: number, rows: EntityRows): Promise<void> {
  if (rows.parquet === null) return;
  await store.run(
    `INSERT INTO entity_observations (load_id, region, period, year, quarter, variable, entity, value, "row", "column")
     SELECT $load, region, period, year, quarter, variable, entity, value, "row", "column" FROM read_parquet($file)`,
    { load: loadId, file: rows.parquet },
  );
}

/**
 * The firm-level rows of a run's data folder, every revision, with each
 * file's place in name order (`file_ord`) and name, of the files of run
 * `run` (a literal, not a parameter: the rows are read through a view).
 */
const entityRowsOfRun = (run: Sql): Sql => sql`SELECT e.*, f.ord AS file_ord, f.name AS file FROM entity_observations e
    JOIN run_files f ON f.load_id = e.load_id AND f.kind = 'observations' AND f.run_id = ${run}`;

/**
 * Makes `w_entity_totals` and adds the firms' totals to `w_observations`
 * (made just before from the region-level files). The totals are the
 * portable reduction (src/model/dialect/entityTotalsSql.ts, in DuckDB's
 * dialect): of each firm × period × variable (or flag) the revision in the
 * file that comes last in name order — the firm's region included, so a
 * correction can move a firm — summed per region × period × variable
 * (an exact decimal sum, so the same rows always give the same bits whatever the order),
 * or for a derived count the number of firms whose flag is 1. Beside each
 * total: `entities` (the firms counted), `files` (the files they came
 * from), and `reported`, the region-level report of the same key. That
 * report wins: a total enters `w_observations` only where there is none,
 * with a negative `obs_id` (no stored observation has it), `row` 0 and no
 * source or note. The quality rule compares the two (src/assess/quality/parentSumMismatch.ts).
 */
export async function useEntityTotals(store: Store, filesRun: number, catalog: Catalog): Promise<void> {
  await store.run('CREATE OR REPLACE TEMP TABLE w_entity_flags (flag VARCHAR PRIMARY KEY, variable VARCHAR NOT NULL)');
  for (const v of catalog.variables) {
    const flag = countedFlag(v);
    if (flag !== undefined) await store.run('INSERT INTO w_entity_flags VALUES ($flag, $variable)', { flag, variable: v.code });
  }
  // The revisions in effect, as a view the totals and their provenance both read (materialized, 10^7 firms' rows
  // cost more to write than to scan twice). A firm's key can repeat
  // only across files (one file with a firm twice is rejected), so only the periods and variables that two files
  // of the run both hold need a pick; the rest are in effect as they are (most folders: one file a quarter).
  const duckdb = dialects.duckdb;
  const run = integerLiteral(filesRun);
  await store.run(
    sql`CREATE OR REPLACE TEMP TABLE w_entity_revised AS
      SELECT e.period, e.variable FROM entity_observations e JOIN run_files f ON f.load_id = e.load_id AND f.kind = 'observations' AND f.run_id = $files
      GROUP BY e.period, e.variable HAVING count(DISTINCT e.load_id) > 1`,
    { files: filesRun },
  );
  await store.run(
    sql`CREATE OR REPLACE TEMP VIEW w_entity_rows AS
      SELECT * FROM (${entityRowsOfRun(run)}) r ANTI JOIN w_entity_revised USING (period, variable)
      UNION ALL
      ${duckdb.latestPerKey(sql`SELECT * FROM (${entityRowsOfRun(run)}) r SEMI JOIN w_entity_revised USING (period, variable)`, [sql`entity`, sql`period`, sql`variable`], sql`file_ord`)}`,
  );
  await store.run(
    sql`CREATE OR REPLACE TEMP TABLE w_entity_totals AS
    WITH totals AS (${entityTotalsSql(duckdb, { rows: sql`w_entity_rows`, variables: sql`w_variables`, flags: sql`w_entity_flags`, inEffect: true })}),
    by_file AS (
      SELECT e.region, e.period, coalesce(d.variable, e.variable) AS variable, e.file, e.file_ord, e.load_id, any_value(e.year) AS year, any_value(e.quarter) AS quarter
      FROM w_entity_rows e LEFT JOIN w_entity_flags d ON d.flag = e.variable
      GROUP BY ALL
    ),
    provenance AS (
      SELECT region, period, variable, any_value(year) AS year, any_value(quarter) AS quarter,
             list(DISTINCT file ORDER BY file) AS files, max(file_ord) AS file_ord, arg_max(load_id, file_ord) AS load_id
      FROM by_file GROUP BY region, period, variable
    )
    SELECT t.region, t.period, p.year, p.quarter, t.variable, CAST(t.value AS DOUBLE) AS value, t.entities,
           p.files, p.file_ord, p.load_id, o.value AS reported
    FROM totals t
    JOIN provenance p ON p.region = t.region AND p.period = t.period AND p.variable = t.variable
    LEFT JOIN w_observations o ON o.region = t.region AND o.period = t.period AND o.variable = t.variable`,
  );
  await store.run('DROP VIEW w_entity_rows');
  await store.run('DROP TABLE w_entity_revised');
  await store.run(`
    INSERT INTO w_observations BY NAME
    SELECT -row_number() OVER (ORDER BY region, period, variable) AS obs_id, region, period, year, quarter, variable, value,
           '' AS source, '' AS note, load_id, 0 AS "row", '' AS "column", file_ord
    FROM w_entity_totals WHERE reported IS NULL`);
}

/** Where a value summed from firms came from: for explaining a figure ("sum of N firms in files …"). */
export interface EntityTotalSource {
  readonly value: number;
  readonly entities: number;
  readonly files: readonly string[];
  /** The region-level report of the same key, which is used instead when there is one. */
  readonly reported: number | null;
}

const totalRow = z.object({ value: z.number(), entities: z.number().int(), files: z.array(z.string()), reported: z.number().nullable() });

/**
 * The firms' total of a region, variable and period in the working set, if
 * any firm-level file has it.
 *
 * @example await entityTotalSource(store, { region: 'D1', variable: 'rd_expenditure', period: '2023Q2' })
 */
export async function entityTotalSource(store: Store, key: { region: string; variable: string; period: string }): Promise<EntityTotalSource | undefined> {
  const row = await store.one('SELECT value, entities, files, reported FROM w_entity_totals WHERE region = $region AND variable = $variable AND period = $period', key);
  return row && decodeRow(totalRow, row, 'w_entity_totals');
}
