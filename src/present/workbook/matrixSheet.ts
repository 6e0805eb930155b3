import type { Workbook, Worksheet } from 'exceljs';
import { statusLabels } from '../../assess/statusRules.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { statusDisplayOrder } from '../charts/statusStyle.js';
import type { ReportData, ReportRegion, ReportRow } from '../report/reportData.js';
import { appliesTo } from '../../catalog/applicability.js';
import { periodRows, rootRegion } from '../report/reportData.js';
import { headerFont, statusFill, statusFont, thinBorder } from './cellStyle.js';
import { shareFormat } from './numberFormats.js';
import { fitPagesTall, printOptions } from './printSetup.js';
import { reportTitle, runSubtitle, wideSpace } from './reportTitle.js';
import { writeHeading } from './sheetText.js';
import type { CellContent, TableColumn } from './writeTable.js';
import { writeTable } from './writeTable.js';

export const matrixSheetName = '地区×指标';

/** The city first, then the other regions in the tree's order. */
export function matrixRegions(data: ReportData): ReportRegion[] {
  const root = rootRegion(data);
  return [root, ...data.regions.filter((r) => r.code !== root.code)];
}

/** A figure's 完成率 on its status colour; where there is none, the status itself says why. */
const matrixCell = (row: ReportRow | undefined): CellContent => {
  const status = row?.status ?? 'no_data';
  return row?.attainment !== null && row?.attainment !== undefined
    ? { value: row.attainment, numFmt: shareFormat, status }
    : { value: statusLabels[status], status };
};

/** Indicators down, regions across: which region is behind on what, at a glance. */
export function addMatrixSheet(workbook: Workbook, data: ReportData): void {
  const headerRow = 3;
  const fixedColumns = 2;
  const sheet = workbook.addWorksheet(matrixSheetName, {
    ...printOptions(`${headerRow}:${headerRow}`, 'A:B'),
    views: [{ state: 'frozen', xSplit: fixedColumns, ySplit: headerRow, showGridLines: false }],
  });
  const figures = new Map(periodRows(data).map((r) => [`${r.indicator}\u0000${r.region}`, r]));
  const columns: TableColumn<IndicatorDefinition>[] = [
    { header: '指标名称', cell: (i) => ({ value: i.name }), minWidth: 24, maxWidth: 36 },
    { header: '单位', cell: (i) => ({ value: i.unit }), align: 'center', maxWidth: 10 },
    ...matrixRegions(data).map(
      (region): TableColumn<IndicatorDefinition> => ({
        header: region.name,
        // Where the indicator does not apply, the cell stays empty: not 无数据.
        cell: (i) => (appliesTo(i.applies_to, region) ? matrixCell(figures.get(`${i.id}\u0000${region.code}`)) : { value: null }),
        align: 'center',
        minWidth: 10,
        maxWidth: 12,
      }),
    ),
  ];
  const table = writeTable(sheet, headerRow, columns, data.indicators);
  writeHeading(sheet, table.columns, reportTitle(data), `各地区完成率（格内为完成率，无完成率时为状态；底色为状态）${wideSpace}${runSubtitle(data)}`);
  writeLegend(sheet, table.lastRow + 2, fixedColumns + 1);
  fitPagesTall(sheet, [headerRow, headerRow]);
}

/** One cell per status in its colour, so a printed page can be read without the notes. */
function writeLegend(sheet: Worksheet, row: number, firstColumn: number): void {
  const label = sheet.getCell(row, firstColumn - 1);
  label.value = '图例';
  label.font = headerFont;
  label.alignment = { horizontal: 'right', vertical: 'middle' };
  statusDisplayOrder.forEach((status, i) => {
    const cell = sheet.getCell(row, firstColumn + i);
    cell.value = statusLabels[status];
    cell.fill = statusFill(status);
    cell.font = statusFont(status);
    cell.border = thinBorder;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
}
