import type { ScheduleKind } from '../catalog/indicator.js';
import { scheduleKinds } from '../catalog/indicator.js';
import { literal } from '../store/sql.js';

/**
 * SQL for each schedule kind (INDICATORS.md §4), over the columns
 * `annual` (annual target), `scheduled` (the region's own schedule row for
 * the period, if any), `quarter`, and `meets_target`/`meets_annual` (the
 * attainment/annual progress ≥ 1, or where that ratio is null for a target of
 * 0 or below, actual meeting the target: src/assess/ratioSql.ts).
 * Typed as a Record so a new kind cannot be forgotten.
 */
export interface ScheduleRule {
  /** The target to date. */
  readonly target: string;
  /**
   * 序时进度: the share of the annual target due by now. It is a fact of the
   * calendar and the schedule kind, so it is given even where no target applies.
   */
  readonly expected: string;
  /** When the year's goal counts as already met (read on the judged row, after the ratios). */
  readonly completed: string;
  /** Whether a figure before Q4 is judged at all (otherwise `pending`). */
  readonly judgedBeforeQ4: boolean;
  /** Whether the target to date builds up through the year (reports draw it as a cumulative line). */
  readonly accumulates: boolean;
}

// quarter / 4 first: annual * quarter would overflow for an annual target near 1.8e308.
const linearTarget = 'annual * (quarter / 4)';

export const scheduleRules: Record<ScheduleKind, ScheduleRule> = {
  level: {
    target: 'annual',
    expected: '1.0',
    completed: 'quarter = 4 AND meets_target',
    judgedBeforeQ4: true,
    accumulates: false,
  },
  linear: {
    target: linearTarget,
    expected: 'quarter / 4',
    completed: 'meets_annual',
    judgedBeforeQ4: true,
    accumulates: true,
  },
  explicit: {
    // A missing schedule row falls back to linear; rows are never inherited.
    target: `coalesce(scheduled, ${linearTarget})`,
    expected: 'CASE WHEN scheduled IS NOT NULL THEN scheduled / NULLIF(annual, 0) ELSE quarter / 4 END',
    completed: 'meets_annual',
    judgedBeforeQ4: true,
    accumulates: true,
  },
  year_end: {
    target: 'annual',
    expected: 'CASE WHEN quarter = 4 THEN 1.0 END',
    completed: 'meets_annual',
    judgedBeforeQ4: false,
    accumulates: false,
  },
};

/** One SQL expression choosing a rule's part by the row's `schedule` column. */
export const scheduleCase = (pick: (rule: ScheduleRule) => string): string =>
  `CASE schedule ${scheduleKinds.map((kind) => `WHEN ${literal(kind)} THEN (${pick(scheduleRules[kind])})`).join(' ')} END`;
