import type { MilestoneStatus } from '../model/milestoneReport.js';

/** The words of the reporting form. */
export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  done: '已完成',
  in_progress: '推进中',
  late: '滞后',
  not_started: '未启动',
};

/** Other ways offices write the same status; each has one meaning. */
const aliases: Record<string, MilestoneStatus> = {
  完成: 'done',
  已完成: 'done',
  done: 'done',
  completed: 'done',
  推进中: 'in_progress',
  进行中: 'in_progress',
  正在推进: 'in_progress',
  in_progress: 'in_progress',
  'in progress': 'in_progress',
  滞后: 'late',
  延迟: 'late',
  延期: 'late',
  late: 'late',
  behind: 'late',
  未启动: 'not_started',
  未开始: 'not_started',
  not_started: 'not_started',
  'not started': 'not_started',
};

/** A status as written on a report, or undefined when it is none of the four. */
export function readMilestoneStatus(text: string): MilestoneStatus | undefined {
  return aliases[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}
