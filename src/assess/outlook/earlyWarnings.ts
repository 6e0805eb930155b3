import type { IndicatorDefinition } from '../../catalog/indicator.js';
import type { FigureResult } from '../../model/figureResult.js';
import { storedPeriod } from '../../model/period.js';
import type { Status } from '../../model/status.js';

/** 预警清单: a figure before Q4 whose year-end looks set to miss its annual target (OUTLOOK.md §4). */
export interface EarlyWarning {
  readonly period: string;
  readonly indicator: string;
  readonly region: string;
  readonly actual: number | null;
  readonly annualTarget: number;
  readonly projected: number | null;
  readonly probability: number | null;
  /**
   * How far the projection falls short: annual target − projected for
   * higher-is-better, projected − annual target for lower-is-better
   * (positive = short; negative when only the probability warns).
   */
  readonly shortfall: number | null;
  /** The indicator's lead units (牵头单位), as the catalog lists them. */
  readonly leadUnits: readonly string[];
}

/** What the rule reads of a figure. */
export type WarningRow = Pick<FigureResult, 'indicator' | 'region' | 'period' | 'actual' | 'annualTarget' | 'status' | 'projected' | 'probability'>;

/** What it reads of an indicator. */
export type WarningIndicator = Pick<IndicatorDefinition, 'id' | 'direction' | 'lead_units'>;

/** Statuses that are never warned about: done, or nothing to judge. */
const settled: ReadonlySet<Status> = new Set<Status>(['completed', 'no_data', 'no_target']);

/**
 * The early warnings among `rows` (OUTLOOK.md §4): periods before Q4, status
 * not `completed`, `no_data` or `no_target`, and either the projection
 * misses the annual target (below it for higher-is-better, above it for
 * lower-is-better) or the probability of meeting it is below
 * `warningProbability`. Listed by period (oldest first), then most serious
 * first — by projected ÷ annual target − 1 ascending for higher-is-better,
 * descending for lower-is-better (one scale: how far the projection is on
 * the wrong side, as a share of the target) — then by indicator code, then
 * region code. A target of 0 or below gives that share no meaning: such
 * warnings come after the others of their period.
 *
 * @example
 * earlyWarnings(
 *   [{ indicator: 'firms', region: 'C', period: '2023Q2', actual: 50, annualTarget: 120, status: 'warning', projected: 100, probability: null }],
 *   [{ id: 'firms', direction: 'higher', lead_units: ['市科技局'] }],
 *   0.5,
 * ) // [{ period: '2023Q2', indicator: 'firms', region: 'C', …, shortfall: 20, leadUnits: ['市科技局'] }]
 */
export function earlyWarnings(rows: readonly WarningRow[], indicators: readonly WarningIndicator[], warningProbability: number): EarlyWarning[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const found: { warning: EarlyWarning; seriousness: number | null }[] = [];
  for (const r of rows) {
    const indicator = byId.get(r.indicator);
    if (indicator === undefined) throw new Error(`indicator ${r.indicator} is not in the catalog`);
    const target = r.annualTarget;
    if (target === null || settled.has(r.status) || storedPeriod(r.period).quarter === 4) continue;
    const higher = indicator.direction === 'higher';
    const misses = r.projected !== null && (higher ? r.projected < target : r.projected > target);
    const unlikely = r.probability !== null && r.probability < warningProbability;
    if (!misses && !unlikely) continue;
    const shortfall = r.projected === null ? null : higher ? target - r.projected : r.projected - target;
    const share = r.projected === null || target <= 0 ? null : r.projected / target - 1;
    const seriousness = share === null || !Number.isFinite(share) ? null : higher ? share : -share;
    found.push({
      warning: { period: r.period, indicator: r.indicator, region: r.region, actual: r.actual, annualTarget: target, projected: r.projected, probability: r.probability, shortfall, leadUnits: indicator.lead_units },
      seriousness,
    });
  }
  return found.sort(bySeriousness).map((f) => f.warning);
}

/** Code-unit order, the same on every machine (no locale). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function bySeriousness(a: { warning: EarlyWarning; seriousness: number | null }, b: { warning: EarlyWarning; seriousness: number | null }): number {
  const period = compareText(a.warning.period, b.warning.period);
  if (period !== 0) return period;
  if (a.seriousness !== b.seriousness) {
    if (a.seriousness === null) return 1;
    if (b.seriousness === null) return -1;
    return a.seriousness - b.seriousness;
  }
  return compareText(a.warning.indicator, b.warning.indicator) || compareText(a.warning.region, b.warning.region);
}

/**
 * The latest period that has warnings, and how many it has (for the run's summary); null when there are none.
 *
 * @example latestWarnings([{ period: '2023Q1', … }, { period: '2023Q2', … }, { period: '2023Q2', … }]) // { period: '2023Q2', count: 2 }
 */
export function latestWarnings(warnings: readonly Pick<EarlyWarning, 'period'>[]): { readonly period: string; readonly count: number } | null {
  let period: string | null = null;
  for (const w of warnings) if (period === null || w.period > period) period = w.period;
  return period === null ? null : { period, count: warnings.filter((w) => w.period === period).length };
}
