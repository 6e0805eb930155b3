import type { Sql } from '../../model/sql.js';
import { sql } from '../../model/sql.js';

/**
 * The tables of the warehouse layout (docs/bi-tools.md) other than the
 * results, as queries over the store for one run: the regions, indicators,
 * targets and data-quality findings that run used, the observation
 * revisions in effect for it, and the published runs up to it. `kpi export`
 * writes each to `<name>.parquet`; the store's `warehouse.<name>` views run
 * the same query for the latest published run, so a file and its view hold
 * the same rows by construction.
 *
 * `run` is SQL giving the run id: a bound parameter (`$run`) for an export,
 * the latest published run's id for a view. Tables are named with their
 * schema (`main.results`): inside a view of schema `warehouse`, a bare
 * `results` would be the view itself.
 *
 * @example sql`COPY (${warehouseTables.regions.query(sql`$run`)}) TO $file (FORMAT parquet)`
 */
export interface WarehouseTable {
  /** What one row is, for `COMMENT ON VIEW` and the manifest. */
  readonly comment: string;
  /** Each column, in order, with what it holds (`COMMENT ON COLUMN`). */
  readonly columns: Readonly<Record<string, string>>;
  readonly query: (run: Sql) => Sql;
}

/** The catalog a run used, one row per indicator in catalog order; also the results view's names and units. */
export const indicatorsOf = (run: Sql): Sql => sql`SELECT
    i ->> 'id' AS id, i ->> 'name' AS name, i ->> 'unit' AS unit, i ->> 'direction' AS direction, i ->> 'scope' AS scope,
    i ->> 'schedule' AS schedule, i ->> 'formula' AS formula, CAST(i ->> 'task' AS INTEGER) AS task,
    CAST(i ->> 'decimals' AS INTEGER) AS decimals,
    nullif(array_to_string(CAST(coalesce(i -> 'lead_units', '[]') AS VARCHAR[]), '; '), '') AS lead_units,
    nullif(array_to_string(CAST(coalesce(i -> 'cooperating_units', '[]') AS VARCHAR[]), '; '), '') AS cooperating_units,
    i ->> 'description' AS description, CAST(k AS INTEGER) AS sort_order
  FROM (
    SELECT unnest(CAST(c.indicators AS JSON[])) AS i, generate_subscripts(CAST(c.indicators AS JSON[]), 1) AS k
    FROM main.runs r JOIN main.catalogs c ON c.sha256 = r.catalog_sha256 WHERE r.run_id = ${run}
  )`;

/** Each table, in the order the manifest lists them (after `results`). */
export const warehouseTables = {
  regions: {
    comment: 'The regions the run used (regions.csv as stored), in the order regions.csv lists them.',
    columns: {
      code: 'region code',
      name: 'region name',
      parent: "the parent's code; null for the root",
      level: 'city, county, district, zone, …',
      rollup: "false: the region's values are not added into its parent",
      sort_order: 'place in regions.csv, from 0',
    },
    query: (run) => sql`SELECT g.code, g.name, g.parent, g.level, g.rollup, g.ord AS sort_order
      FROM main.regions g JOIN main.runs r ON g.load_id = r.regions_load WHERE r.run_id = ${run} ORDER BY g.ord`,
  },
  indicators: {
    comment: 'The indicator definitions the run used (metrics/indicators.yaml as stored), in catalog order.',
    columns: {
      id: 'indicator id (results.indicator)',
      name: 'indicator name',
      unit: 'unit of actual, target and gap',
      direction: 'higher or lower is better',
      scope: 'intensive (a region inherits its ancestor’s target) or extensive',
      schedule: 'level, linear, explicit or year_end: how the target to date is set',
      formula: 'DuckDB expression over variable codes',
      task: "the plan's task number, if any",
      decimals: 'decimals the reports show (the data is never rounded)',
      lead_units: 'lead units, joined by "; "',
      cooperating_units: 'cooperating units, joined by "; "',
      description: 'free text, if any',
      sort_order: 'place in the catalog, from 1',
    },
    query: indicatorsOf,
  },
  targets: {
    comment: 'The target rows the run used (targets.csv as stored), in file order.',
    columns: {
      indicator: 'indicator id',
      region: 'region code',
      year: 'the year',
      period: 'YYYYQn of a schedule point; null for the annual target',
      value: "in the indicator's unit",
      note: 'the row’s note, empty if none',
      file_row: 'row in targets.csv (header = 1)',
    },
    query: (run) => sql`SELECT t.indicator, t.region, t.year, t.period, t.value, t.note, t."row" AS file_row
      FROM main.targets t JOIN main.runs r ON t.load_id = r.targets_load WHERE r.run_id = ${run} ORDER BY t."row"`,
  },
  observations: {
    comment: 'The observations in effect for the run: of each region × period × variable, the value in the file that comes last in name order.',
    columns: {
      region: 'region code',
      period: 'YYYYQn (an annual variable is read as YYYYQ4)',
      year: 'the year of period',
      quarter: 'the quarter of period, 1–4',
      variable: 'variable code',
      value: "in the variable's unit",
      source: 'who reported it, empty if not said',
      note: 'the row’s note, empty if none',
      file: 'the data folder file it came from (observations/<file>)',
      file_row: 'row in that file (header = 1)',
      file_column: 'column in that file',
      file_sha256: "sha256 of the file's bytes",
      loaded_at: 'when that version of the file was stored',
    },
    // The revision in effect as src/store/runInputs.ts observationsInEffect picks it, with the run given as SQL.
    query: (run) => sql`SELECT o.region, o.period, o.year, o.quarter, o.variable, o.value, o.source, o.note,
        l.name AS file, o."row" AS file_row, o."column" AS file_column, l.sha256 AS file_sha256, l.loaded_at
      FROM main.observations o
      JOIN main.run_files f ON f.load_id = o.load_id AND f.kind = 'observations' AND f.run_id = ${run}
      JOIN main.loads l ON l.load_id = o.load_id
      QUALIFY row_number() OVER (PARTITION BY o.region, o.period, o.variable ORDER BY f.ord DESC) = 1
      ORDER BY o.variable, o.region, o.period`,
  },
  quality: {
    comment: "The run's data-quality findings (quality.csv), in its order.",
    columns: {
      sort_order: 'place in quality.csv, from 0',
      code: 'the rule: YTD_DECREASE, OUT_OF_RANGE, STOCK_JUMP, PARENT_SUM_MISMATCH, PEER_OUTLIER, MISSING_REPORT',
      severity: 'error or warning',
      region: 'region code',
      period: 'YYYYQn',
      variable: 'variable code, if the rule is about one',
      indicator: 'indicator id, if the rule is about one',
      value: 'the value found',
      reference: 'what it was compared with',
      params: "the rule's parameters (JSON)",
    },
    query: (run) => sql`SELECT q.ord AS sort_order, q.finding ->> 'code' AS code, q.finding ->> 'severity' AS severity,
        q.finding ->> 'region' AS region, q.finding ->> 'period' AS period, q.finding ->> 'variable' AS variable,
        q.finding ->> 'indicator' AS indicator, CAST(q.finding ->> 'value' AS DOUBLE) AS value,
        CAST(q.finding ->> 'reference' AS DOUBLE) AS reference, q.finding -> 'params' AS params
      FROM main.quality_findings q WHERE q.run_id = ${run} ORDER BY q.ord`,
  },
  runs: {
    comment: 'Every published run up to and including this one, oldest first.',
    columns: {
      run_id: 'the run',
      started_at: 'when it ran',
      data_dir: 'the data folder it read',
      as_of: 'the run it recomputed (kpi run --as-of), else null',
      result_rows: 'rows of its results',
      engine_version: 'the engine that made it',
      definitions_sha256: 'hash of the indicator and variable definitions it used',
    },
    query: (run) => sql`SELECT run_id, started_at, data_dir, as_of, result_rows, engine_version, catalog_sha256 AS definitions_sha256
      FROM main.runs WHERE status = 'done' AND run_id <= ${run} ORDER BY run_id`,
  },
} as const satisfies Record<string, WarehouseTable>;

/** The name of a table of {@link warehouseTables}. */
export type WarehouseTableName = keyof typeof warehouseTables;
