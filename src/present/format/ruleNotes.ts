import { directionWords, measureWords } from '../../assess/ratioSql.js';
import { scheduleRules } from '../../assess/scheduleRules.js';
import { statusRules } from '../../assess/statusRules.js';
import type { ScheduleKind } from '../../catalog/indicator.js';
import { statusDisplayOrder } from '../charts/statusStyle.js';

/** The order the 注 names the schedule kinds in: the cumulative ones first, as a reader meets them. */
const kindsInNotes: readonly ScheduleKind[] = ['linear', 'explicit', 'level', 'year_end'];

/**
 * The 注 under a 通报's headline table: how 完成率, 差距 and 序时进度 are
 * reckoned, and what each status means — said from the rule catalogs
 * (src/assess), so the workbook and the HTML say the same.
 *
 * @example
 * ruleNotes(0.9)[2]; // '3. 状态说明：已完成——已完成全年目标；达到序时——…'
 */
export function ruleNotes(warningThreshold: number): string[] {
  return [
    `注：1. ${measureWords.attainment}；${measureWords.gap}。`,
    `2. ${measureWords.expected}——${kindsInNotes.map((k) => scheduleRules[k].expectedWords).join('，')}；${measureWords.ahead}。`,
    `3. 状态说明：${statusDisplayOrder.map((s) => `${statusRules[s].label}——${statusRules[s].meaning(warningThreshold)}`).join('；')}。`,
  ];
}

/** How an indicator is assessed, for its row in the notes on indicators: direction, then schedule kind. */
export const assessedAs = (indicator: { readonly direction: keyof typeof directionWords; readonly schedule: ScheduleKind }): string =>
  `${directionWords[indicator.direction]}；${scheduleRules[indicator.schedule].judged}`;
