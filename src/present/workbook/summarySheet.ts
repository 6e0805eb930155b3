import type { Workbook } from 'exceljs';
import type { ReportData } from '../report/reportData.js';
import { rootRegion } from '../report/reportData.js';
import type { SummaryLine } from '../report/summaryTable.js';
import { summaryTable } from '../report/summaryTable.js';
import { gapFormat, leadFormat, shareFormat, valueFormat } from './numberFormats.js';
import { fitPagesTall, printOptions } from './printSetup.js';
import { ruleNotes } from '../format/ruleNotes.js';
import { reportTitle, runSubtitle, wideSpace } from './reportTitle.js';
import { writeHeading, writeNotes } from './sheetText.js';
import type { TableColumn } from './writeTable.js';
import { writeTable } from './writeTable.js';

export const summarySheetName = '汇总';

interface NumberedLine {
  readonly no: number;
  readonly line: SummaryLine;
}

const columns: readonly TableColumn<NumberedLine>[] = [
  { header: '序号', cell: (l) => ({ value: l.no, numFmt: '0' }), align: 'center', minWidth: 6 },
  { header: '任务序号', cell: (l) => ({ value: l.line.indicator.task ?? null, numFmt: '0' }), align: 'center', maxWidth: 6 },
  { header: '指标名称', cell: (l) => ({ value: l.line.indicator.name }), minWidth: 24, maxWidth: 36 },
  { header: '单位', cell: (l) => ({ value: l.line.indicator.unit }), align: 'center', maxWidth: 10 },
  { header: '年度目标', cell: (l) => ({ value: l.line.annualTarget, numFmt: valueFormat(l.line.indicator) }), minWidth: 10 },
  { header: '目标（至本期）', cell: (l) => ({ value: l.line.target, numFmt: valueFormat(l.line.indicator) }), minWidth: 10, maxWidth: 10 },
  { header: '实际完成', cell: (l) => ({ value: l.line.actual, numFmt: valueFormat(l.line.indicator) }), minWidth: 10 },
  { header: '完成率', cell: (l) => ({ value: l.line.attainment, numFmt: shareFormat }), minWidth: 10 },
  { header: '序时进度', cell: (l) => ({ value: l.line.expectedProgress, numFmt: shareFormat }), minWidth: 10 },
  { header: '超/落后序时（个百分点）', cell: (l) => ({ value: l.line.lead, numFmt: leadFormat }), minWidth: 14, maxWidth: 14 },
  { header: '差距', cell: (l) => ({ value: l.line.gap, numFmt: gapFormat(l.line.indicator) }), minWidth: 10 },
  { header: '状态', cell: (l) => ({ value: l.line.statusLabel, status: l.line.status }), align: 'center', minWidth: 10 },
  { header: '牵头单位', cell: (l) => ({ value: l.line.leadUnits }), minWidth: 12, maxWidth: 24 },
];

/** The headline table: the city's every indicator, with the notes a reader needs to read it. */
export function addSummarySheet(workbook: Workbook, data: ReportData): void {
  const headerRow = 3;
  const sheet = workbook.addWorksheet(summarySheetName, {
    ...printOptions(`${headerRow}:${headerRow}`),
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, showGridLines: false }],
  });
  const lines = summaryTable(data).map((line, i) => ({ no: i + 1, line }));
  const table = writeTable(sheet, headerRow, columns, lines);
  const root = rootRegion(data);
  // A configured title may leave out whose figures these are; the headline table is the city's.
  const title = data.title.includes(root.name) ? reportTitle(data) : `${root.name}${reportTitle(data)}`;
  writeHeading(sheet, table.columns, title, `地区：${root.name}${wideSpace}${runSubtitle(data)}`);
  writeNotes(sheet, table.lastRow + 2, table.columns, ruleNotes(data.warningThreshold));
  fitPagesTall(sheet, [headerRow, headerRow]);
}
