import { warehouseViewStatements } from './warehouse/warehouseViews.js';

/** Bumped whenever a table or view changes shape (7: the `warehouse` views; 8: `entity_observations`); a database of another version is refused, not misread. */
export const SCHEMA_VERSION = 8;

/**
 * The store's tables. Nothing is ever updated in place or deleted: every
 * version of the regions, targets and catalog, every observation revision
 * (each with the file, its sha256 and the row it came from) and every run's
 * results are kept, so any publication can be recomputed as it was. Then
 * the `warehouse` views over the latest published run (docs/bi-tools.md).
 */
export const schemaStatements: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS loads (
     load_id INTEGER PRIMARY KEY,
     run_id INTEGER,
     kind VARCHAR NOT NULL,          -- regions | targets | observations | plan | milestones
     file VARCHAR NOT NULL,
     name VARCHAR NOT NULL,          -- the file's name inside the data folder
     sha256 VARCHAR NOT NULL,        -- of the file's bytes
     content_sha256 VARCHAR NOT NULL, -- of the rows read from it: a file with the same name and rows is stored once
     rows INTEGER NOT NULL,
     status VARCHAR NOT NULL,        -- loaded
     loaded_at TIMESTAMPTZ NOT NULL,
     log VARCHAR                     -- what was normalized on the way in (encoding, number formats, period labels)
   )`,
  `CREATE TABLE IF NOT EXISTS regions (
     load_id INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL, parent VARCHAR, level VARCHAR NOT NULL,
     rollup BOOLEAN NOT NULL, ord INTEGER NOT NULL, PRIMARY KEY (load_id, code)
   )`,
  `CREATE TABLE IF NOT EXISTS targets (
     load_id INTEGER NOT NULL, indicator VARCHAR NOT NULL, region VARCHAR NOT NULL, year INTEGER NOT NULL, period VARCHAR,
     value DOUBLE NOT NULL, note VARCHAR NOT NULL, "row" INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS catalogs (
     sha256 VARCHAR PRIMARY KEY,     -- of the definitions below: the definitions' hash a run records
     variables JSON NOT NULL, indicators JSON NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS observations (
     obs_id BIGINT PRIMARY KEY, region VARCHAR NOT NULL, period VARCHAR NOT NULL, year INTEGER NOT NULL,
     quarter INTEGER NOT NULL, variable VARCHAR NOT NULL, value DOUBLE NOT NULL, source VARCHAR NOT NULL,
     note VARCHAR NOT NULL, load_id INTEGER NOT NULL, "row" INTEGER NOT NULL, "column" VARCHAR NOT NULL
   )`,
  // Firm-level rows (docs/data-folder.md 企业级数据; since version 8): `variable` is a variable or a flag (0/1) a derived count counts.
  `CREATE TABLE IF NOT EXISTS entity_observations (
     load_id INTEGER NOT NULL, region VARCHAR NOT NULL, period VARCHAR NOT NULL, year INTEGER NOT NULL, quarter INTEGER NOT NULL,
     variable VARCHAR NOT NULL, entity VARCHAR NOT NULL, value DOUBLE NOT NULL, "row" INTEGER NOT NULL, "column" VARCHAR NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS plans (
     load_id INTEGER PRIMARY KEY,    -- one version of plan/tasks.json
     year INTEGER NOT NULL, title VARCHAR NOT NULL, tasks JSON NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS milestone_reports (
     report_id BIGINT PRIMARY KEY, task INTEGER NOT NULL, period VARCHAR NOT NULL, year INTEGER NOT NULL,
     quarter INTEGER NOT NULL, status VARCHAR NOT NULL, note VARCHAR NOT NULL, reported_by VARCHAR NOT NULL,
     load_id INTEGER NOT NULL, "row" INTEGER NOT NULL
   )`,
  // A run is a publication: what went in (load ids and hashes), the definitions, settings and engine.
  `CREATE TABLE IF NOT EXISTS runs (
     run_id INTEGER PRIMARY KEY, started_at TIMESTAMPTZ NOT NULL, data_dir VARCHAR NOT NULL,
     settings JSON NOT NULL, engine_version VARCHAR NOT NULL, result_rows INTEGER, status VARCHAR NOT NULL,
     catalog_sha256 VARCHAR NOT NULL,
     regions_load INTEGER NOT NULL,  -- the regions version used
     targets_load INTEGER NOT NULL,  -- the targets version used
     plan_load INTEGER,              -- the plan version used, if the data folder has one
     as_of INTEGER,                  -- the run this one recomputed (kpi run --as-of), else null
     inputs JSON NOT NULL,           -- [{kind, name, sha256, status, load_id}] of the data folder's files
     out_dir VARCHAR,                -- the output folder it was published to (absolute)
     publication VARCHAR             -- its folder under <out>/.kpi/: the run is published once <out>/.kpi/current names it
   )`,
  // The data folder as a run saw it: which stored version of each file, in name order (a later file revises an earlier one).
  `CREATE TABLE IF NOT EXISTS run_files (
     run_id INTEGER NOT NULL, kind VARCHAR NOT NULL, ord INTEGER NOT NULL, name VARCHAR NOT NULL, load_id INTEGER NOT NULL,
     PRIMARY KEY (run_id, kind, ord)
   )`,
  `CREATE TABLE IF NOT EXISTS results (
     run_id INTEGER NOT NULL, indicator VARCHAR NOT NULL, region VARCHAR NOT NULL, period VARCHAR NOT NULL,
     actual DOUBLE, target DOUBLE, annual_target DOUBLE, attainment DOUBLE, annual_progress DOUBLE,
     expected_progress DOUBLE, gap DOUBLE, status VARCHAR NOT NULL, rank INTEGER,
     target_source VARCHAR,          -- own | inherited:<region code>
     missing_inputs VARCHAR[] NOT NULL, missing_children VARCHAR[] NOT NULL,
     findings JSON NOT NULL,         -- [{code, params}] of the findings catalog (src/model/finding.ts); words are the reports' business
     -- The outlook (OUTLOOK.md §1–3; since version 6): year over year, the year-end projection, its range and chance, the pace needed.
     actual_prev_year DOUBLE, yoy_change DOUBLE, yoy_growth DOUBLE,
     projected DOUBLE, projected_low DOUBLE, projected_high DOUBLE, probability DOUBLE,
     projection_basis VARCHAR,       -- own | inherited:<region code> | default
     pace_so_far DOUBLE, pace_needed DOUBLE,
     ord BIGINT NOT NULL
   )`,
  // A run's data-quality findings (OUTLOOK.md §5; since version 6), in quality.csv's order, so a report made later from the store shows them.
  `CREATE TABLE IF NOT EXISTS quality_findings (
     run_id INTEGER NOT NULL, ord INTEGER NOT NULL, finding JSON NOT NULL,  -- {code, severity, region, period, …} (src/model/qualityFinding.ts)
     PRIMARY KEY (run_id, ord)
   )`,
  ...warehouseViewStatements,
];
