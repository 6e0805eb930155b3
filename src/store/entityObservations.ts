import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import { countedFlag } from '../catalog/variable.js';
import type { EntityRows } from '../check/entity/checkEntityFile.js';
import type { Sql } from '../model/sql.js';
import { sql } from '../model/sql.js';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/** Stores a checked firm-level file's rows under its load. */
export async function appendEntityRows(store: Store, loadId: number, rows: EntityRows): Promise<void> {
  const appender = await store.connection.createAppender('entity_observations');
  for (let i = 0; i < rows.count; i++) {
    appender.appendInteger(loadId);
    appender.appendVarchar(rows.region[i] ?? '');
    appender.appendVarchar(rows.period[i] ?? '');
    appender.appendInteger(rows.year[i] ?? 0);
    appender.appendInteger(rows.quarter[i] ?? 0);
    appender.appendVarchar(rows.variable[i] ?? '');
    appender.appendVarchar(rows.entity[i] ?? '');
    appender.appendDouble(rows.value[i] ?? 0);
    appender.appendInteger(rows.row[i] ?? 0);
    appender.appendVarchar(rows.column[i] ?? '');
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * The firm-level rows in effect for a run's data folder: of each firm ×
 * period × variable (or flag), the row in the file that comes last in name
 * order — revisions per firm, as region-level revisions work per region. The
 * firm's region is part of what a later file revises (a firm put in the wrong
 * district is moved by the correction). Bound to `$files` like
 * observationsInEffect.
 */
export function entityObservationsInEffect(): Sql {
  return sql`SELECT e.*, f.ord AS file_ord, f.name AS file FROM entity_observations e
    JOIN run_files f ON f.load_id = e.load_id AND f.kind = 'observations' AND f.run_id = $files
    QUALIFY row_number() OVER (PARTITION BY e.entity, e.period, e.variable ORDER BY f.ord DESC) = 1`;
}

/**
 * Makes `w_entity_totals` and adds the firms' totals to `w_observations`
 * (made just before from the region-level files). Per region × period ×
 * variable: `value` is the sum of the firms' values in effect (`fsum`, in
 * firm-code order, so the same rows always give the same bits), or for a
 * derived count the number of firms whose flag is 1; `entities` the firms
 * summed (for a count: the firms that reported the flag); `files` the file
 * names they came from; `reported` the region-level report of the same key,
 * if there is one. That report wins: a total enters `w_observations` only
 * where there is none, with a negative `obs_id` (no stored observation has
 * it), `row` 0 and no source or note. The quality rule compares the two (src/assess/quality/parentSumMismatch.ts).
 */
export async function useEntityTotals(store: Store, filesRun: number, catalog: Catalog): Promise<void> {
  await store.run('CREATE OR REPLACE TEMP TABLE w_entity_flags (flag VARCHAR PRIMARY KEY, variable VARCHAR NOT NULL)');
  for (const v of catalog.variables) {
    const flag = countedFlag(v);
    if (flag !== undefined) await store.run('INSERT INTO w_entity_flags VALUES ($flag, $variable)', { flag, variable: v.code });
  }
  await store.run(
    sql`CREATE OR REPLACE TEMP TABLE w_entity_totals AS
    WITH e AS (${entityObservationsInEffect()}),
    totals AS (
      SELECT e.region, e.period, any_value(e.year) AS year, any_value(e.quarter) AS quarter, e.variable,
             fsum(e.value ORDER BY e.entity) AS value, count(*) AS entities,
             list(DISTINCT e.file ORDER BY e.file) AS files, max(e.file_ord) AS file_ord, arg_max(e.load_id, e.file_ord) AS load_id
      FROM e JOIN w_variables v ON v.code = e.variable
      GROUP BY e.region, e.period, e.variable
      UNION ALL
      SELECT e.region, e.period, any_value(e.year), any_value(e.quarter), d.variable,
             count(*) FILTER (WHERE e.value = 1), count(*),
             list(DISTINCT e.file ORDER BY e.file), max(e.file_ord), arg_max(e.load_id, e.file_ord)
      FROM e JOIN w_entity_flags d ON d.flag = e.variable
      GROUP BY e.region, e.period, d.variable
    )
    SELECT t.region, t.period, t.year, t.quarter, t.variable, CAST(t.value AS DOUBLE) AS value, CAST(t.entities AS INTEGER) AS entities,
           t.files, t.file_ord, t.load_id, o.value AS reported
    FROM totals t LEFT JOIN w_observations o ON o.region = t.region AND o.period = t.period AND o.variable = t.variable`,
    { files: filesRun },
  );
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
