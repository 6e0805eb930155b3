import type { ScheduleKind } from '../../catalog/indicator.js';

/**
 * OUTLOOK.md: an indicator is "cumulative" when its target to date grows
 * through the year (`linear`, `explicit`), a "level" otherwise (`level`,
 * `year_end`). A `Record`, so a new schedule kind does not compile until it
 * is placed here.
 */
const cumulativeSchedules: Record<ScheduleKind, boolean> = { level: false, linear: true, explicit: true, year_end: false };

/**
 * Whether an indicator of this schedule is cumulative (its figure adds up through the year).
 *
 * @example isCumulative('linear') // true
 * @example isCumulative('year_end') // false
 */
export const isCumulative = (schedule: ScheduleKind): boolean => cumulativeSchedules[schedule];
