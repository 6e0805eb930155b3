import type { Workbook } from 'exceljs';
import { statusLabels } from '../../assess/statusRules.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import type { ReportData, ReportRegion, ReportRow } from '../report/reportData.js';
import { indicatorById, periodRows } from '../report/reportData.js';
import type { FindingNames } from '../format/findingWords.js';
import { notesText } from '../format/findingWords.js';
import { gapFormat, shareFormat, valueFormat } from './numberFormats.js';
import { fitPagesTall, printOptions } from './printSetup.js';
import type { TableColumn } from './writeTable.js';
import { writeTable } from './writeTable.js';

export const resultsSheetName = '全部结果';

interface ResultLine {
  readonly row: ReportRow;
  readonly indicator: IndicatorDefinition;
  readonly regionName: string;
  readonly targetSource: string | null;
  readonly notes: string | null;
}

/** `own` → 本级; `inherited:<code>` → 继承自<name>（<code>）; anything else as stored. */
function targetSourceLabel(source: string | null, regions: ReadonlyMap<string, ReportRegion>): string | null {
  if (source === null) return null;
  if (source === 'own') return '本级';
  const inherited = /^inherited:(.+)$/u.exec(source)?.[1];
  return inherited === undefined ? source : `继承自${regions.get(inherited)?.name ?? ''}（${inherited}）`;
}

const columns: readonly TableColumn<ResultLine>[] = [
  { header: '指标代码', cell: (l) => ({ value: l.row.indicator }), maxWidth: 26 },
  { header: '指标名称', cell: (l) => ({ value: l.indicator.name }), minWidth: 20, maxWidth: 30 },
  { header: '单位', cell: (l) => ({ value: l.indicator.unit }), align: 'center', maxWidth: 10 },
  { header: '地区代码', cell: (l) => ({ value: l.row.region }), align: 'center' },
  { header: '地区名称', cell: (l) => ({ value: l.regionName }), maxWidth: 20 },
  { header: '期别', cell: (l) => ({ value: l.row.period }), align: 'center' },
  { header: '实际', cell: (l) => ({ value: l.row.actual, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '目标（至本期）', cell: (l) => ({ value: l.row.target, numFmt: valueFormat(l.indicator) }), minWidth: 10, maxWidth: 10 },
  { header: '年度目标', cell: (l) => ({ value: l.row.annualTarget, numFmt: valueFormat(l.indicator) }), minWidth: 10 },
  { header: '完成率', cell: (l) => ({ value: l.row.attainment, numFmt: shareFormat }), minWidth: 10 },
  { header: '年度进度', cell: (l) => ({ value: l.row.annualProgress, numFmt: shareFormat }), minWidth: 10 },
  { header: '序时进度', cell: (l) => ({ value: l.row.expectedProgress, numFmt: shareFormat }), minWidth: 10 },
  { header: '差距', cell: (l) => ({ value: l.row.gap, numFmt: gapFormat(l.indicator) }), minWidth: 10 },
  { header: '状态', cell: (l) => ({ value: statusLabels[l.row.status], status: l.row.status }), align: 'center', minWidth: 10 },
  { header: '排名', cell: (l) => ({ value: l.row.rank, numFmt: '0' }), align: 'center' },
  { header: '目标来源', cell: (l) => ({ value: l.targetSource }), maxWidth: 24 },
  { header: '备注', cell: (l) => ({ value: l.notes }), minWidth: 20, maxWidth: 60 },
];

/** Every figure at the report period, one row each, for analysts to filter and sort. */
export function addResultsSheet(workbook: Workbook, data: ReportData): void {
  // The header stays on row 1 so the sheet reads straight into pandas or a pivot table.
  const headerRow = 1;
  const sheet = workbook.addWorksheet(resultsSheetName, {
    ...printOptions(`${headerRow}:${headerRow}`),
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });
  const regions = new Map(data.regions.map((r) => [r.code, r]));
  const names: FindingNames = { region: (code) => regions.get(code)?.name };
  const lines = periodRows(data).map(
    (row): ResultLine => ({
      row,
      indicator: indicatorById(data, row.indicator),
      regionName: regions.get(row.region)?.name ?? row.region,
      targetSource: targetSourceLabel(row.targetSource, regions),
      notes: notesText(row.findings, names),
    }),
  );
  const table = writeTable(sheet, headerRow, columns, lines, { oneLineHeaders: true });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns } };
  fitPagesTall(sheet, [headerRow, headerRow]);
}
