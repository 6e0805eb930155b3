import type { ScheduleKind } from '../catalog/indicator.js';
import { scheduleKinds } from '../catalog/indicator.js';
import type { Sql } from '../model/sql.js';
import { joinSql, literal, sql } from '../model/sql.js';

/**
 * SQL and words for each schedule kind (INDICATORS.md §4), over the columns
 * `annual` (annual target), `scheduled` (the region's own schedule row for
 * the period, if any), `quarter`, and `meets_target`/`meets_annual` (the
 * attainment/annual progress ≥ 1, or where that ratio is null for a target of
 * 0 or below, actual meeting the target: src/assess/ratioSql.ts).
 * Typed as a Record so a new kind cannot be forgotten.
 */
export interface ScheduleRule {
  /** The kind's name, Chinese then English, as explain prints it. */
  readonly label: string;
  /** How a figure of this kind is judged, in the words of a 通报's notes on an indicator. */
  readonly judged: string;
  /** How its 序时进度 is reckoned, as the 注 under the headline table says it. */
  readonly expectedWords: string;
  /** The target to date. */
  readonly target: Sql;
  /**
   * 序时进度: the share of the annual target due by now. It is a fact of the
   * calendar and the schedule kind, so it is given even where no target applies.
   */
  readonly expected: Sql;
  /** When the year's goal counts as already met (read on the judged row, after the ratios). */
  readonly completed: Sql;
  /** Whether a figure before Q4 is judged at all (otherwise `pending`). */
  readonly judgedBeforeQ4: boolean;
  /** Whether the target to date builds up through the year (reports draw it as a cumulative line). */
  readonly accumulates: boolean;
  /**
   * `target` for a report's schedule line, which also runs through quarters
   * not yet reported. Tested against `target` over every result row
   * (tests/assess/scheduleRules.test.ts).
   */
  readonly targetToDate: (annual: number, quarter: number, scheduled: number | null) => number;
}

// quarter / 4 first: annual * quarter would overflow for an annual target near 1.8e308.
const linearTarget = sql`annual * (quarter / 4)`;
const linearToDate = (annual: number, quarter: number): number => annual * (quarter / 4);

export const scheduleRules: Record<ScheduleKind, ScheduleRule> = {
  level: {
    label: '水平值指标 level',
    judged: '水平值指标：每季度以年度目标衡量，序时进度为100%',
    expectedWords: '水平类指标为100%',
    target: sql`annual`,
    expected: sql`1.0`,
    completed: sql`quarter = 4 AND meets_target`,
    judgedBeforeQ4: true,
    accumulates: false,
    targetToDate: (annual) => annual,
  },
  linear: {
    label: '线性序时 linear',
    judged: '累计指标：年度目标按季度平均分解（序时进度 = 季度/4）',
    expectedWords: '均衡推进的累计指标为 已过季度数 ÷ 4',
    target: linearTarget,
    expected: sql`quarter / 4`,
    completed: sql`meets_annual`,
    judgedBeforeQ4: true,
    accumulates: true,
    targetToDate: (annual, quarter) => linearToDate(annual, quarter),
  },
  explicit: {
    label: '计划进度 explicit',
    judged: '累计指标：按计划各季度进度目标考核，缺少进度目标时按线性序时',
    expectedWords: '另定分季目标的为 本期目标 ÷ 年度目标',
    // A missing schedule row falls back to linear; rows are never inherited.
    target: sql`coalesce(scheduled, ${linearTarget})`,
    expected: sql`CASE WHEN scheduled IS NOT NULL THEN scheduled / NULLIF(annual, 0) ELSE quarter / 4 END`,
    completed: sql`meets_annual`,
    judgedBeforeQ4: true,
    accumulates: true,
    targetToDate: (annual, quarter, scheduled) => scheduled ?? linearToDate(annual, quarter),
  },
  year_end: {
    label: '年末考核 year_end',
    judged: '年末考核指标：四季度前只显示进度，不评判',
    expectedWords: '年末考核的指标四季度前不计序时',
    target: sql`annual`,
    expected: sql`CASE WHEN quarter = 4 THEN 1.0 END`,
    completed: sql`meets_annual`,
    judgedBeforeQ4: false,
    accumulates: false,
    targetToDate: (annual) => annual,
  },
};

/** One SQL expression choosing a rule's part by the row's `schedule` column. */
export const scheduleCase = (pick: (rule: ScheduleRule) => Sql): Sql =>
  sql`CASE schedule ${joinSql(scheduleKinds.map((kind) => sql`WHEN ${literal(kind)} THEN (${pick(scheduleRules[kind])})`), ' ')} END`;
