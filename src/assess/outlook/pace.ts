import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { finiteOrNull } from './finiteOrNull.js';

/** 需季均完成: the pace so far and the pace the rest of the year needs (OUTLOOK.md §3). */
export interface Pace {
  readonly paceSoFar: number | null;
  readonly paceNeeded: number | null;
}

export interface PaceInput {
  readonly actual: number | null;
  readonly annualTarget: number | null;
  readonly quarter: number;
  readonly direction: IndicatorDefinition['direction'];
  /** Whether the indicator is cumulative (src/assess/outlook/cumulative.ts); a level has no pace. */
  readonly cumulative: boolean;
}

const none: Pace = { paceSoFar: null, paceNeeded: null };

/**
 * For a cumulative indicator before Q4 with an actual and an annual target:
 * `paceSoFar` = actual ÷ q, and `paceNeeded` = what each of the 4 − q
 * remaining quarters must add, (target − actual) ÷ (4 − q) — for
 * lower-is-better the reduction each must make, (actual − target) ÷ (4 − q)
 * — or 0 once the target is met (actual ≥ target; ≤ for lower-is-better).
 * Null otherwise: a level's `gap` already says how far off it is.
 *
 * @example pace({ actual: 30, annualTarget: 100, quarter: 1, direction: 'higher', cumulative: true }) // { paceSoFar: 30, paceNeeded: 23.33… }
 * @example pace({ actual: 120, annualTarget: 100, quarter: 2, direction: 'higher', cumulative: true }) // { paceSoFar: 60, paceNeeded: 0 }
 */
export function pace({ actual, annualTarget, quarter, direction, cumulative }: PaceInput): Pace {
  if (!cumulative || quarter >= 4 || actual === null || annualTarget === null) return none;
  const met = direction === 'higher' ? actual >= annualTarget : actual <= annualTarget;
  const remaining = direction === 'higher' ? annualTarget - actual : actual - annualTarget;
  return { paceSoFar: finiteOrNull(actual / quarter), paceNeeded: met ? 0 : finiteOrNull(remaining / (4 - quarter)) };
}
