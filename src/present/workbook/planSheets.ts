import type { Workbook } from 'exceljs';
import type { Completion, DueMilestone } from '../../plan/trackPlan.js';
import { milestoneStateLabel } from '../format/milestoneStateLabels.js';
import type { ReportData } from '../report/reportData.js';
import { shareFormat } from './numberFormats.js';
import { periodLabel } from '../format/periodLabels.js';
import { headedSheetOptions, headedTableRow as headerRow } from './headedSheet.js';
import { fitPagesTall } from './printSetup.js';
import { runStamp, sheetTitle, wideSpace } from './reportTitle.js';
import { writeHeading } from './sheetText.js';
import type { TableColumn } from './writeTable.js';
import { writeTable } from './writeTable.js';
import { formatPeriod } from '../../model/period.js';

export const leadUnitSheetName = '牵头单位';
export const overdueSheetName = '逾期任务';

const completionColumns = (first: string): readonly TableColumn<Completion>[] => [
  { header: first, cell: (c) => ({ value: c.name }), minWidth: 16, maxWidth: 30 },
  { header: '到期节点', cell: (c) => ({ value: c.due, numFmt: '0' }), align: 'right' },
  { header: '已完成', cell: (c) => ({ value: c.done, numFmt: '0' }), align: 'right' },
  { header: '完成率', cell: (c) => ({ value: c.rate, numFmt: shareFormat }), align: 'right', minWidth: 10 },
  { header: '未报送', cell: (c) => ({ value: c.unreported, numFmt: '0' }), align: 'right' },
  { header: '未完成', cell: (c) => ({ value: c.overdue, numFmt: '0' }), align: 'right' },
];

/**
 * Plan tracking sheets, when the run had a plan: `牵头单位` (milestones due,
 * done and the completion rate per lead unit, then per 事项) and `逾期任务`
 * (every milestone due and not done, oldest first, unreported ones included).
 * Each is headed like the other sheets: the report's title with the sheet's
 * name, then the quarter the tracking is as of and the run.
 */
export function addPlanSheets(workbook: Workbook, data: ReportData): void {
  if (!data.plan) return;
  const { tracking, tasks } = data.plan;
  const asOf = `截至${periodLabel(formatPeriod(tracking.year, tracking.quarter))}`;

  const units = workbook.addWorksheet(leadUnitSheetName, headedSheetOptions());
  const place = writeTable(units, headerRow, completionColumns('牵头单位'), tracking.byLeadUnit);
  const categories = writeTable(units, place.lastRow + 3, completionColumns('事项'), tracking.byCategory);
  writeHeading(units, Math.max(place.columns, categories.columns), sheetTitle(data, leadUnitSheetName), `各牵头单位、各事项到期进度节点完成情况（${asOf}）${wideSpace}${runStamp(data)}`);
  fitPagesTall(units, [headerRow, headerRow]);

  const byNumber = new Map(tasks.map((t) => [t.number, t]));
  const overdueColumns: readonly TableColumn<DueMilestone>[] = [
    { header: '任务序号', cell: (m) => ({ value: m.task, numFmt: '0' }), align: 'center' },
    { header: '季度', cell: (m) => ({ value: formatPeriod(tracking.year, m.quarter) }), align: 'center' },
    { header: '进度节点', cell: (m) => ({ value: m.milestone }), minWidth: 30, maxWidth: 60 },
    { header: '状态', cell: (m) => ({ value: milestoneStateLabel(m.state) }), align: 'center' },
    { header: '逾期季度数', cell: (m) => ({ value: m.quartersLate, numFmt: '0' }), align: 'center' },
    { header: '牵头单位', cell: (m) => ({ value: byNumber.get(m.task)?.leadUnits.join('、') ?? '' }), maxWidth: 30 },
    { header: '事项', cell: (m) => ({ value: byNumber.get(m.task)?.category ?? '' }), maxWidth: 24 },
  ];
  const overdue = workbook.addWorksheet(overdueSheetName, headedSheetOptions());
  const late = writeTable(overdue, headerRow, overdueColumns, tracking.overdue);
  writeHeading(overdue, late.columns, sheetTitle(data, overdueSheetName), `到期未完成的进度节点，含未报送的（${asOf}）${wideSpace}${runStamp(data)}`);
  fitPagesTall(overdue, [headerRow, headerRow]);
}
