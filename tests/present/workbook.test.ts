import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusLabels } from '../../src/assess/statusRules.js';
import type { Status } from '../../src/model/status.js';
import { statusColors, statusTextColors } from '../../src/present/charts/statusStyle.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import { periodRows, rootRegion } from '../../src/present/report/reportData.js';
import { appliesTo } from '../../src/catalog/applicability.js';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { buildWorkbook } from '../../src/present/workbook/buildWorkbook.js';
import { runTime } from '../../src/present/workbook/runTime.js';
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

/** Header text → column number, read from the sheet itself. */
function headerColumns(ws: Worksheet, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  ws.getRow(row).eachCell((cell, column) => columns.set(cell.text, column));
  return columns;
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
const resultHeaders = ['指标代码', '指标名称', '单位', '地区代码', '地区名称', '期别', '实际', '目标（至本期）', '年度目标', '完成率', '年度进度', '序时进度', '差距', '状态', '排名', '目标来源', '备注'];

describe('the 通报 workbook', () => {
  let data: ReportData;
  /** Every catalog indicator appears once per region (the city and its nine units). */
  let catalogIndicators: number;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    data = await sampleReportData('2023Q2');
    catalogIndicators = (await loadCatalog('metrics')).indicators.length;
    workbook = await readBack(await buildWorkbook(data));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the sheets 汇总, 地区×指标 and 全部结果, then the plan sheets 牵头单位 and 逾期任务, in that order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['汇总', '地区×指标', '全部结果', '牵头单位', '逾期任务']);
  });

  it('lists per lead unit the milestones due, done and the completion rate, counted by hand from plan/reports', () => {
    const ws = sheet(workbook, '牵头单位');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    // 市财政局 leads tasks 14, 89, 91, 93: 8 milestones due by 2023Q2, 91's Q2 推进中 → 7 done.
    expect(rows.find((r) => r[1] === '市财政局')?.slice(1, 7)).toEqual(['市财政局', 8, 7, 0.875, 0, 1]);
    const overdue = sheet(workbook, '逾期任务').getSheetValues().filter(Boolean) as unknown[][];
    expect(overdue[0]?.slice(1, 6)).toEqual(['任务序号', '季度', '进度节点', '状态', '逾期季度数']);
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
    expect(ws.getRow(3).values).toEqual([undefined, ...summaryHeaders]);
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
    expect(ws.getRow(3).values).toEqual([undefined, '指标名称', '单位', ...regions.map((r) => r.name)]);
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

  it('prints every sheet on A4 landscape, one page wide', () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(sheet(workbook, '汇总').pageSetup.printTitlesRow).toBe('3:3');
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
