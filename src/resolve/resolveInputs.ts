import type { Store } from '../store/store.js';

/**
 * Step 1 of the computation: every region's input value of every variable
 * for every period that has observations (INDICATORS.md §3), in DuckDB.
 *
 * Leaves temp tables:
 * - `latest_obs`: the latest revision of each observation;
 * - `periods`: the periods computed, with `pidx` = year * 4 + quarter - 1;
 * - `region_tree`: each region's depth below the root;
 * - `resolved`: one row per region × period × variable with `value`,
 *   `origin` (reported | sum | missing), the observation used, the complete
 *   children's sum when there is one, and the missing children.
 */
export async function resolveInputs(store: Store): Promise<void> {
  await store.run(`
    CREATE OR REPLACE TEMP TABLE latest_obs AS
    SELECT o.*, o.year * 4 + o.quarter - 1 AS pidx
    FROM w_observations o
    JOIN w_regions r ON r.code = o.region
    JOIN w_variables v ON v.code = o.variable
    QUALIFY row_number() OVER (PARTITION BY o.region, o.period, o.variable ORDER BY o.obs_id DESC) = 1`);

  await store.run(`
    CREATE OR REPLACE TEMP TABLE periods AS
    SELECT DISTINCT period, year, quarter, pidx FROM latest_obs`);

  await store.run(`
    CREATE OR REPLACE TEMP TABLE region_tree AS
    WITH RECURSIVE tree(code, depth) AS (
      SELECT code, 0 FROM w_regions WHERE parent IS NULL
      UNION ALL
      SELECT r.code, tree.depth + 1 FROM w_regions r JOIN tree ON r.parent = tree.code
    )
    SELECT code, depth FROM tree`);

  // A region's own report. Quarterly variables need a report for the period
  // itself; annual ones take the latest report at or before it (as-of).
  await store.run(`
    CREATE OR REPLACE TEMP TABLE own AS
    WITH grid AS (
      SELECT r.code AS region, p.period, p.year, p.quarter, p.pidx, v.code AS variable, v.frequency, v.additive
      FROM w_regions r CROSS JOIN periods p CROSS JOIN w_variables v
    )
    SELECT g.*, o.value AS own_value, o.obs_id AS own_obs_id
    FROM grid g
    LEFT JOIN latest_obs o ON o.region = g.region AND o.variable = g.variable AND o.pidx = g.pidx
    WHERE g.frequency <> 'annual'
    UNION ALL
    SELECT g.*, o.value AS own_value, o.obs_id AS own_obs_id
    FROM (SELECT * FROM grid WHERE frequency = 'annual') g
    ASOF LEFT JOIN latest_obs o ON o.region = g.region AND o.variable = g.variable AND g.pidx >= o.pidx`);

  await store.run(`
    CREATE OR REPLACE TEMP TABLE resolved (
      region VARCHAR, period VARCHAR, year INTEGER, quarter INTEGER, pidx INTEGER, variable VARCHAR,
      value DOUBLE, origin VARCHAR, own_obs_id BIGINT, children_sum DOUBLE, children_count INTEGER,
      missing_children VARCHAR[]
    )`);

  // Bottom-up, one tree level at a time: a parent's sum needs its children's
  // values, which may themselves be sums.
  const deepest = (await store.one<{ d: number }>('SELECT coalesce(max(depth), 0) AS d FROM region_tree'))?.d ?? 0;
  for (let depth = deepest; depth >= 0; depth--) {
    await store.run(
      `
      INSERT INTO resolved
      WITH children AS (
        SELECT r.parent, x.period, x.variable,
               count(*) AS n,
               count(x.value) AS n_present,
               fsum(x.value ORDER BY r.ord) AS total,
               list(x.region ORDER BY r.ord) FILTER (WHERE x.value IS NULL) AS missing
        FROM resolved x JOIN w_regions r ON r.code = x.region
        WHERE r.rollup AND r.parent IS NOT NULL
        GROUP BY r.parent, x.period, x.variable
      )
      SELECT o.region, o.period, o.year, o.quarter, o.pidx, o.variable,
             CASE WHEN o.own_value IS NOT NULL THEN o.own_value
                  WHEN o.additive AND c.n > 0 AND c.n_present = c.n THEN c.total END AS value,
             CASE WHEN o.own_value IS NOT NULL THEN 'reported'
                  WHEN o.additive AND c.n > 0 AND c.n_present = c.n THEN 'sum'
                  ELSE 'missing' END AS origin,
             o.own_obs_id,
             CASE WHEN o.additive AND c.n > 0 AND c.n_present = c.n THEN c.total END AS children_sum,
             CASE WHEN o.additive THEN c.n END AS children_count,
             CASE WHEN o.own_value IS NULL AND o.additive AND c.n_present < c.n THEN c.missing END AS missing_children
      FROM own o
      JOIN region_tree t ON t.code = o.region AND t.depth = $depth
      LEFT JOIN children c ON c.parent = o.region AND c.period = o.period AND c.variable = o.variable`,
      { depth },
    );
  }
}
