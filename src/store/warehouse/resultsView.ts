import type { Sql } from '../../model/sql.js';
import { ident, joinSql, literal, sql } from '../../model/sql.js';
import type { Status } from '../../model/status.js';
import { statuses } from '../../model/status.js';
import { outlookColumns } from '../results.js';
import { indicatorsOf } from './warehouseTables.js';

/**
 * Each status in words, as results.csv's `status_label` says it. The words
 * belong to src/assess/statusRules.ts (`statusLabels`), a later layer the
 * store cannot import; tests/store/warehouseViews.test.ts holds the two equal.
 */
const statusWords: Record<Status, string> = {
  completed: '已完成',
  on_track: '达到序时',
  warning: '预警',
  behind: '滞后',
  pending: '年末考核',
  no_data: '无数据',
  no_target: '无目标',
};

const statusLabelSql = sql`CASE s.status ${joinSql(statuses.map((s) => sql`WHEN ${literal(s)} THEN ${literal(statusWords[s])}`), ' ')} END`;
const listText = (column: Sql): Sql => sql`CASE WHEN len(${column}) = 0 THEN NULL ELSE array_to_string(${column}, '; ') END`;
const outlook = joinSql(Object.keys(outlookColumns).map((c) => sql`s.${ident(c)}`));

/**
 * A run's results as results.csv has them, computed in SQL for the
 * `warehouse.results` view: the same columns in the same order, with names,
 * unit and status in words, lists joined by `; `, and `year` (of `period`)
 * last as in the exported partitions — except `notes`, the findings in
 * words, which only the engine writes (src/present/format/findingWords.ts):
 * filter on `findings`.
 */
export const resultsOf = (run: Sql): Sql => sql`SELECT s.indicator, s.region, s.period, s.actual, s.target, s.annual_target,
    s.attainment, s.annual_progress, s.expected_progress, s.gap, s.status, s.rank,
    coalesce(i.name, s.indicator) AS indicator_name, coalesce(g.name, s.region) AS region_name, coalesce(i.unit, '') AS unit,
    ${statusLabelSql} AS status_label, s.target_source,
    ${listText(sql`s.missing_inputs`)} AS missing_inputs, ${listText(sql`s.missing_children`)} AS missing_children,
    s.findings, ${outlook}, CAST(substr(s.period, 1, 4) AS INTEGER) AS year
  FROM main.results s JOIN main.runs r ON r.run_id = s.run_id
  LEFT JOIN main.regions g ON g.load_id = r.regions_load AND g.code = s.region
  LEFT JOIN (${indicatorsOf(run)}) i ON i.id = s.indicator
  WHERE s.run_id = ${run} ORDER BY s.ord`;

/** What each column of the results view holds (`COMMENT ON COLUMN`); docs/outputs.md has the long form. */
export const resultsViewColumns: Readonly<Record<string, string>> = {
  indicator: 'indicator id',
  region: 'region code',
  period: 'YYYYQn',
  actual: "actual value, in the indicator's unit",
  target: 'target to date',
  annual_target: 'the annual target (own, the Q4 schedule row or inherited)',
  attainment: 'actual ÷ target to date (target ÷ actual when lower is better); 1 = 100%',
  annual_progress: 'actual ÷ annual target',
  expected_progress: 'share of the annual target due by this period (序时进度)',
  gap: 'actual − target to date, in the unit',
  status: 'completed, on_track, warning, behind, pending, no_data, no_target',
  rank: "rank by attainment among the region's siblings; null for the root",
  indicator_name: 'indicator name',
  region_name: 'region name',
  unit: "the indicator's unit",
  status_label: 'status in words: 已完成 达到序时 预警 滞后 年末考核 无数据 无目标',
  target_source: 'own or inherited:<region code>; null without a target',
  missing_inputs: 'inputs without a value, joined by "; "',
  missing_children: 'children that did not report an input summed from them, joined by "; "',
  findings: 'what the engine noticed, as data: [{code, params}] (results.csv has the same in words as notes)',
  actual_prev_year: 'actual a year earlier (同比)',
  yoy_change: 'actual − actual_prev_year',
  yoy_growth: 'actual ÷ actual_prev_year − 1',
  projected: 'projected year-end value',
  projected_low: 'low end of the projection',
  projected_high: 'high end of the projection',
  probability: 'chance of meeting the annual target',
  projection_basis: 'own, inherited:<region code> or default',
  pace_so_far: 'mean per quarter so far (cumulative indicators)',
  pace_needed: 'mean per remaining quarter needed to meet the annual target',
  year: 'the year of period (the partition key of the exported results)',
};
