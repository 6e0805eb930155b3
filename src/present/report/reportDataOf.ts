import { scheduleRules } from '../../assess/scheduleRules.js';
import type { Indicator } from '../../catalog/catalog.js';
import { KpiInputError } from '../../diagnostics/diagnostic.js';
import { problem } from '../../diagnostics/problems.js';
import type { Region } from '../../model/region.js';
import { parseQuarter, quartersOf } from '../../model/period.js';
import type { RunContext } from '../runContext.js';
import { periodsOf } from '../runContext.js';
import type { Measure, ReportData, ReportRegion, ReportRow, SchedulePoint } from './reportData.js';
import { earlyWarnings } from '../../assess/outlook/earlyWarnings.js';
import { missingReportsOf } from '../missingReports.js';

/**
 * What a 通报 for `period` needs, taken from a run: its results for the report
 * year and the year before (never a figure after the period), the region tree,
 * the catalog, and each cumulative indicator's schedule line. Throws
 * {@link KpiInputError} (UNKNOWN_PERIOD) for a period the run has no results for.
 */
export function reportDataOf(context: RunContext, period: string): ReportData {
  const periods = periodsOf(context);
  const at = periods.includes(period) ? parseQuarter(period) : undefined;
  if (at === undefined) throw new KpiInputError([problem('UNKNOWN_PERIOD', { value: period, expected: periods.join('、') || '—' })]);
  const { year, quarter } = at;
  const rows: ReportRow[] = [];
  for (const r of context.results) {
    const p = parseQuarter(r.period);
    if (p !== undefined && (p.year === year || p.year === year - 1) && r.period <= period) rows.push({ ...r, year: p.year, quarter: p.quarter });
  }
  const regions = withDepth(context.regions);
  return {
    plan: context.planPeriod === period ? context.plan : undefined,
    title: context.settings.reportTitle ?? `${regions.find((r) => r.parent === null)?.name ?? ''}主要指标完成情况通报`,
    period,
    year,
    quarter,
    runId: context.runId,
    runAt: context.runAt,
    timeZone: context.settings.timeZone,
    definitionsSha256: context.inputs.catalogSha256,
    warningThreshold: context.settings.warningThreshold,
    regions,
    indicators: context.catalog.indicators,
    variables: context.catalog.variables.map((v) => ({ code: v.code, name: v.name, unit: v.unit })),
    rows,
    schedule: scheduleLines(context, year),
    warnings: earlyWarnings(context.results.filter((r) => r.period === period), context.catalog.indicators, context.settings.warningProbability),
    quality: (context.quality ?? []).filter((f) => f.period === period),
    missingReports: missingReportsOf(context, (context.quality ?? []).filter((f) => f.period === period)),
  };
}

/** Regions in file order with their depth in the tree (0 for the root); a region off the tree is left out. */
function withDepth(regions: readonly Region[]): ReportRegion[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const depth = (r: Region, seen = 0): number => (r.parent === null || seen > regions.length ? 0 : 1 + depth(byCode.get(r.parent) ?? r, seen + 1));
  return regions.map((r) => ({ code: r.code, name: r.name, parent: r.parent, level: r.level, depth: depth(r) }));
}

/**
 * Whether an indicator is a stock (it reads a stock variable for the period:
 * patents held) or a flow (it reads flows only: firms incubated this year).
 */
function measureOf(indicator: Indicator, stocks: ReadonlySet<string>): Measure {
  return indicator.inputs.current.some((code) => stocks.has(code)) ? 'stock' : 'flow';
}

/**
 * For each indicator whose target builds up through the year, and each
 * region with an annual target in `year`: the target to date at every
 * quarter end (the plan's 30/60/90/120) beside the linear 序时 line, with
 * what the line starts from (a stock: the figure at the end of last year).
 */
function scheduleLines(context: RunContext, year: number): SchedulePoint[] {
  const annuals = new Map<string, number>();
  const priorYearEnds = new Map<string, number>();
  const priorYearEnd = `${year - 1}Q4`;
  for (const r of context.results) {
    const key = `${r.indicator}\u0000${r.region}`;
    if (r.annualTarget !== null && parseQuarter(r.period)?.year === year) {
      if (!annuals.has(key)) annuals.set(key, r.annualTarget);
    }
    if (r.period === priorYearEnd && r.actual !== null) priorYearEnds.set(key, r.actual);
  }
  const scheduled = new Map<string, number>();
  for (const t of context.targets) if (t.period !== null) scheduled.set(`${t.indicator}\u0000${t.region}\u0000${t.period}`, t.value);
  const points: SchedulePoint[] = [];
  const accumulating = context.catalog.indicators.filter((i: Indicator) => scheduleRules[i.schedule].accumulates);
  const stocks = new Set(context.catalog.variables.filter((v) => v.kind === 'stock').map((v) => v.code));
  for (const indicator of accumulating) {
    const measure = measureOf(indicator, stocks);
    for (const region of context.regions) {
      const key = `${indicator.id}\u0000${region.code}`;
      const annual = annuals.get(key);
      if (annual === undefined) continue;
      for (const { period, quarter } of quartersOf(year)) {
        const own = scheduled.get(`${key}\u0000${period}`) ?? null;
        points.push({
          indicator: indicator.id,
          region: region.code,
          quarter,
          target: scheduleRules[indicator.schedule].targetToDate(annual, quarter, own),
          linear: (annual * quarter) / 4,
          annual,
          measure,
          priorYearEnd: priorYearEnds.get(key) ?? null,
        });
      }
    }
  }
  return points;
}
