/**
 * The store's tables. Reference data (regions, variables, indicators,
 * targets) describe the latest load; observations keep every revision, each
 * with the file and row it came from; results keep every run's figures.
 */
export const schemaStatements: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS loads (
     load_id INTEGER PRIMARY KEY,
     run_id INTEGER,
     kind VARCHAR NOT NULL,          -- regions | targets | observations | catalog
     file VARCHAR NOT NULL,
     name VARCHAR NOT NULL,          -- the file's name inside the data folder
     sha256 VARCHAR NOT NULL,
     rows INTEGER NOT NULL,
     status VARCHAR NOT NULL,        -- loaded | unchanged
     loaded_at TIMESTAMPTZ NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS regions (
     code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, parent VARCHAR, level VARCHAR NOT NULL,
     rollup BOOLEAN NOT NULL, ord INTEGER NOT NULL, load_id INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS variables (
     code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, unit VARCHAR NOT NULL, kind VARCHAR NOT NULL,
     frequency VARCHAR NOT NULL, additive BOOLEAN NOT NULL, ord INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS indicators (
     id VARCHAR PRIMARY KEY, ord INTEGER NOT NULL, task INTEGER, name VARCHAR NOT NULL, unit VARCHAR NOT NULL,
     direction VARCHAR NOT NULL, scope VARCHAR NOT NULL, schedule VARCHAR NOT NULL, formula VARCHAR NOT NULL,
     definition JSON NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS targets (
     indicator VARCHAR NOT NULL, region VARCHAR NOT NULL, year INTEGER NOT NULL, period VARCHAR,
     value DOUBLE NOT NULL, note VARCHAR NOT NULL, load_id INTEGER NOT NULL, "row" INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS observations (
     obs_id BIGINT PRIMARY KEY, region VARCHAR NOT NULL, period VARCHAR NOT NULL, year INTEGER NOT NULL,
     quarter INTEGER NOT NULL, variable VARCHAR NOT NULL, value DOUBLE NOT NULL, source VARCHAR NOT NULL,
     note VARCHAR NOT NULL, load_id INTEGER NOT NULL, "row" INTEGER NOT NULL, "column" VARCHAR NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS runs (
     run_id INTEGER PRIMARY KEY, started_at TIMESTAMPTZ NOT NULL, data_dir VARCHAR NOT NULL,
     settings JSON NOT NULL, engine_version VARCHAR NOT NULL, result_rows INTEGER, status VARCHAR NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS results (
     run_id INTEGER NOT NULL, indicator VARCHAR NOT NULL, region VARCHAR NOT NULL, period VARCHAR NOT NULL,
     actual DOUBLE, target DOUBLE, annual_target DOUBLE, attainment DOUBLE, annual_progress DOUBLE,
     expected_progress DOUBLE, gap DOUBLE, status VARCHAR NOT NULL, rank INTEGER,
     indicator_name VARCHAR NOT NULL, region_name VARCHAR NOT NULL, unit VARCHAR NOT NULL,
     status_label VARCHAR NOT NULL, target_source VARCHAR, missing_inputs VARCHAR, missing_children VARCHAR,
     notes VARCHAR, ord BIGINT NOT NULL
   )`,
];
