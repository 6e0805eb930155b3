import type { IndicatorDefinition } from '../../catalog/indicator.js';
import type { FigureOutlook } from '../../model/figureResult.js';
import { periodIndex, storedPeriod } from '../../model/period.js';
import { isCumulative } from './cumulative.js';
import { pace } from './pace.js';
import { projection } from './projection.js';
import type { ProjectionBasis } from './projectionBasis.js';
import { basisFactors, basisLabel, defaultFactor, projectionBasis } from './projectionBasis.js';
import { seasonalFactors } from './seasonalFactors.js';
import { yearOverYear } from './yearOverYear.js';

/** What the outlook of a figure reads: the assessed row's key, actual and annual target. */
export interface OutlookRow {
  readonly indicator: string;
  readonly region: string;
  /** `YYYYQn`. */
  readonly period: string;
  readonly actual: number | null;
  readonly annualTarget: number | null;
}

/** What it needs of the indicator's definition. */
export type OutlookIndicator = Pick<IndicatorDefinition, 'id' | 'direction' | 'schedule'>;

/** A row's outlook, and the factors behind its projection (null where there is none: Q4, no actual). */
export interface RowOutlook {
  readonly outlook: FigureOutlook;
  readonly basis: ProjectionBasis | null;
}

/**
 * 同比, year-end projection, probability and pace (OUTLOOK.md §1–3) for each
 * of `rows`, in their order. The history is `rows` themselves: an
 * indicator's actual for a region at an earlier quarter is that row's
 * actual, missing when there is no such row. `parents` is the region tree
 * (code → parent code, null for the root), walked up when a region has no
 * history of its own.
 *
 * @example
 * const rows = [
 *   { indicator: 'firms', region: 'C', period: '2022Q2', actual: 40, annualTarget: null },
 *   { indicator: 'firms', region: 'C', period: '2022Q4', actual: 100, annualTarget: null },
 *   { indicator: 'firms', region: 'C', period: '2023Q2', actual: 50, annualTarget: 120 },
 * ];
 * figureOutlooks(rows, [{ id: 'firms', direction: 'higher', schedule: 'linear' }], new Map([['C', null]]))[2].outlook
 * // { actualPrevYear: 40, yoyChange: 10, yoyGrowth: 0.25, projected: 125, projectionBasis: 'own', paceSoFar: 25, paceNeeded: 35, … }
 */
export function figureOutlooks(rows: readonly OutlookRow[], indicators: readonly OutlookIndicator[], parents: ReadonlyMap<string, string | null>): RowOutlook[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const actuals = new Map<string, number | null>();
  for (const r of rows) actuals.set(key(r.indicator, r.region, periodIndex(storedPeriod(r.period))), r.actual);
  const chains = new Map<string, readonly string[]>();
  const chainOf = (region: string): readonly string[] => {
    let chain = chains.get(region);
    if (chain === undefined) {
      const up: string[] = [];
      for (let at: string | null | undefined = region; at !== null && at !== undefined && !up.includes(at); at = parents.get(at)) up.push(at);
      chain = up;
      chains.set(region, chain);
    }
    return chain;
  };

  return rows.map((row) => {
    const indicator = byId.get(row.indicator);
    if (indicator === undefined) throw new Error(`indicator ${row.indicator} is not in the catalog`);
    const { year, quarter } = storedPeriod(row.period);
    const actualAt = (region: string) => (y: number, q: number): number | null => actuals.get(key(row.indicator, region, periodIndex({ year: y, quarter: q }))) ?? null;
    const yoy = yearOverYear(row.actual, actualAt(row.region)(year - 1, quarter));
    const cumulative = isCumulative(indicator.schedule);
    const paced = pace({ actual: row.actual, annualTarget: row.annualTarget, quarter, direction: indicator.direction, cumulative });
    if (row.actual === null || quarter === 4) {
      return { outlook: { ...yoy, projected: null, projectedLow: null, projectedHigh: null, probability: null, projectionBasis: null, ...paced }, basis: null };
    }
    const basis = projectionBasis(chainOf(row.region), (region) => seasonalFactors(actualAt(region), year, quarter), defaultFactor(cumulative, quarter));
    const projected = projection({ actual: row.actual, factors: basisFactors(basis), annualTarget: row.annualTarget, direction: indicator.direction });
    return { outlook: { ...yoy, ...projected, projectionBasis: basisLabel(basis), ...paced }, basis };
  });
}

const key = (indicator: string, region: string, pidx: number): string => `${indicator}\u0000${region}\u0000${pidx}`;
