import type { ScheduleKind } from '../../catalog/indicator.js';

/** How each schedule kind is judged, in the words of a 通报's notes. */
export const scheduleLabels: Record<ScheduleKind, string> = {
  level: '水平值指标：每季度以年度目标衡量，序时进度为100%',
  linear: '累计指标：年度目标按季度平均分解（序时进度 = 季度/4）',
  explicit: '累计指标：按计划各季度进度目标考核，缺少进度目标时按线性序时',
  year_end: '年末考核指标：四季度前只显示进度，不评判',
};

export const directionLabels = { higher: '越大越好', lower: '越小越好' } as const;
