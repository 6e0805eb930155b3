import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusLabels } from '../../src/assess/statusRules.js';
import type { QualityFinding } from '../../src/model/qualityFinding.js';
import type { Status } from '../../src/model/status.js';
import { periodsInWords } from '../../src/present/format/periodLabels.js';
import type { QualityNames } from '../../src/present/format/qualityWords.js';
import { qualityText } from '../../src/present/format/qualityWords.js';
import { statusColors, statusTextColors } from '../../src/present/charts/statusStyle.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import { periodRows, rootRegion } from '../../src/present/report/reportData.js';
import { appliesTo } from '../../src/catalog/applicability.js';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { buildWorkbook } from '../../src/present/workbook/buildWorkbook.js';
import { breakInTwo, headerLayout } from '../../src/present/workbook/lineBreaks.js';
import { pagesTall } from '../../src/present/workbook/printSetup.js';
import { runTime } from '../../src/present/workbook/runTime.js';
import { textWidth, wrapText } from '../../src/present/workbook/textWidth.js';
import { sampleReportData } from '../support/sampleReport.js';

const argbOf = (status: Status): string => `FF${statusColors[status].slice(1).toUpperCase()}`;
const textArgbOf = (status: Status): string => `FF${statusTextColors[status].slice(1).toUpperCase()}`;

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** A header as typed, without the line break the workbook writes into it. */
const unbroken = (text: string): string => text.replace(/\n/g, '');

/** Header text → column number, read from the sheet itself. */
function headerColumns(ws: Worksheet, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  ws.getRow(row).eachCell((cell, column) => columns.set(unbroken(cell.text), column));
  return columns;
}

/** A row's values as typed (header line breaks taken out). */
const rowTexts = (ws: Worksheet, row: number): unknown[] => (ws.getRow(row).values as unknown[]).map((v) => (typeof v === 'string' ? unbroken(v) : v));

/** A sheet as SheetJS reads the file: column widths (Excel units), row heights (points) and the text each cell shows. */
function layoutOf(book: XLSX.WorkBook, name: string): { widths: number[]; heights: number[]; columns: number; text: (row: number, column: number) => string } {
  const ws = book.Sheets[name];
  if (!ws?.['!ref']) throw new Error(`no sheet ${name}`);
  const range = XLSX.utils.decode_range(ws['!ref']);
  const columns = range.e.c + 1;
  return {
    widths: Array.from({ length: columns }, (_, c) => ws['!cols']?.[c]?.width ?? 9.140625),
    heights: Array.from({ length: range.e.r + 1 }, (_, r) => ws['!rows']?.[r]?.hpt ?? 15),
    columns,
    text: (row, column) => {
      const cell = ws[XLSX.utils.encode_cell({ r: row - 1, c: column - 1 })] as XLSX.CellObject | undefined;
      return cell?.w ?? (cell?.v === undefined ? '' : String(cell.v));
    },
  };
}

/** The cell under `header` in the first row whose `keyHeader` cell holds `key`. */
function cellAt(ws: Worksheet, headerRow: number, keyHeader: string, key: string, header: string): Cell {
  const columns = headerColumns(ws, headerRow);
  const keyColumn = columns.get(keyHeader);
  const column = columns.get(header);
  if (keyColumn === undefined || column === undefined) throw new Error(`no column ${keyHeader} or ${header}`);
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, keyColumn).value === key) return ws.getCell(r, column);
  }
  throw new Error(`no row with ${keyHeader} = ${key}`);
}

const fillArgb = (cell: Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

const summaryHeaders = ['序号', '任务序号', '指标名称', '单位', '年度目标', '目标（至本期）', '实际完成', '完成率', '序时进度', '超/落后序时（个百分点）', '差距', '状态', '牵头单位'];
const warningHeaders = ['序号', '地区', '指标', '单位', '实际完成', '年度目标', '预计年末', '预计区间', '达成概率', '需季均完成', '缺口', '牵头单位'];
const qualityHeaders = ['类别', '规则', '地区', '期别', '数据项或指标', '数值', '参照值', '说明'];
const resultHeaders = ['指标代码', '指标名称', '单位', '地区代码', '地区名称', '期别', '实际', '目标（至本期）', '年度目标', '完成率', '年度进度', '序时进度', '差距', '状态', '排名', '目标来源', '备注'];

describe('the 通报 workbook', () => {
  let data: ReportData;
  /** Every catalog indicator appears once per region (the city and its nine units). */
  let catalogIndicators: number;
  let workbook: ExcelJS.Workbook;
  /** The same file as SheetJS reads it: column widths, row heights and the text each cell shows. */
  let sheetJs: XLSX.WorkBook;

  beforeAll(async () => {
    data = await sampleReportData('2023Q2');
    catalogIndicators = (await loadCatalog('metrics')).indicators.length;
    const bytes = await buildWorkbook(data);
    workbook = await readBack(bytes);
    sheetJs = XLSX.read(bytes, { cellStyles: true });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the sheets 汇总, 地区×指标 and 全部结果, 预警清单 and 数据质量, then the plan sheets 牵头单位 and 逾期任务, in that order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['汇总', '地区×指标', '全部结果', '预警清单', '数据质量', '牵头单位', '逾期任务']);
  });

  it('lists per lead unit the milestones due, done and the completion rate, counted by hand from plan/reports', () => {
    const ws = sheet(workbook, '牵头单位');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    // 市财政局 leads tasks 14, 89, 91, 93: 8 milestones due by 2023Q2, 91's Q2 推进中 → 7 done.
    expect(rows.find((r) => r[1] === '市财政局')?.slice(1, 7)).toEqual(['市财政局', 8, 7, 0.875, 0, 1]);
    const overdue = sheet(workbook, '逾期任务').getSheetValues().filter(Boolean) as unknown[][];
    expect(rowTexts(sheet(workbook, '逾期任务'), 3).slice(1, 6)).toEqual(['任务序号', '季度', '进度节点', '状态', '逾期季度数']);
    expect(overdue.some((r) => r[1] === 20 && r[2] === '2023Q1' && r[4] === '未报送')).toBe(true);
  });

  it('heads 汇总 with the merged title and period, the city and the run in the subtitle, then the Chinese header row', () => {
    const ws = sheet(workbook, '汇总');
    expect(ws.getCell('A1').value).toBe('宿迁市创新型城市建设主要指标完成情况通报（2023年二季度）');
    expect(ws.getCell(1, summaryHeaders.length).isMerged).toBe(true);
    expect(ws.getCell(1, summaryHeaders.length).master.address).toBe('A1');
    const subtitle = ws.getCell('A2').text;
    expect(subtitle).toContain('地区：宿迁市');
    expect(subtitle).toContain('数据截至：2023年二季度末');
    expect(subtitle).toContain('run #1（2024-01-20 09:00 北京时间）');
    expect(rowTexts(ws, 3)).toEqual([undefined, ...summaryHeaders]);
    expect(ws.getCell('A3').font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('lists every catalog indicator in 汇总, in catalog order, numbered from 1', () => {
    const ws = sheet(workbook, '汇总');
    const names = data.indicators.map((_, i) => ws.getCell(4 + i, 3).value);
    expect(names).toEqual(data.indicators.map((i) => i.name));
    expect(ws.getCell(4 + data.indicators.length - 1, 1).value).toBe(data.indicators.length);
    expect(ws.getCell(4, 2).value).toBe(1);
  });

  it('shows the city’s R&D intensity as real numbers with 2 decimals, 完成率 as a percentage and 预警 in its colour', () => {
    const ws = sheet(workbook, '汇总');
    const at = (header: string): Cell => cellAt(ws, 3, '指标名称', '全社会R&D经费支出占GDP比重', header);
    expect(at('实际完成').value).toBeCloseTo(2.150403265697163, 9);
    expect(at('实际完成').numFmt).toBe('0.00');
    expect(at('年度目标').value).toBe(2.2);
    expect(at('完成率').value).toBeCloseTo(0.9774560298623466, 9);
    expect(at('完成率').numFmt).toBe('0.00%');
    expect(at('序时进度').value).toBe(1);
    // (0.97746 − 1) × 100 = −2.25 个百分点 behind 序时.
    expect(at('超/落后序时（个百分点）').value).toBeCloseTo(-2.2543970137653413, 9);
    expect(at('超/落后序时（个百分点）').numFmt).toBe('+0.00;-0.00;0.00');
    expect(at('状态').value).toBe('预警');
    expect(fillArgb(at('状态'))).toBe(argbOf('warning'));
    expect(fillArgb(at('状态'))).toBe('FFF1A340');
    expect(at('状态').font.color?.argb).toBe(textArgbOf('warning'));
    expect(at('牵头单位').value).toBe('市科技局');
  });

  it('shows the city’s new incubated firms at 57 of 60 to date: 完成率 95% against 序时进度 50%, 2.5 points behind', () => {
    const ws = sheet(workbook, '汇总');
    const at = (header: string): Cell => cellAt(ws, 3, '指标名称', '新增在孵企业数量', header);
    expect(at('实际完成').value).toBe(57);
    expect(at('实际完成').numFmt).toBe('0');
    expect(at('目标（至本期）').value).toBe(60);
    expect(at('年度目标').value).toBe(120);
    expect(at('完成率').value).toBeCloseTo(0.95, 9);
    expect(at('序时进度').value).toBeCloseTo(0.5, 9);
    expect(at('超/落后序时（个百分点）').value).toBeCloseTo(-2.5, 9);
    expect(at('差距').value).toBe(-3);
    expect(at('状态').value).toBe('预警');
  });

  it('explains 序时进度 and all seven statuses in the notes under the 汇总 table', () => {
    const ws = sheet(workbook, '汇总');
    const notes: string[] = [];
    for (let r = 4 + data.indicators.length; r <= ws.rowCount; r++) notes.push(ws.getCell(r, 1).text);
    const text = notes.join('\n');
    expect(text).toContain('序时进度');
    for (const label of Object.values(statusLabels)) expect(text).toContain(`${label}——`);
    expect(text).toContain('完成率在90%（预警线）至100%之间');
  });

  it('leaves missing figures as empty cells, never 0', async () => {
    const summary = sheet(workbook, '汇总');
    // High-tech firms are judged at year end: no 序时进度 at Q2, so no lead either.
    const firms = (header: string): Cell => cellAt(summary, 3, '指标名称', '高新技术企业数', header);
    expect(firms('序时进度').value).toBeNull();
    expect(firms('序时进度').type).toBe(ExcelJS.ValueType.Null);
    expect(firms('超/落后序时（个百分点）').value).toBeNull();

    // Every figure of the sample at 2023Q2 has an actual: one is made missing here.
    const first = periodRows(data)[0];
    const missing: ReportData = { ...data, rows: data.rows.map((r) => (r === first ? { ...r, actual: null, attainment: null, status: 'no_data' } : r)) };
    const results = sheet(await readBack(await buildWorkbook(missing)), '全部结果');
    const actualColumn = resultHeaders.indexOf('实际') + 1;
    expect(results.getCell(2, actualColumn).value).toBeNull();
    expect(results.getCell(2, actualColumn).type).toBe(ExcelJS.ValueType.Null);
    // The city is not ranked among its own districts.
    expect(cellAt(results, 1, '地区代码', rootRegion(data).code, '排名').value).toBeNull();
  });

  it('fills 地区×指标 with one 完成率 per indicator × region, city first, on the status colour', () => {
    const ws = sheet(workbook, '地区×指标');
    expect(ws.getCell('A1').value).toBe('宿迁市创新型城市建设主要指标完成情况通报（2023年二季度）');
    const root = rootRegion(data);
    const regions = [root, ...data.regions.filter((r) => r !== root)];
    expect(rowTexts(ws, 3)).toEqual([undefined, '指标名称', '单位', ...regions.map((r) => r.name)]);
    const figures = new Map(periodRows(data).map((r) => [`${r.indicator}/${r.region}`, r]));
    let checked = 0;
    data.indicators.forEach((indicator, i) => {
      expect(ws.getCell(4 + i, 1).value).toBe(indicator.name);
      expect(ws.getCell(4 + i, 2).value).toBe(indicator.unit);
      regions.forEach((region, j) => {
        const cell = ws.getCell(4 + i, 3 + j);
        checked++;
        // Where the indicator does not apply (the city-only ones), the cell is empty, not 无数据.
        if (!appliesTo(indicator.applies_to, region)) {
          expect(cell.value).toBeNull();
          return;
        }
        const figure = figures.get(`${indicator.id}/${region.code}`);
        const status = figure?.status ?? 'no_data';
        if (figure?.attainment != null) {
          expect(cell.value).toBeCloseTo(figure.attainment, 9);
          expect(cell.numFmt).toBe('0.00%');
        } else {
          expect(cell.value).toBe(statusLabels[status]);
        }
        expect(fillArgb(cell)).toBe(argbOf(status));
      });
    });
    expect(checked).toBe(data.indicators.length * data.regions.length);
    expect(checked).toBe(catalogIndicators * 10);
    // Bordered cells end the table: nothing is written after the last region.
    expect(ws.getCell(4, 3 + regions.length).value).toBeNull();
  });

  it('shows a region without a target as 无目标 in the matrix', () => {
    const ws = sheet(workbook, '地区×指标');
    // Only the city has an R&D platforms target; 沭阳县 has a figure (56) but nothing to judge it by.
    const row = 4 + data.indicators.findIndex((i) => i.id === 'rd_platforms');
    const shuyang = 3 + data.regions.findIndex((r) => r.name === '沭阳县');
    expect(ws.getCell(row, shuyang).value).toBe('无目标');
    expect(fillArgb(ws.getCell(row, shuyang))).toBe(argbOf('no_target'));
    expect(ws.getCell(row, 3).value).toBeCloseTo(277 / 300, 9);
  });

  it('lists every figure of the period in 全部结果, one row each in data order, under a filtered, frozen header', () => {
    const ws = sheet(workbook, '全部结果');
    const rows = periodRows(data);
    expect(ws.getRow(1).values).toEqual([undefined, ...resultHeaders]);
    expect(ws.rowCount - 1).toBe(rows.length);
    // One row per indicator and region it applies to: 12 indicators of the sample (plan quantities) are the city's alone.
    expect(rows.length).toBe(data.indicators.reduce((n, i) => n + data.regions.filter((r) => appliesTo(i.applies_to, r)).length, 0));
    expect(rows.length).toBe((catalogIndicators - 12) * 10 + 12);
    rows.forEach((row, i) => {
      expect(ws.getCell(2 + i, 1).value).toBe(row.indicator);
      expect(ws.getCell(2 + i, 4).value).toBe(row.region);
      expect(ws.getCell(2 + i, 14).value).toBe(statusLabels[row.status]);
      expect(fillArgb(ws.getCell(2 + i, 14))).toBe(argbOf(row.status));
    });
    expect(ws.autoFilter).toBe('A1:Q1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps region codes as text and figures as numbers in 全部结果', () => {
    const ws = sheet(workbook, '全部结果');
    const at = (header: string): Cell => cellAt(ws, 1, '地区代码', '321322', header);
    expect(at('地区代码').type).toBe(ExcelJS.ValueType.String);
    expect(at('地区名称').value).toBe('沭阳县');
    expect(at('实际').value).toBeCloseTo(1.9738139369799268, 9);
    expect(at('实际').numFmt).toBe('0.00');
    expect(at('差距').numFmt).toBe('+0.00;-0.00;0.00');
    expect(at('年度进度').numFmt).toBe('0.00%');
    expect(at('排名').value).toBe(7);
    expect(at('目标来源').value).toBe('继承自宿迁市（321300）');
  });

  /** The header rows of every table, by sheet. */
  const headerRows = (): Record<string, number[]> => ({
    汇总: [3],
    '地区×指标': [3],
    全部结果: [1],
    牵头单位: [3, 3 + (data.plan?.tracking.byLeadUnit.length ?? 0) + 3],
    逾期任务: [3],
    预警清单: [3],
    数据质量: [3],
  });

  it('sets every header on one or two lines that fit its column, broken before a bracket or between words, never a lone bracket or character', () => {
    const closing = /^[）)、，。：；]/u;
    const opening = /[（(]$/u;
    let headers = 0;
    for (const [name, rows] of Object.entries(headerRows())) {
      const layout = layoutOf(sheetJs, name);
      for (const row of rows) {
        for (let c = 1; c <= layout.columns; c++) {
          const text = layout.text(row, c);
          if (text === '') continue;
          headers++;
          const width = layout.widths[c - 1] ?? 0;
          const where = `${name}!${XLSX.utils.encode_cell({ r: row - 1, c: c - 1 })} ${JSON.stringify(text)} in width ${width}`;
          // Wrapped as the workbook estimates it, the header keeps the lines written into it: no renderer breaks it elsewhere.
          expect(wrapText(text, width), where).toEqual(text.split('\n'));
          expect(text.split('\n').length, where).toBeLessThanOrEqual(2);
          for (const line of text.split('\n')) {
            expect([...line].length, where).toBeGreaterThanOrEqual(2);
            expect(line, where).not.toMatch(closing);
            expect(line, where).not.toMatch(opening);
            // Room for the bold face beside the text.
            expect(textWidth(line) + 2, where).toBeLessThanOrEqual(width);
          }
        }
      }
    }
    expect(headers).toBe(summaryHeaders.length + 12 + resultHeaders.length + 12 + 7 + warningHeaders.length + qualityHeaders.length);
    const summary = layoutOf(sheetJs, '汇总');
    expect(summary.text(3, 2)).toBe('任务\n序号');
    expect(summary.text(3, 6)).toBe('目标\n（至本期）');
    expect(summary.text(3, 10)).toBe('超/落后序时\n（个百分点）');
    expect(layoutOf(sheetJs, '逾期任务').text(3, 5)).toBe('逾期\n季度数');
    // The sheet programs read keeps its headers on one line.
    expect(layoutOf(sheetJs, '全部结果').text(1, 8)).toBe('目标（至本期）');
  });

  it('makes every row as tall as its wrapped lines: 15 pt a line of 10.5 pt text, 22.5 pt for the 16 pt title, 13.5 pt for 9.5 pt notes', () => {
    const tables: Record<string, [number, number][]> = {
      汇总: [[3, 3 + data.indicators.length]],
      '地区×指标': [[3, 3 + data.indicators.length]],
      全部结果: [[1, 1 + periodRows(data).length]],
      牵头单位: headerRows().牵头单位!.map((top, i) => [top, top + ((i === 0 ? data.plan?.tracking.byLeadUnit : data.plan?.tracking.byCategory)?.length ?? 0)]),
      逾期任务: [[3, 3 + (data.plan?.tracking.overdue.length ?? 0)]],
      预警清单: [[3, 3 + data.warnings.length]],
      // Its one row under the header is merged across the table (no findings): only the header is a table row.
      数据质量: [[3, 3]],
    };
    let rows = 0;
    for (const [name, spans] of Object.entries(tables)) {
      const layout = layoutOf(sheetJs, name);
      for (const [top, bottom] of spans) {
        for (let r = top; r <= bottom; r++) {
          const lines = Math.max(...layout.widths.map((width, c) => wrapText(layout.text(r, c + 1), width).length));
          expect(layout.heights[r - 1], `${name} row ${r}`).toBe(lines * 15);
          rows++;
        }
      }
      if (name === '全部结果') continue;
      const span = layout.widths.reduce((n, w) => n + w, 0);
      expect(layout.heights[0], `${name} title`).toBe(wrapText(layout.text(1, 1), span, 16).length * 22.5);
      expect(layout.heights[1], `${name} subtitle`).toBe(wrapText(layout.text(2, 1), span, 9.5).length * 13.5);
    }
    expect(rows).toBeGreaterThan(periodRows(data).length);
    const summary = layoutOf(sheetJs, '汇总');
    // A one-line row is one line tall; the header holds two lines.
    expect(summary.text(4, 3)).toBe('全社会R&D经费支出占GDP比重');
    expect(summary.heights[3]).toBe(15);
    expect(summary.heights[2]).toBe(30);
  });

  it('heads 逾期任务, 牵头单位, 预警清单 and 数据质量 like 汇总: the report title with the sheet name, the quarter and the run, then the header row', () => {
    for (const name of ['牵头单位', '逾期任务', '预警清单', '数据质量']) {
      const ws = sheet(workbook, name);
      const title = ws.getCell('A1').text;
      expect(unbroken(title)).toBe(`宿迁市创新型城市建设主要指标完成情况通报（2023年二季度）——${name}`);
      // Too long for a narrow table, the title breaks once, before its bracketed period.
      const lines = title.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      if (lines.length === 2) expect(lines[1]).toMatch(/^（2023年二季度）/);
      expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
      const columns = headerColumns(ws, 3).size;
      expect(ws.getCell(1, columns).master.address).toBe('A1');
      expect(ws.getCell(2, columns).master.address).toBe('A2');
      const period = ws.getCell('A2').text;
      expect(period).toContain('截至2023年二季度');
      expect(period).toContain('run #1（2024-01-20 09:00 北京时间）');
      expect(ws.getCell('A3').font.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    }
    expect(rowTexts(sheet(workbook, '牵头单位'), 3).slice(1)).toEqual(['牵头单位', '到期节点', '已完成', '完成率', '未报送', '未完成']);
    expect(rowTexts(sheet(workbook, '预警清单'), 3).slice(1)).toEqual(warningHeaders);
    expect(rowTexts(sheet(workbook, '数据质量'), 3).slice(1)).toEqual(qualityHeaders);
  });

  it('lists in 预警清单 one row per early warning, in order, its numbers the warning’s own with the indicator’s decimals', () => {
    expect(data.warnings.length).toBeGreaterThan(0);
    const ws = sheet(workbook, '预警清单');
    const columns = headerColumns(ws, 3);
    const at = (r: number, header: string): Cell => ws.getCell(4 + r, columns.get(header) ?? 0);
    expect(ws.rowCount).toBe(3 + data.warnings.length);
    const regionNames = new Map(data.regions.map((r) => [r.code, r.name]));
    data.warnings.forEach((w, r) => {
      const indicator = data.indicators.find((i) => i.id === w.indicator);
      const row = data.rows.find((x) => x.indicator === w.indicator && x.region === w.region && x.period === w.period);
      const where = `${w.indicator}@${w.region}`;
      expect(at(r, '序号').value, where).toBe(r + 1);
      expect(at(r, '地区').value, where).toBe(regionNames.get(w.region));
      expect(at(r, '指标').value, where).toBe(indicator?.name);
      expect(at(r, '单位').value, where).toBe(indicator?.unit);
      expect(at(r, '实际完成').value, where).toBe(w.actual);
      expect(at(r, '年度目标').value, where).toBe(w.annualTarget);
      expect(at(r, '预计年末').value, where).toBe(w.projected);
      expect(at(r, '达成概率').value, where).toBe(w.probability);
      expect(at(r, '需季均完成').value, where).toBe(row?.paceNeeded ?? null);
      expect(at(r, '缺口').value, where).toBe(w.shortfall);
      expect(at(r, '牵头单位').value, where).toBe(w.leadUnits.join('、'));
      const decimals = indicator?.decimals ?? 2;
      for (const header of ['实际完成', '年度目标', '预计年末', '需季均完成', '缺口']) expect(at(r, header).numFmt, where).toBe(decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');
      expect(at(r, '达成概率').numFmt, where).toBe('0.00%');
      const range = row?.projectedLow != null && row.projectedHigh != null ? `${row.projectedLow.toFixed(decimals)}～${row.projectedHigh.toFixed(decimals)}` : '—';
      expect(at(r, '预计区间').value, where).toBe(range);
    });
  });

  it('shows a warning’s projected range as low～high with the indicator’s decimals and its probability as a percentage', async () => {
    // The sample's history gives no range or probability: one warning is given both here.
    const [first] = data.warnings;
    if (!first) throw new Error('sample has no warnings');
    const decimals = data.indicators.find((i) => i.id === first.indicator)?.decimals ?? 2;
    const isFirst = (r: ReportData['rows'][number]): boolean => r.indicator === first.indicator && r.region === first.region && r.period === first.period;
    const ranged: ReportData = {
      ...data,
      warnings: [{ ...first, probability: 0.4213 }],
      rows: data.rows.map((r) => (isFirst(r) ? { ...r, projectedLow: 1.25, projectedHigh: 2.5 } : r)),
    };
    const ws = sheet(await readBack(await buildWorkbook(ranged)), '预警清单');
    const columns = headerColumns(ws, 3);
    expect(ws.getCell(4, columns.get('预计区间') ?? 0).value).toBe(`${(1.25).toFixed(decimals)}～${(2.5).toFixed(decimals)}`);
    expect(ws.getCell(4, columns.get('达成概率') ?? 0).value).toBe(0.4213);
    expect(ws.getCell(4, columns.get('达成概率') ?? 0).numFmt).toBe('0.00%');
  });

  it('says in one row of 预警清单 that every indicator looks set to meet its target when nothing is warned of', async () => {
    const ws = sheet(await readBack(await buildWorkbook({ ...data, warnings: [] })), '预警清单');
    expect(ws.getCell('A4').value).toBe('按季节规律推算，各项指标预计年末均可完成年度目标。');
    expect(ws.getCell(4, warningHeaders.length).master.address).toBe('A4');
    expect(ws.rowCount).toBe(4);
  });

  it('has no 预警清单 at Q4, when the year is in and nothing is projected', async () => {
    const q4 = await readBack(await buildWorkbook(await sampleReportData('2023Q4')));
    const names = q4.worksheets.map((ws) => ws.name);
    expect(names).not.toContain('预警清单');
    expect(names).toContain('数据质量');
  });

  it('says in 数据质量 that the checks found nothing, when they found nothing', async () => {
    const clean = await readBack(await buildWorkbook({ ...data, quality: [], missingReports: [] }));
    const ws = sheet(clean, '数据质量');
    expect(ws.getCell('A4').value).toBe('本期未发现数据质量问题。');
    expect(ws.getCell(4, qualityHeaders.length).master.address).toBe('A4');
    expect(clean.getWorksheet('催报')).toBeUndefined();
  });

  it('lists the sample run\'s own stored findings of the period in 数据质量, one row each', () => {
    expect(data.quality.length).toBeGreaterThan(0);
    const ws = sheet(workbook, '数据质量');
    const rules = new Set<string>();
    for (let row = 4; row < 4 + data.quality.length; row++) rules.add(ws.getCell(row, 2).text);
    expect([...rules].sort()).toEqual([...new Set(data.quality.map((f) => f.code))].sort());
  });

  it('lists every quality finding in 数据质量 in words, then what each missing report leaves 无数据 in 催报', async () => {
    const [root, district] = [rootRegion(data), data.regions.find((r) => r.parent !== null)];
    const variable = data.variables[0];
    const indicator = data.indicators.find((i) => (i.decimals ?? 2) === 2);
    if (!district || !variable || !indicator) throw new Error('sample has no district, variable or 2-decimal indicator');
    const fell: QualityFinding = { code: 'YTD_DECREASE', severity: 'error', region: district.code, period: '2023Q2', variable: variable.code, indicator: null, value: 5, reference: 8, params: { previousPeriod: '2023Q1' } };
    const high: QualityFinding = { code: 'OUT_OF_RANGE', severity: 'warning', region: root.code, period: '2023Q2', variable: null, indicator: indicator.id, value: 150.5, reference: 100, params: { bound: 'max' } };
    const missing: QualityFinding<'MISSING_REPORT'> = {
      code: 'MISSING_REPORT', severity: 'warning', region: district.code, period: '2023Q2', variable: variable.code, indicator: null, value: null, reference: 3,
      params: { previousPeriod: '2022Q2', lastYear: true, siblings: 8, siblingsReported: 8, fallback: 'none', fallbackValue: null },
    };
    const empty = periodRows(data).find((r) => r.indicator === indicator.id && r.region === district.code) ?? periodRows(data)[0];
    if (!empty) throw new Error('sample has no rows');
    const read = await readBack(await buildWorkbook({ ...data, quality: [fell, high, missing], missingReports: [{ finding: missing, leftEmpty: [empty] }] }));
    const ws = sheet(read, '数据质量');
    const columns = headerColumns(ws, 3);
    const at = (r: number, header: string): Cell => ws.getCell(4 + r, columns.get(header) ?? 0);
    expect(ws.rowCount).toBe(3 + 3);
    const names: QualityNames = {
      region: (code) => data.regions.find((r) => r.code === code)?.name,
      variable: (code) => data.variables.find((v) => v.code === code)?.name,
      indicator: (id) => data.indicators.find((i) => i.id === id)?.name,
    };
    [fell, high, missing].forEach((f, r) => {
      expect(at(r, '类别').value).toBe(f.severity === 'error' ? '错误' : '需核实');
      expect(at(r, '规则').value).toBe(f.code);
      expect(at(r, '地区').value).toBe(names.region(f.region));
      expect(at(r, '期别').value).toBe('2023年二季度');
      expect(at(r, '数据项或指标').value).toBe(f.variable === null ? indicator.name : variable.name);
      expect(at(r, '数值').value).toBe(f.value);
      expect(at(r, '参照值').value).toBe(f.reference);
      expect(at(r, '说明').value).toBe(periodsInWords(qualityText(f, names)));
    });
    expect(at(1, '数值').numFmt).toBe('0.00');
    expect(ws.getCell('A2').text).toContain('截至2023年二季度');

    const chase = sheet(read, '催报');
    expect(read.worksheets.map((s) => s.name).indexOf('催报')).toBe(read.worksheets.map((s) => s.name).indexOf('数据质量') + 1);
    expect(unbroken(chase.getCell('A1').text)).toBe(`宿迁市创新型城市建设主要指标完成情况通报（2023年二季度）——催报`);
    expect(rowTexts(chase, 3).slice(1)).toEqual(['地区', '基础数据项', '因此无数据的指标']);
    expect(rowTexts(chase, 4).slice(1)).toEqual([district.name, variable.name, `${names.region(empty.region)}${names.indicator(empty.indicator)}`]);
    expect(chase.pageSetup.printTitlesRow).toBe('3:3');
    expect(chase.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('prints every sheet on A4 landscape, one page wide and as many pages tall as its rows fill, the header row on every page', () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
      const top = headerRows()[ws.name]?.[0] ?? 0;
      const layout = layoutOf(sheetJs, ws.name);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(pagesTall({ columnWidths: layout.widths, rowHeights: layout.heights, repeatedRows: [top, top] }));
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(`${top}:${top}`);
    }
    const matrix = sheet(workbook, '地区×指标');
    // Its rows run a little over one A4 page: printed on one, shrunk a little, not with a stray row on a second.
    expect(matrix.pageSetup.fitToHeight).toBe(1);
    expect(matrix.pageSetup.printTitlesColumn).toBe('A:B');
    expect(sheet(workbook, '汇总').pageSetup.fitToHeight).toBe(1);
    // Some 400 rows of figures take several pages.
    expect(sheet(workbook, '全部结果').pageSetup.fitToHeight).toBeGreaterThan(2);
  });

  it('stores text that looks like a formula as plain text, never as a formula', async () => {
    const root = rootRegion(data);
    const name = '=HYPERLINK("http://x","y")';
    const first = periodRows(data)[0];
    const tampered: ReportData = {
      ...data,
      regions: data.regions.map((r) => (r.code === root.code ? { ...r, name } : r)),
      // Every finding's words begin in Chinese, so a formula can only hide inside a parameter.
      rows: data.rows.map((r) => (r === first ? { ...r, findings: [{ code: 'NOT_FINITE', params: { formula: '+1+2' } }] } : r)),
    };
    const read = await readBack(await buildWorkbook(tampered));
    const results = sheet(read, '全部结果');
    const nameCell = cellAt(results, 1, '地区代码', root.code, '地区名称');
    expect(nameCell.value).toBe(name);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(nameCell.formula).toBeUndefined();
    const noteCell = results.getCell(2, resultHeaders.indexOf('备注') + 1);
    expect(noteCell.text).toContain('+1+2');
    expect(noteCell.type).toBe(ExcelJS.ValueType.String);
    expect(noteCell.formula).toBeUndefined();
    const matrixHeader = sheet(read, '地区×指标').getCell('C3');
    expect(matrixHeader.value).toBe(name);
    expect(matrixHeader.formula).toBeUndefined();
    const formulas: string[] = [];
    for (const ws of read.worksheets) ws.eachRow((row) => row.eachCell((cell) => void (cell.formula && formulas.push(cell.address))));
    expect(formulas).toEqual([]);
  });

  it('writes a non-finite figure as an empty cell, since exceljs would put "NaN" into the XML and Excel would call the file corrupt', async () => {
    const first = periodRows(data)[0];
    const broken: ReportData = { ...data, rows: data.rows.map((r) => (r === first ? { ...r, actual: Number.POSITIVE_INFINITY, gap: Number.NaN } : r)) };
    const results = sheet(await readBack(await buildWorkbook(broken)), '全部结果');
    expect(results.getCell(2, resultHeaders.indexOf('实际') + 1).value).toBeNull();
    expect(results.getCell(2, resultHeaders.indexOf('差距') + 1).value).toBeNull();
    expect(results.getCell(2, resultHeaders.indexOf('目标（至本期）') + 1).value).toBe(2.2);
  });

  it('gives the same bytes for the same data, whatever the clock says, dated by the run', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const early = await buildWorkbook(data);
    vi.setSystemTime(new Date('2031-06-15T13:47:12Z'));
    const late = await buildWorkbook(data);
    vi.useRealTimers();
    expect(Buffer.from(late).equals(Buffer.from(early))).toBe(true);
    const read = await readBack(late);
    expect(read.creator).toBe('kpi-engine');
    expect(read.created.toISOString()).toBe('2024-01-20T01:00:00.000Z');
    expect(read.modified.toISOString()).toBe('2024-01-20T01:00:00.000Z');
  });

  it('reads the run time as the run recorded it (ISO 8601), and refuses anything else', () => {
    expect(runTime('2023-07-20T01:00:00.000Z').toISOString()).toBe('2023-07-20T01:00:00.000Z');
    expect(runTime('2023-07-20T09:00:00+08:00').toISOString()).toBe('2023-07-20T01:00:00.000Z');
    expect(() => runTime('yesterday')).toThrow(/ISO 8601/);
  });
});

describe('laying out the workbook’s text', () => {
  it('wraps between Chinese characters and at spaces, moving a Latin word or a number whole', () => {
    // 9 units less the cell's inset hold four Chinese characters.
    expect(wrapText('某某市科学技术局', 9)).toEqual(['某某市科', '学技术局']);
    expect(wrapText('占GDP比重', 5)).toEqual(['占', 'GDP', '比重']);
    expect(wrapText('目标继承自 target inherited', 14)).toEqual(['目标继承自', 'target', 'inherited']);
    expect(wrapText('甲\n乙', 40)).toEqual(['甲', '乙']);
    // A 16 pt title takes half as much room again as 10.5 pt text.
    expect(wrapText('某某市科学技术局', 17, 16)).toEqual(['某某市科学', '技术局']);
  });

  it('breaks a header before its bracketed part, or between words where the longer line is shortest', () => {
    expect(breakInTwo('目标（至本期）', 10)).toEqual(['目标', '（至本期）']);
    expect(breakInTwo('超/落后序时（个百分点）', 12)).toEqual(['超/落后序时', '（个百分点）']);
    expect(breakInTwo('任务序号', 4)).toEqual(['任务', '序号']);
    expect(breakInTwo('宿迁经济技术开发区', 10)).toEqual(['宿迁经济', '技术开发区']);
    // Two characters, or a Latin word, have nowhere good to break.
    expect(breakInTwo('单位', 2)).toBeUndefined();
    expect(breakInTwo('GDP', 1)).toBeUndefined();
  });

  it('keeps a header that fits on one line, and widens a column to a header’s longer line', () => {
    expect(headerLayout('单位', 10)).toEqual({ text: '单位', width: 10 });
    expect(headerLayout('目标（至本期）', 10)).toEqual({ text: '目标\n（至本期）', width: 12 });
    expect(headerLayout('任务序号', 6)).toEqual({ text: '任务\n序号', width: 6 });
    expect(headerLayout('GDP', 2)).toEqual({ text: 'GDP', width: 5 });
  });

  // A4 landscape inside the margins is 784 × 509 pt: 33 rows of 15 pt to a page at full size.
  const rows = (n: number): number[] => Array<number>(n).fill(15);

  it('prints a sheet as many pages tall as its rows fill, the header row repeated', () => {
    expect(pagesTall({ columnWidths: [100], rowHeights: rows(33), repeatedRows: [1, 1] })).toBe(1);
    // 60 rows: 33 on the first page, the header and 27 more on the second.
    expect(pagesTall({ columnWidths: [100], rowHeights: rows(60), repeatedRows: [1, 1] })).toBe(2);
    // A sheet twice as wide as the page prints at 49 %: 69 rows to a page.
    expect(pagesTall({ columnWidths: [300], rowHeights: rows(69), repeatedRows: [1, 1] })).toBe(1);
    expect(pagesTall({ columnWidths: [300], rowHeights: rows(100), repeatedRows: [1, 1] })).toBe(2);
  });

  it('shrinks a sheet a little rather than print a page with a row or two on it', () => {
    expect(pagesTall({ columnWidths: [100], rowHeights: rows(35), repeatedRows: [1, 1] })).toBe(1);
    expect(pagesTall({ columnWidths: [100], rowHeights: rows(68), repeatedRows: [1, 1] })).toBe(2);
    // Saving the page would take more than a little shrinking: 40 rows stay on two pages.
    expect(pagesTall({ columnWidths: [100], rowHeights: rows(40), repeatedRows: [1, 1] })).toBe(2);
  });
});
