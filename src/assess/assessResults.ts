import type { Sql } from '../model/sql.js';
import { joinSql, literal, sql } from '../model/sql.js';
import type { Store } from '../store/store.js';
import { statuses } from '../model/status.js';
import { scheduleCase } from './scheduleRules.js';
import { statusRules } from './statusRules.js';
import { findingListSql, findingSql, noFindingsSql } from '../evaluate/findingSql.js';
import type { FindingParams } from '../model/finding.js';
import { finiteColumn, meetsSql, ratioSql } from './ratioSql.js';

/**
 * Step 3: targets, 序时进度, attainment, gap, status, rank and findings
 * (INDICATORS.md §4–§5) for every row of `actuals`, into the temp table
 * `assessed` (the columns of a stored result; see store/results.ts).
 */
export async function assessResults(store: Store, warningThreshold: number): Promise<void> {
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ancestry AS
    WITH RECURSIVE up(region, ancestor, distance) AS (
      SELECT code, code, 0 FROM w_regions
      UNION ALL
      SELECT up.region, r.parent, up.distance + 1 FROM up JOIN w_regions r ON r.code = up.ancestor WHERE r.parent IS NOT NULL
    )
    SELECT * FROM up`);

  // A region's own annual target: its annual row, else its Q4 schedule row.
  await store.run(`
    CREATE OR REPLACE TEMP TABLE own_annual AS
    SELECT indicator, region, year,
           coalesce(max(value) FILTER (WHERE period IS NULL), max(value) FILTER (WHERE period = year || 'Q4')) AS value
    FROM w_targets GROUP BY indicator, region, year`);

  // Intensive indicators inherit the nearest ancestor's annual target; extensive ones never do.
  await store.run(`
    CREATE OR REPLACE TEMP TABLE annual_targets AS
    SELECT a.indicator, a.region, a.period,
           arg_min(t.value, an.distance) AS annual,
           arg_min(t.region, an.distance) AS target_region
    FROM actuals a
    JOIN w_indicators i ON i.id = a.indicator
    JOIN ancestry an ON an.region = a.region AND (an.distance = 0 OR i.scope = 'intensive')
    JOIN own_annual t ON t.indicator = a.indicator AND t.region = an.ancestor AND t.year = a.year
    WHERE t.value IS NOT NULL
    GROUP BY a.indicator, a.region, a.period`);

  await store.run(`
    CREATE OR REPLACE TEMP TABLE targeted AS
    SELECT a.*, i.schedule, i.direction, i.ord AS indicator_ord,
           r.parent, r.ord AS region_ord,
           tg.annual, tg.target_region, s.value AS scheduled
    FROM actuals a
    JOIN w_indicators i ON i.id = a.indicator
    JOIN w_regions r ON r.code = a.region
    LEFT JOIN annual_targets tg USING (indicator, region, period)
    LEFT JOIN w_targets s ON s.indicator = a.indicator AND s.region = a.region AND s.period = a.period`);

  // A ratio is read only over a positive divisor: the target (the actual for
  // lower-is-better, which also needs a positive target). Otherwise, or where
  // it overflows, it is null (§5) and the row is judged by comparing actual
  // and target directly (`meets_target`, `meets_annual`), never as `warning`.
  await store.run(sql`
    CREATE OR REPLACE TEMP TABLE measured AS
    SELECT * EXCLUDE (attainment_raw, annual_progress_raw, expected_raw, gap_raw),
           ${finiteColumn(sql`attainment_raw`)} AS attainment,
           ${finiteColumn(sql`annual_progress_raw`)} AS annual_progress,
           ${finiteColumn(sql`expected_raw`)} AS expected_progress,
           ${finiteColumn(sql`gap_raw`)} AS gap,
           ${findingListSql([
             sql`CASE WHEN actual IS NOT NULL AND target <= 0 THEN ${findingSql('TARGET_NOT_POSITIVE', { target: sql`target` })} END`,
             sql`CASE WHEN actual IS NOT NULL AND annual <= 0 THEN ${findingSql('ANNUAL_TARGET_NOT_POSITIVE', { annualTarget: sql`annual` })} END`,
             sql`CASE WHEN direction = 'lower' AND actual <= 0 AND (target > 0 OR annual > 0) THEN ${findingSql('LOWER_ACTUAL_NOT_POSITIVE', { actual: sql`actual` })} END`,
             notFinite(sql`attainment_raw`, 'attainment'),
             notFinite(sql`annual_progress_raw`, 'annual_progress'),
             notFinite(sql`expected_raw`, 'expected_progress'),
             notFinite(sql`gap_raw`, 'gap'),
           ])} AS ratio_findings
    FROM (
      SELECT *,
             ${ratioSql(sql`target`)} AS attainment_raw,
             ${ratioSql(sql`annual`)} AS annual_progress_raw,
             actual - target AS gap_raw
      FROM (SELECT *, ${scheduleCase((r) => r.target)} AS target, ${scheduleCase((r) => r.expected)} AS expected_raw FROM targeted))`);

  await store.run(sql`
    CREATE OR REPLACE TEMP TABLE compared AS
    SELECT *, ${meetsSql(sql`attainment`, sql`target`)} AS meets_target, ${meetsSql(sql`annual_progress`, sql`annual`)} AS meets_annual
    FROM measured`);

  const statusCase = sql`CASE ${joinSql(statuses.map((st) => { const when = statusRules[st].when; return when === null ? sql`ELSE ${literal(st)}` : sql`WHEN ${when} THEN ${literal(st)}`; }), '\n')} END`;
  await store.run(
    sql`
    CREATE OR REPLACE TEMP TABLE judged AS
    SELECT *,
           ${statusCase} AS status,
           CASE WHEN parent IS NOT NULL AND attainment IS NOT NULL
                THEN rank() OVER (PARTITION BY indicator, period, parent, attainment IS NULL ORDER BY attainment DESC) END AS rank
    FROM compared`,
    { threshold: warningThreshold },
  );

  await store.run(sql`
    CREATE OR REPLACE TEMP TABLE assessed AS
    SELECT j.indicator, j.region, j.period, j.actual, j.target, j.annual AS annual_target, j.attainment,
           j.annual_progress, j.expected_progress, j.gap, j.status, j.rank,
           CASE WHEN j.annual IS NULL THEN NULL WHEN j.target_region = j.region THEN 'own' ELSE 'inherited:' || j.target_region END AS target_source,
           coalesce(n.missing_inputs, []) AS missing_inputs,
           coalesce(n.missing_children, []) AS missing_children,
           CAST(list_concat(
             j.zero_divisions,
             j.non_finite,
             CASE WHEN len(n.overflowed_inputs) > 0 THEN [${findingSql('CHILDREN_SUM_NOT_FINITE', { inputs: sql`n.overflowed_inputs` })}] END,
             j.ratio_findings,
             CASE WHEN j.actual IS NULL AND len(n.missing_inputs) > 0 THEN [${findingSql('MISSING_INPUTS', { inputs: sql`n.missing_inputs` })}] END,
             CASE WHEN len(n.missing_children) > 0 THEN [${findingSql('MISSING_CHILDREN', { children: sql`n.missing_children` })}] END,
             CASE WHEN j.annual IS NOT NULL AND j.target_region <> j.region THEN [${findingSql('TARGET_INHERITED', { from: sql`j.target_region` })}] END,
             CASE WHEN j.schedule = 'explicit' AND j.scheduled IS NULL AND j.annual IS NOT NULL THEN [${findingSql('NO_SCHEDULE_ROW', {})}] END,
             n.quality_warnings,
             ${noFindingsSql}
           ) AS JSON) AS findings,
           row_number() OVER (ORDER BY j.indicator_ord, j.region_ord, j.pidx) AS ord
    FROM judged j
    LEFT JOIN input_notes n USING (indicator, region, period)`);
}

/** A MEASURE_NOT_FINITE finding where `column` is not a finite number. */
const notFinite = (column: Sql, measure: FindingParams<'MEASURE_NOT_FINITE'>['measure']): Sql =>
  sql`CASE WHEN NOT isfinite(${column}) THEN ${findingSql('MEASURE_NOT_FINITE', { measure: literal(measure) })} END`;
