/** The verdict on one figure (INDICATORS.md §5), in the order the rules are tried. */
export const statuses = ['no_data', 'no_target', 'completed', 'pending', 'on_track', 'warning', 'behind'] as const;
export type Status = (typeof statuses)[number];

/** Chinese labels used in every report. */
export const statusLabels: Record<Status, string> = {
  completed: '已完成',
  on_track: '达到序时',
  warning: '预警',
  behind: '滞后',
  pending: '年末考核',
  no_data: '无数据',
  no_target: '无目标',
};
