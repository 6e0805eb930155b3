import { periodLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';
import { formatMinute, zoneLabel } from '../../model/clock.js';
import { runTime } from './runTime.js';

/** The full-width space that separates items on one line of a Chinese heading. */
export const wideSpace = '\u3000';

/** `<标题>（2023年二季度）`. */
export const reportTitle = (data: ReportData): string => `${data.title}（${periodLabel(data.period)}）`;

/** `<标题>（2023年二季度）——<sheet>`: the title of a sheet that shows one part of the 通报. */
export const sheetTitle = (data: ReportData, sheetName: string): string => `${reportTitle(data)}——${sheetName}`;

/** `运行编号：run #3（2023-07-20 09:00 北京时间）` on the clock of the run's `timeZone` setting, so a printed page can be traced back to its run. */
export const runStamp = (data: ReportData): string => {
  const at = runTime(data.runAt);
  return `运行编号：run #${data.runId}（${formatMinute(at, data.timeZone)} ${zoneLabel(data.timeZone, at)}）`;
};

/** Where the figures come from, so a printed page can be traced back to its run. */
export const runSubtitle = (data: ReportData): string =>
  [`数据截至：${periodLabel(data.period)}末`, runStamp(data), '生成依据：各地区报送数据及年度目标，经 kpi-engine 按指标目录公式计算'].join(wideSpace);
