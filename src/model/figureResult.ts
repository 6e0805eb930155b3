import type { Finding } from './finding.js';
import type { Status } from './status.js';

/**
 * What a figure says about the rest of its year (OUTLOOK.md §1–3): 同比
 * against the same quarter a year earlier, the year-end projection from
 * seasonal factors, the chance of meeting the annual target, and the pace
 * needed. Rules in src/assess/outlook/; every field is null where its rule
 * gives nothing (Q4, a null actual, no annual target, a level indicator's pace).
 */
export interface FigureOutlook {
  /** actual(r, (Y−1)Qq). */
  readonly actualPrevYear: number | null;
  /** actual − actualPrevYear. */
  readonly yoyChange: number | null;
  /** yoyChange ÷ |actualPrevYear|; null when the previous value is 0. */
  readonly yoyGrowth: number | null;
  /** 年末预计: actual × mean(G), or × the default factor; null at Q4 and without an actual. */
  readonly projected: number | null;
  /** actual × min(G) / actual × max(G), with at least two factors. */
  readonly projectedLow: number | null;
  readonly projectedHigh: number | null;
  /** The chance of meeting the annual target under a normal approximation, with at least two factors. */
  readonly probability: number | null;
  /** Whose history the factors came from: `own`, `inherited:<region code>` or `default`. */
  readonly projectionBasis: string | null;
  /** actual ÷ q, for cumulative indicators before Q4 with an annual target. */
  readonly paceSoFar: number | null;
  /** 需季均完成: what each remaining quarter must add (or, lower-is-better, cut); 0 once the target is met. */
  readonly paceNeeded: number | null;
}

/**
 * The outlook fields of a figure alone.
 *
 * @example outlookOf(result).projected
 */
export const outlookOf = (r: FigureOutlook): FigureOutlook => ({
  actualPrevYear: r.actualPrevYear,
  yoyChange: r.yoyChange,
  yoyGrowth: r.yoyGrowth,
  projected: r.projected,
  projectedLow: r.projectedLow,
  projectedHigh: r.projectedHigh,
  probability: r.probability,
  projectionBasis: r.projectionBasis,
  paceSoFar: r.paceSoFar,
  paceNeeded: r.paceNeeded,
});

/**
 * One assessed figure: an indicator for a region and a period, its target,
 * ratios, status and rank (INDICATORS.md §4–§5), its outlook (OUTLOOK.md
 * §1–3) and what was noticed while computing it. The one shape a result has
 * from the store to every output; names and words are added by `present/`.
 */
export interface FigureResult extends FigureOutlook {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly annualTarget: number | null;
  readonly attainment: number | null;
  readonly annualProgress: number | null;
  readonly expectedProgress: number | null;
  readonly gap: number | null;
  readonly status: Status;
  readonly rank: number | null;
  /** `own`, or `inherited:<region code>` for an intensive indicator's ancestor's target; null without an annual target. */
  readonly targetSource: string | null;
  /** The inputs with no figure, as the formula names them (`prev_year(gdp)`). */
  readonly missingInputs: readonly string[];
  /** Children (region codes) that reported nothing for an input summed from them. */
  readonly missingChildren: readonly string[];
  readonly findings: readonly Finding[];
}
