import { scheduleKinds } from '../catalog/indicator.js';
import { literal } from '../store/sql.js';
import type { Store } from '../store/store.js';
import { scheduleCase, scheduleRules } from './scheduleRules.js';
import { statusLabels, statuses } from './status.js';
import { finiteColumn, meetsSql, overflowNote, ratioSql } from './ratioSql.js';

const statusLabelSql = `CASE status ${statuses.map((s) => `WHEN ${literal(s)} THEN ${literal(statusLabels[s])}`).join(' ')} END`;

/**
 * Step 3: targets, 序时进度, attainment, gap, status and rank (INDICATORS.md
 * §4–§5) for every row of `actuals`, stored in `results` under `runId`.
 */
export async function assessResults(store: Store, runId: number, warningThreshold: number): Promise<void> {
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
    SELECT a.*, i.schedule, i.direction, i.ord AS indicator_ord, i.name AS indicator_name, i.unit,
           r.parent, r.name AS region_name, r.ord AS region_ord,
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
  await store.run(`
    CREATE OR REPLACE TEMP TABLE measured AS
    SELECT * EXCLUDE (attainment_raw, annual_progress_raw, expected_raw, gap_raw),
           ${finiteColumn('attainment_raw')} AS attainment,
           ${finiteColumn('annual_progress_raw')} AS annual_progress,
           ${finiteColumn('expected_raw')} AS expected_progress,
           ${finiteColumn('gap_raw')} AS gap,
           list_filter([
             CASE WHEN actual IS NOT NULL AND target <= 0
                  THEN '目标值 ' || CAST(target AS VARCHAR) || ' 不大于0，不计算完成率，按实际值与目标比较判定 target(p) 0 or below: no attainment, judged by actual against target' END,
             CASE WHEN actual IS NOT NULL AND annual <= 0
                  THEN '年度目标 ' || CAST(annual AS VARCHAR) || ' 不大于0，不计算年度完成率 annual target 0 or below: no annual progress' END,
             CASE WHEN direction = 'lower' AND actual <= 0 AND (target > 0 OR annual > 0)
                  THEN '逆向指标实际值 ' || CAST(actual AS VARCHAR) || ' 不大于0，不计算完成率，按实际值不高于目标判定 lower-is-better actual 0 or below: no ratio (target ÷ actual), judged by actual ≤ target' END,
             ${overflowNote('attainment_raw', '完成率 attainment')},
             ${overflowNote('annual_progress_raw', '年度完成率 annual progress')},
             ${overflowNote('expected_raw', '序时进度 expected progress')},
             ${overflowNote('gap_raw', '差距 gap')}
           ], x -> x IS NOT NULL) AS ratio_notes
    FROM (
      SELECT *,
             ${ratioSql('target')} AS attainment_raw,
             ${ratioSql('annual')} AS annual_progress_raw,
             actual - target AS gap_raw
      FROM (SELECT *, ${scheduleCase((r) => r.target)} AS target, ${scheduleCase((r) => r.expected)} AS expected_raw FROM targeted))`);

  await store.run(`
    CREATE OR REPLACE TEMP TABLE compared AS
    SELECT *, ${meetsSql('attainment', 'target')} AS meets_target, ${meetsSql('annual_progress', 'annual')} AS meets_annual
    FROM measured`);

  // Kinds judged only at year end: before Q4 their figures are 'pending'.
  const pendingKinds = scheduleKinds.filter((k) => !scheduleRules[k].judgedBeforeQ4).map(literal);
  await store.run(
    `
    CREATE OR REPLACE TEMP TABLE judged AS
    SELECT *,
           CASE WHEN actual IS NULL THEN 'no_data'
                WHEN annual IS NULL THEN 'no_target'
                WHEN coalesce(${scheduleCase((r) => r.completed)}, false) THEN 'completed'
                ${pendingKinds.length > 0 ? `WHEN schedule IN (${pendingKinds.join(', ')}) AND quarter < 4 THEN 'pending'` : ''}
                WHEN meets_target THEN 'on_track'
                WHEN attainment >= $threshold THEN 'warning'
                ELSE 'behind' END AS status,
           CASE WHEN parent IS NOT NULL AND attainment IS NOT NULL
                THEN rank() OVER (PARTITION BY indicator, period, parent, attainment IS NULL ORDER BY attainment DESC) END AS rank
    FROM compared`,
    { threshold: warningThreshold },
  );

  // Missing children spelled `name(code)`, in their order; joined rather than looked up in a map per row,
  // which DuckDB would copy into every row (slow for trees with hundreds of units).
  await store.run(`
    CREATE OR REPLACE TEMP TABLE missing_named AS
    SELECT m.indicator, m.region, m.period, list(coalesce(r.name, m.child) || '(' || m.child || ')' ORDER BY m.pos) AS named
    FROM (SELECT indicator, region, period, unnest(missing_children) AS child, generate_subscripts(missing_children, 1) AS pos
          FROM input_notes WHERE len(missing_children) > 0) m
    LEFT JOIN w_regions r ON r.code = m.child
    GROUP BY m.indicator, m.region, m.period`);

  await store.run(
    `
    INSERT INTO results
    SELECT $run AS run_id, j.indicator, j.region, j.period, j.actual, j.target, j.annual AS annual_target, j.attainment,
           j.annual_progress, j.expected_progress, j.gap, j.status, j.rank,
           j.indicator_name, j.region_name, j.unit, ${statusLabelSql} AS status_label,
           CASE WHEN j.annual IS NULL THEN NULL WHEN j.target_region = j.region THEN 'own' ELSE 'inherited:' || j.target_region END AS target_source,
           nullif(array_to_string(n.missing_inputs, '; '), '') AS missing_inputs,
           nullif(array_to_string(n.missing_children, '; '), '') AS missing_children,
           nullif(array_to_string(list_concat(
             list_transform(j.zero_divisions, x -> x),
             j.non_finite,
             CASE WHEN len(n.overflowed_inputs) > 0
                  THEN ['数值溢出 overflow: 下级合计不是有限数 the sum of the children is not a finite number: ' || array_to_string(n.overflowed_inputs, ', ')] END,
             j.ratio_notes,
             CASE WHEN j.actual IS NULL AND len(n.missing_inputs) > 0 THEN ['缺少数据 missing input: ' || array_to_string(n.missing_inputs, ', ')] END,
             CASE WHEN len(n.missing_children) > 0
                  THEN ['下级未报 missing children: ' || array_to_string(mn.named, '、')] END,
             CASE WHEN j.annual IS NOT NULL AND j.target_region <> j.region
                  THEN ['目标继承自 target inherited from ' || tr.name || '(' || j.target_region || ')'] END,
             CASE WHEN j.schedule = 'explicit' AND j.scheduled IS NULL AND j.annual IS NOT NULL
                  THEN ['无本期进度目标，按线性序时 no schedule row, linear'] END,
             CASE WHEN len(n.quality_warnings) > 0 THEN list_transform(n.quality_warnings, w -> '数据质量 data quality: ' || w) END
           ), '；'), '') AS notes,
           row_number() OVER (ORDER BY j.indicator_ord, j.region_ord, j.pidx) AS ord
    FROM judged j
    LEFT JOIN input_notes n USING (indicator, region, period)
    LEFT JOIN missing_named mn USING (indicator, region, period)
    LEFT JOIN w_regions tr ON tr.code = j.target_region`,
    { run: runId },
  );
}
