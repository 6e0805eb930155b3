import type { ScheduleKind } from '../catalog/indicator.js';
import { scheduleKinds } from '../catalog/indicator.js';
import type { Status } from '../model/status.js';
import type { Sql } from '../model/sql.js';
import { joinSql, literal, sql } from '../model/sql.js';
import { scheduleCase, scheduleRules } from './scheduleRules.js';

/**
 * The status rules of INDICATORS.md §5, tried in the order of `statuses`:
 * each with its SQL over a judged row (`actual`, `annual`, `attainment`,
 * `meets_target`, `schedule`, `quarter`; `$threshold` is the warning line)
 * and its words. Explain, the report notes, the workbook and the HTML all
 * say a status from here.
 */
export interface StatusRule {
  /** The status's name in every report, table and chart. */
  readonly label: string;
  /** What it means, in words a reader checks a cell against. */
  readonly meaning: (warningThreshold: number) => string;
  /** When it applies, as SQL; the first rule that holds decides. Null for the last, which takes the rest. */
  readonly when: Sql | null;
}

const percent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;

/** Kinds judged only at year end: before Q4 their figures are pending. */
const pendingKinds: readonly ScheduleKind[] = scheduleKinds.filter((k) => !scheduleRules[k].judgedBeforeQ4);

export const statusRules: Record<Status, StatusRule> = {
  no_data: { label: '无数据', meaning: () => '本期无实际数据', when: sql`actual IS NULL` },
  no_target: { label: '无目标', meaning: () => '未设定年度目标', when: sql`annual IS NULL` },
  completed: { label: '已完成', meaning: () => '已完成全年目标', when: sql`coalesce(${scheduleCase((r) => r.completed)}, false)` },
  pending: {
    label: '年末考核',
    meaning: () => '年末一次性考核，四季度前不作评价',
    when: pendingKinds.length === 0 ? sql`false` : sql`schedule IN (${joinSql(pendingKinds.map(literal))}) AND quarter < 4`,
  },
  on_track: { label: '达到序时', meaning: () => '完成率不低于100%', when: sql`meets_target` },
  warning: { label: '预警', meaning: (t) => `完成率在${percent(t)}（预警线）至100%之间`, when: sql`attainment >= $threshold` },
  behind: { label: '滞后', meaning: (t) => `完成率低于${percent(t)}`, when: null },
};

/**
 * Each status's name, as the `status_label` column and the 通报 say it.
 *
 * @example
 * statusLabels.on_track // '达到序时'
 */
export const statusLabels: Record<Status, string> = Object.fromEntries(Object.entries(statusRules).map(([s, r]) => [s, r.label])) as Record<Status, string>;
