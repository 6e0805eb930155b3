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
 *   `origin` (reported | sum | overflow | missing), the observation used, the
 *   complete children's sum when there is one, and the missing children.
 *   `overflow` is a sum of children that is not a finite number: its value
 *   is null (INDICATORS.md §5), and so is every sum above it.
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
               count(*) FILTER (WHERE x.origin = 'missing') AS n_missing,
               count(*) FILTER (WHERE x.origin = 'overflow') AS n_overflow,
               fsum(x.value ORDER BY r.ord) AS total,
               list(x.region ORDER BY r.ord) FILTER (WHERE x.origin = 'missing') AS missing
        FROM resolved x JOIN w_regions r ON r.code = x.region
        -- only the level just below: each level reads its children, not every row resolved so far
        JOIN region_tree ct ON ct.code = x.region AND ct.depth = $depth + 1
        WHERE r.rollup AND r.parent IS NOT NULL
        GROUP BY r.parent, x.period, x.variable
      ),
      summed AS (
        -- Every child has a value (or overflowed itself): the sum is due. fsum of finite values can
        -- still give Infinity or NaN near 1.8e308; such a sum is null with origin 'overflow' (§5), and
        -- so is every sum above an overflowed child, which is not missing and must not be named so.
        SELECT o.*, c.missing,
               o.additive AND c.n > 0 AND c.n_missing = 0 AS complete,
               o.additive AND c.n > 0 AND c.n_missing = 0 AND c.n_overflow = 0 AND isfinite(c.total) AS finite_sum,
               c.total, c.n, c.n_missing
        FROM own o
        JOIN region_tree t ON t.code = o.region AND t.depth = $depth
        LEFT JOIN children c ON c.parent = o.region AND c.period = o.period AND c.variable = o.variable
      )
      SELECT region, period, year, quarter, pidx, variable,
             CASE WHEN own_value IS NOT NULL THEN own_value WHEN finite_sum THEN total END AS value,
             CASE WHEN own_value IS NOT NULL THEN 'reported'
                  WHEN finite_sum THEN 'sum'
                  WHEN complete THEN 'overflow'
                  ELSE 'missing' END AS origin,
             own_obs_id,
             CASE WHEN finite_sum THEN total END AS children_sum,
             CASE WHEN additive THEN n END AS children_count,
             CASE WHEN own_value IS NULL AND additive AND n_missing > 0 THEN missing END AS missing_children
      FROM summed`,
      { depth },
    );
  }
}
