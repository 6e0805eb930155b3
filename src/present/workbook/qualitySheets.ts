import type { Workbook } from 'exceljs';
import type { QualityFinding } from '../../model/qualityFinding.js';
import { periodLabel, periodsInWords } from '../format/periodLabels.js';
import type { QualityNames } from '../format/qualityWords.js';
import { qualityText } from '../format/qualityWords.js';
import type { MissingReport } from '../missingReports.js';
import type { ReportData } from '../report/reportData.js';
import { headedSheetOptions, headedTableRow } from './headedSheet.js';
import { valueFormat } from './numberFormats.js';
import { fitPagesTall } from './printSetup.js';
import { runStamp, sheetTitle, wideSpace } from './reportTitle.js';
import { writeHeading, writeNoneRow } from './sheetText.js';
import type { TableColumn } from './writeTable.js';
import { writeTable } from './writeTable.js';

export const qualitySheetName = '数据质量';
export const missingReportsSheetName = '催报';

/** What 数据质量 says when the checks found nothing. */
export const noFindingsText = '本期未发现数据质量问题。';

/** How the 通报 names a finding's severity: an error cannot be right, a warning needs the reporting unit to confirm it. */
const severityLabels: Record<QualityFinding['severity'], string> = { error: '错误', warning: '需核实' };

interface FindingLine {
  readonly finding: QualityFinding;
  readonly regionName: string;
  readonly subject: string;
  /** The indicator's value format, for a finding about an indicator; a variable's values are shown as they are. */
  readonly numFmt: string | undefined;
  readonly text: string;
}

const findingColumns: readonly TableColumn<FindingLine>[] = [
  { header: '类别', cell: (l) => ({ value: severityLabels[l.finding.severity] }), align: 'center' },
  { header: '规则', cell: (l) => ({ value: l.finding.code }), maxWidth: 22 },
  { header: '地区', cell: (l) => ({ value: l.regionName }), maxWidth: 20 },
  { header: '期别', cell: (l) => ({ value: periodLabel(l.finding.period) }), align: 'center' },
  { header: '数据项或指标', cell: (l) => ({ value: l.subject }), minWidth: 16, maxWidth: 30 },
  { header: '数值', cell: (l) => ({ value: l.finding.value, ...(l.numFmt === undefined ? {} : { numFmt: l.numFmt }) }), minWidth: 10 },
  { header: '参照值', cell: (l) => ({ value: l.finding.reference, ...(l.numFmt === undefined ? {} : { numFmt: l.numFmt }) }), minWidth: 10 },
  { header: '说明', cell: (l) => ({ value: l.text }), minWidth: 30, maxWidth: 60 },
];

interface ChaseLine {
  readonly regionName: string;
  readonly variableName: string;
  readonly leftEmpty: string;
}

const chaseColumns: readonly TableColumn<ChaseLine>[] = [
  { header: '地区', cell: (l) => ({ value: l.regionName }), maxWidth: 20 },
  { header: '基础数据项', cell: (l) => ({ value: l.variableName }), minWidth: 16, maxWidth: 30 },
  { header: '因此无数据的指标', cell: (l) => ({ value: l.leftEmpty }), minWidth: 30, maxWidth: 60 },
];

/**
 * `数据质量` (OUTLOOK.md §5): every finding of the quality checks at the
 * report period, in words, with the value and what it was compared with —
 * always present, saying so in one row when the checks found nothing, so a
 * reader knows they were made. Then `催报`, when some region has not
 * reported: what it owes and which figures that leaves 无数据.
 */
export function addQualitySheets(workbook: Workbook, data: ReportData): void {
  const regionNames = new Map(data.regions.map((r) => [r.code, r.name]));
  const variableNames = new Map(data.variables.map((v) => [v.code, v.name]));
  const indicators = new Map(data.indicators.map((i) => [i.id, i]));
  const names: QualityNames = { region: (code) => regionNames.get(code), variable: (code) => variableNames.get(code), indicator: (id) => indicators.get(id)?.name };
  const asOf = `截至${periodLabel(data.period)}`;

  const lines = data.quality.map((finding): FindingLine => {
    const indicator = finding.indicator === null ? undefined : indicators.get(finding.indicator);
    const subject = finding.variable !== null ? (variableNames.get(finding.variable) ?? finding.variable) : (indicator?.name ?? finding.indicator ?? '');
    return {
      finding,
      regionName: regionNames.get(finding.region) ?? finding.region,
      subject,
      numFmt: finding.variable === null && indicator !== undefined ? valueFormat(indicator) : undefined,
      text: periodsInWords(qualityText(finding, names)),
    };
  });
  const quality = workbook.addWorksheet(qualitySheetName, headedSheetOptions());
  const found = writeTable(quality, headedTableRow, findingColumns, lines);
  if (lines.length === 0) writeNoneRow(quality, headedTableRow + 1, found.columns, noFindingsText);
  const about = `数据检查发现的问题（错误：数据不可能正确；需核实：请报送单位确认）（${asOf}）`;
  writeHeading(quality, found.columns, sheetTitle(data, qualitySheetName), `${about}${wideSpace}${runStamp(data)}`);
  fitPagesTall(quality, [headedTableRow, headedTableRow]);

  if (data.missingReports.length === 0) return;
  const chase = workbook.addWorksheet(missingReportsSheetName, headedSheetOptions());
  const place = writeTable(chase, headedTableRow, chaseColumns, data.missingReports.map((m) => chaseLine(m, regionNames, variableNames, names)));
  writeHeading(chase, place.columns, sheetTitle(data, missingReportsSheetName), `未报送的基础数据及因此无数据的指标（${asOf}）${wideSpace}${runStamp(data)}`);
  fitPagesTall(chase, [headedTableRow, headedTableRow]);
}

function chaseLine({ finding, leftEmpty }: MissingReport, regionNames: ReadonlyMap<string, string>, variableNames: ReadonlyMap<string, string>, names: QualityNames): ChaseLine {
  const variable = finding.variable ?? '';
  return {
    regionName: regionNames.get(finding.region) ?? finding.region,
    variableName: variableNames.get(variable) ?? variable,
    // A figure up the tree is left empty too: the region says whose it is.
    leftEmpty:
      leftEmpty.length === 0
        ? '（暂无影响：以下级合计等代替）'
        : leftEmpty.map((e) => `${regionNames.get(e.region) ?? e.region}${names.indicator(e.indicator) ?? e.indicator}`).join('、'),
  };
}
