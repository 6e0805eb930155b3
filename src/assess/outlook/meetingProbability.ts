import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { standardNormal } from './standardNormal.js';

/** A year-end figure's distribution and what it is judged against. */
export interface MeetingOdds {
  /** The projection: the distribution's mean. */
  readonly mean: number;
  /** Its standard deviation, ≥ 0. */
  readonly sd: number;
  readonly target: number;
  readonly direction: IndicatorDefinition['direction'];
}

/**
 * The chance that a normally distributed year-end figure meets the target
 * (OUTLOOK.md §2): `P(X ≥ target)` for higher-is-better, `P(X ≤ target)`
 * for lower-is-better. With a standard deviation of 0 the figure is
 * certain: 1 when the mean meets the target (exactly meeting it counts), else 0.
 *
 * @example meetingProbability({ mean: 100, sd: 10, target: 100, direction: 'higher' }) // 0.5
 * @example meetingProbability({ mean: 90, sd: 0, target: 90, direction: 'lower' }) // 1
 * @example meetingProbability({ mean: 110, sd: 10, target: 100, direction: 'lower' }) // 0.1586…
 */
export function meetingProbability({ mean, sd, target, direction }: MeetingOdds): number {
  if (sd === 0) return (direction === 'higher' ? mean >= target : mean <= target) ? 1 : 0;
  const z = (target - mean) / sd;
  return direction === 'higher' ? standardNormal(-z) : standardNormal(z);
}
