import ExcelJS from 'exceljs';
import type { ReportData } from '../report/reportData.js';
import { addMatrixSheet } from './matrixSheet.js';
import { addPlanSheets } from './planSheets.js';
import { addQualitySheets } from './qualitySheets.js';
import { addResultsSheet } from './resultsSheet.js';
import { runTime } from './runTime.js';
import { stampZipDates } from './stampZipDates.js';
import { addSummarySheet } from './summarySheet.js';
import { addWarningsSheet } from './warningsSheet.js';

/**
 * The 通报 workbook (.xlsx) for one report period: `汇总` (the city's headline
 * table with 完成率, 序时进度 and status, and the notes explaining them),
 * `地区×指标` (完成率 of every region on every indicator, coloured by status)
 * and `全部结果` (every figure of the period, filterable); before Q4
 * `预警清单` (what is set to miss its annual target), then `数据质量` (the
 * quality checks' findings, or that there were none) and, when some region
 * has not reported, `催报`; then with a plan `牵头单位` and `逾期任务`. Numbers are real numbers with display formats,
 * missing figures are empty cells, text is never a formula. Columns, header
 * line breaks and row heights are laid out here, and each sheet prints on A4
 * landscape one page wide (see `printSetup.ts`). Every date in the file is the
 * run's, so the same data gives the same bytes.
 *
 * @example
 * import { writeFile } from 'node:fs/promises';
 * const kpi = await compute({ data: 'data/suqian' });
 * await writeFile('通报-2023Q2.xlsx', await buildWorkbook(kpi.report('2023Q2')));
 */
export async function buildWorkbook(data: ReportData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const madeAt = runTime(data.runAt);
  workbook.creator = 'kpi-engine';
  workbook.lastModifiedBy = 'kpi-engine';
  workbook.created = madeAt;
  workbook.modified = madeAt;
  workbook.title = data.title;
  workbook.subject = data.period;

  addSummarySheet(workbook, data);
  addMatrixSheet(workbook, data);
  addResultsSheet(workbook, data);
  addWarningsSheet(workbook, data);
  addQualitySheets(workbook, data);
  addPlanSheets(workbook, data);

  // Typed as exceljs's own `Buffer` (an ArrayBuffer); at run time it is a Node Buffer.
  const zip = new Uint8Array(await workbook.xlsx.writeBuffer());
  return stampZipDates(zip, madeAt, data.timeZone);
}
