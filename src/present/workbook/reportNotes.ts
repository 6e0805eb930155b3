import type { Status } from '../../assess/status.js';
import { statusLabels } from '../../assess/status.js';
import { statusDisplayOrder } from '../charts/statusStyle.js';

const percent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;

/** What each status means, in words a reader of the 通报 checks a cell against. */
export function statusMeanings(warningThreshold: number): Record<Status, string> {
  return {
    completed: '已完成全年目标',
    on_track: '完成率不低于100%',
    warning: `完成率在${percent(warningThreshold)}（预警线）至100%之间`,
    behind: `完成率低于${percent(warningThreshold)}`,
    pending: '年末一次性考核，四季度前不作评价',
    no_data: '本期无实际数据',
    no_target: '未设定年度目标',
  };
}

/**
 * The 注 lines under the headline table: how 完成率 and 序时进度 are reckoned,
 * and the seven statuses.
 *
 * @example
 * reportNotes(0.9)[2]; // '3. 状态说明：已完成——已完成全年目标；达到序时——…'
 */
export function reportNotes(warningThreshold: number): string[] {
  const meanings = statusMeanings(warningThreshold);
  return [
    '注：1. 完成率 = 实际完成 ÷ 目标（至本期），越低越好的指标为 目标（至本期）÷ 实际完成；差距 = 实际完成 − 目标（至本期），百分比类指标单位为个百分点。',
    '2. 序时进度：截至本期按进度安排应完成的年度目标比例——均衡推进的累计指标为 已过季度数 ÷ 4，另定分季目标的为 本期目标 ÷ 年度目标，水平类指标为100%，年末考核的指标四季度前不计序时；超/落后序时 =（年度进度 − 序时进度）× 100，单位为个百分点。',
    `3. 状态说明：${statusDisplayOrder.map((s) => `${statusLabels[s]}——${meanings[s]}`).join('；')}。`,
  ];
}
