import type { Workbook } from 'exceljs';
import type { EarlyWarning } from '../../assess/outlook/earlyWarnings.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { formatPlain } from '../format/formatFigure.js';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData, ReportRow } from '../report/reportData.js';
import { indicatorById } from '../report/reportData.js';
import { headedSheetOptions, headedTableRow } from './headedSheet.js';
import { shareFormat, valueFormat } from './numberFormats.js';
import { fitPagesTall } from './printSetup.js';
import { runStamp, sheetTitle, wideSpace } from './reportTitle.js';
import { writeHeading, writeNoneRow } from './sheetText.js';
import type { TableColumn } from './writeTable.js';
import { writeTable } from './writeTable.js';

export const warningsSheetName = '预警清单';

/** What the sheet says when nothing is set to miss its target. */
export const noWarningsText = '按季节规律推算，各项指标预计年末均可完成年度目标。';

interface WarningLine {
  readonly no: number;
  readonly warning: EarlyWarning;
  readonly indicator: IndicatorDefinition;
  readonly regionName: string;
  /** The warned figure's row, for its projected range and the pace it needs; absent if the run has no such row. */
  readonly row: ReportRow | undefined;
}

/** `low～high` with the indicator's decimals; `—` without both ends. */
const rangeText = (l: WarningLine): string => {
  const low = l.row?.projectedLow ?? null;
  const high = l.row?.projectedHigh ?? null;
  return low === null || high === null ? '—' : `${formatPlain(low, l.indicator)}～${formatPlain(high, l.indicator)}`;
};

const columns: readonly TableColumn<WarningLine>[] = [
  { header: '序号', cell: (l) => ({ value: l.no, numFmt: '0' }), align: 'center', minWidth: 6 },
  { header: '地区', cell: (l) => ({ value: l.regionName }), maxWidth: 20 },
  { header: '指标', cell: (l) => ({ value: l.indicator.name }), minWidth: 20, maxWidth: 36 },
  { header: '单位', cell: (l) => ({ value: l.indicator.unit }), align: 'center', maxWidth: 10 },
  { header: '实际完成', cell: (l) => ({ value: l.warning.actual, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '年度目标', cell: (l) => ({ value: l.warning.annualTarget, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '预计年末', cell: (l) => ({ value: l.warning.projected, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '预计区间', cell: (l) => ({ value: rangeText(l) }), align: 'center', minWidth: 12, maxWidth: 24 },
  { header: '达成概率', cell: (l) => ({ value: l.warning.probability, numFmt: shareFormat }), minWidth: 10 },
  { header: '需季均完成', cell: (l) => ({ value: l.row?.paceNeeded ?? null, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '缺口', cell: (l) => ({ value: l.warning.shortfall, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '牵头单位', cell: (l) => ({ value: l.warning.leadUnits.join('、') }), minWidth: 12, maxWidth: 24 },
];

/**
 * `预警清单` (OUTLOOK.md §4): every figure set to miss its annual target by
 * the year's end, most serious first, with the projection's range and the
 * pace the rest of the year needs. Left out at Q4, when the year's figures
 * are in and nothing is projected; an empty list says so in one row.
 */
export function addWarningsSheet(workbook: Workbook, data: ReportData): void {
  if (data.quarter >= 4) return;
  const key = (indicator: string, region: string, period: string): string => JSON.stringify([indicator, region, period]);
  const rows = new Map(data.rows.map((r) => [key(r.indicator, r.region, r.period), r]));
  const regionNames = new Map(data.regions.map((r) => [r.code, r.name]));
  const lines = data.warnings.map(
    (warning, i): WarningLine => ({
      no: i + 1,
      warning,
      indicator: indicatorById(data, warning.indicator),
      regionName: regionNames.get(warning.region) ?? warning.region,
      row: rows.get(key(warning.indicator, warning.region, warning.period)),
    }),
  );
  const sheet = workbook.addWorksheet(warningsSheetName, headedSheetOptions());
  const table = writeTable(sheet, headedTableRow, columns, lines);
  if (lines.length === 0) writeNoneRow(sheet, headedTableRow + 1, table.columns, noWarningsText);
  const about = `按往年季节规律推算年末数，预计完成不了年度目标或达成概率低于设定值的指标（截至${periodLabel(data.period)}）`;
  writeHeading(sheet, table.columns, sheetTitle(data, warningsSheetName), `${about}${wideSpace}${runStamp(data)}`);
  fitPagesTall(sheet, [headedTableRow, headedTableRow]);
}
