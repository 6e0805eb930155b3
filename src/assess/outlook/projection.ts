import { max, mean, min, sampleStandardDeviation } from 'simple-statistics';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { finiteOrNull } from './finiteOrNull.js';
import { meetingProbability } from './meetingProbability.js';

/** 年末预计: the year-end figure a quarter's actual points to (OUTLOOK.md §2). */
export interface Projection {
  readonly projected: number | null;
  readonly projectedLow: number | null;
  readonly projectedHigh: number | null;
  readonly probability: number | null;
}

export interface ProjectionInput {
  /** The figure so far (a quarter before Q4). */
  readonly actual: number;
  /** G, or the one default factor. */
  readonly factors: readonly number[];
  readonly annualTarget: number | null;
  readonly direction: IndicatorDefinition['direction'];
}

/**
 * `projected` = actual × mean(G). With two factors or more, the range
 * actual × min(G) … actual × max(G), and — given an annual target — the
 * probability of meeting it with the projection normally distributed around
 * `projected`, standard deviation |actual| × sd(G) (the sample standard
 * deviation, n − 1). Equal factors have a standard deviation of exactly 0
 * (not the 1e-17 rounding can leave), so the probability is then 1 or 0.
 * One factor (or the default) gives the projection alone. A value too
 * large for a number is null. The ends are actual × min(G) and actual ×
 * max(G) as written, so for a negative actual `projectedLow` is the larger.
 *
 * @example projection({ actual: 50, factors: [2, 2.4], annualTarget: 100, direction: 'higher' })
 * // { projected: 110, projectedLow: 100, projectedHigh: 120, probability: 0.76… } (sd = 50 × 0.2828… = 14.14…)
 * @example projection({ actual: 50, factors: [2], annualTarget: 100, direction: 'higher' })
 * // { projected: 100, projectedLow: null, projectedHigh: null, probability: null }
 */
export function projection({ actual, factors, annualTarget, direction }: ProjectionInput): Projection {
  const g = factorStatistics(factors);
  const projected = finiteOrNull(actual * g.mean);
  if (g.sd === null) return { projected, projectedLow: null, projectedHigh: null, probability: null };
  // As OUTLOOK.md writes them, also for a negative actual (where "low" is then the larger).
  const projectedLow = finiteOrNull(actual * g.min);
  const projectedHigh = finiteOrNull(actual * g.max);
  if (annualTarget === null || projected === null) return { projected, projectedLow, projectedHigh, probability: null };
  const sd = projectionSd(actual, g.sd);
  const probability = Number.isFinite(sd) ? meetingProbability({ mean: projected, sd, target: annualTarget, direction }) : null;
  return { projected, projectedLow, projectedHigh, probability };
}

/**
 * The standard deviation of the projection: |actual| × sd(G).
 *
 * @example projectionSd(-50, 0.2) // 10
 */
export const projectionSd = (actual: number, factorSd: number): number => Math.abs(actual) * factorSd;

/** What a projection reads of its factors. */
export interface FactorStatistics {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The sample standard deviation (n − 1): exactly 0 for equal factors, null for fewer than two. */
  readonly sd: number | null;
}

/**
 * mean, min, max and sample standard deviation of G (simple-statistics).
 * Equal factors have a standard deviation of exactly 0, not the 1e-17
 * rounding can leave, so "sd = 0" (OUTLOOK.md §2) is recognised.
 *
 * @example factorStatistics([2, 2.4]) // { mean: 2.2, min: 2, max: 2.4, sd: 0.2828… }
 * @example factorStatistics([2]) // { mean: 2, min: 2, max: 2, sd: null }
 */
export function factorStatistics(factors: readonly number[]): FactorStatistics {
  if (factors.length === 0) throw new Error('a projection needs at least one factor');
  const g = [...factors];
  const [lowest, highest] = [min(g), max(g)];
  const sd = g.length < 2 ? null : lowest === highest ? 0 : sampleStandardDeviation(g);
  return { mean: mean(g), min: lowest, max: highest, sd };
}
