import { scheduleCase, scheduleRules } from '../../assess/scheduleRules.js';
import { scheduleKinds } from '../../catalog/indicator.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { KpiInputError } from '../../diagnostics/diagnostic.js';
import { problem } from '../../diagnostics/problems.js';
import { settingsSchema } from '../../settings.js';
import { literal } from '../../store/sql.js';
import { loadPlanTracking } from '../../plan/loadPlanTracking.js';
import { storedCatalog } from '../../store/catalogStore.js';
import { runInputs, useRunInputs } from '../../store/runInputs.js';
import type { Row, Store } from '../../store/store.js';
import type { StoredFigure } from '../../store/storedFigure.js';
import type { ReportData, ReportRegion, ReportRow, SchedulePoint } from './reportData.js';

export interface ReportSelection {
  /** `YYYYQn`; default the run's latest period. */
  readonly period?: string | undefined;
  /** Default the latest finished run; a run being published is reported by its id. */
  readonly runId?: number | undefined;
}

/**
 * Reads what a 通报 needs from the store: one finished run's results for the
 * report year and the year before (never a figure after the period), the
 * region tree, the catalog, and each cumulative indicator's schedule line.
 * Throws {@link KpiInputError} (NO_RUN, UNKNOWN_PERIOD) when there is nothing to report.
 */
export async function loadReportData(store: Store, selection: ReportSelection = {}): Promise<ReportData> {
  const run = await store.one<{ run_id: number; started_ms: number; settings: string }>(
    `SELECT run_id, epoch_ms(started_at) AS started_ms, CAST(settings AS VARCHAR) AS settings
     FROM runs WHERE ($run IS NULL AND status = 'done') OR (run_id = $run AND status <> 'abandoned') ORDER BY run_id DESC LIMIT 1`,
    { run: selection.runId ?? null },
  );
  if (!run) throw new KpiInputError([problem('NO_RUN', selection.runId === undefined ? {} : { value: String(selection.runId) })]);
  const periods = (
    await store.all<{ period: string }>('SELECT DISTINCT period FROM results WHERE run_id = $run ORDER BY period', { run: run.run_id })
  ).map((p) => p.period);
  const period = selection.period ?? periods.at(-1);
  if (period === undefined || !periods.includes(period)) {
    throw new KpiInputError([problem('UNKNOWN_PERIOD', { value: period ?? '', expected: periods.join('、') || '—' })]);
  }
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(5));
  const settings = settingsSchema.parse(JSON.parse(run.settings));
  // The regions, targets and definitions as that run used them.
  const inputs = await runInputs(store, run.run_id);
  if (!inputs) throw new Error(`run ${run.run_id} has no recorded inputs`);
  await useRunInputs(store, inputs, await storedCatalog(store, inputs.catalogSha256));

  const regions = await store.all<{ code: string; name: string; parent: string | null; level: string; depth: number }>(`
    WITH RECURSIVE tree(code, depth) AS (
      SELECT code, 0 FROM w_regions WHERE parent IS NULL
      UNION ALL SELECT r.code, t.depth + 1 FROM w_regions r JOIN tree t ON r.parent = t.code)
    SELECT r.code, r.name, r.parent, r.level, t.depth FROM w_regions r JOIN tree t USING (code) ORDER BY r.ord`);
  const definitions = await store.all<{ definition: string }>('SELECT CAST(definition AS VARCHAR) AS definition FROM w_indicators ORDER BY ord');
  const indicators = definitions.map((d) => JSON.parse(d.definition) as IndicatorDefinition);
  const variables = await store.all<{ code: string; name: string; unit: string }>('SELECT code, name, unit FROM w_variables ORDER BY ord');

  const rows = await store.all<RawRow>(
    `SELECT indicator, region, period, CAST(substr(period, 1, 4) AS INTEGER) AS year, CAST(substr(period, 6) AS INTEGER) AS quarter,
            actual, target, annual_target, attainment, annual_progress, expected_progress, gap, status, rank, target_source, notes
     FROM results
     WHERE run_id = $run AND period SIMILAR TO '[0-9]{4}Q[1-4]'
       AND CAST(substr(period, 1, 4) AS INTEGER) IN ($year - 1, $year) AND period <= $period
     ORDER BY ord`,
    { run: run.run_id, year, period },
  );

  const accumulating = scheduleKinds.filter((k) => scheduleRules[k].accumulates).map(literal);
  const schedule = await store.all<Row & SchedulePoint>(
    `WITH annuals AS (
       SELECT indicator, region, any_value(annual_target) AS annual
       FROM results WHERE run_id = $run AND substr(period, 1, 4) = CAST($year AS VARCHAR) AND annual_target IS NOT NULL
       GROUP BY indicator, region)
     SELECT a.indicator, a.region, q.quarter,
            ${scheduleCase((r) => r.target)} AS target,
            a.annual * q.quarter / 4 AS linear
     FROM (SELECT a.*, i.schedule, i.ord FROM annuals a JOIN w_indicators i ON i.id = a.indicator) a
     CROSS JOIN (SELECT unnest([1, 2, 3, 4]) AS quarter) q
     LEFT JOIN (SELECT indicator, region, period, value AS scheduled FROM w_targets) s
       ON s.indicator = a.indicator AND s.region = a.region AND s.period = CAST($year AS VARCHAR) || 'Q' || q.quarter
     JOIN w_regions r ON r.code = a.region
     WHERE a.schedule IN (${accumulating.join(', ') || 'NULL'})
     ORDER BY a.ord, r.ord, q.quarter`,
    { run: run.run_id, year },
  );

  const plan = await loadPlanTracking(store, inputs, period);
  return {
    plan,
    title: settings.reportTitle ?? `${regions.find((r) => r.parent === null)?.name ?? ''}主要指标完成情况通报`,
    period,
    year,
    quarter,
    runId: run.run_id,
    runAt: new Date(run.started_ms).toISOString(),
    warningThreshold: settings.warningThreshold,
    regions: regions as ReportRegion[],
    indicators,
    variables,
    rows: rows.map(toReportRow),
    schedule,
  };
}

interface RawRow extends StoredFigure {
  indicator: string;
  region: string;
  period: string;
  year: number;
  quarter: number;
}

const toReportRow = (r: RawRow): ReportRow => ({
  indicator: r.indicator,
  region: r.region,
  period: r.period,
  year: r.year,
  quarter: r.quarter,
  actual: r.actual,
  target: r.target,
  annualTarget: r.annual_target,
  attainment: r.attainment,
  annualProgress: r.annual_progress,
  expectedProgress: r.expected_progress,
  gap: r.gap,
  status: r.status,
  rank: r.rank,
  targetSource: r.target_source,
  notes: r.notes,
});
