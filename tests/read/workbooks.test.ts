import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { KpiInputError } from '../../src/diagnostics/diagnostic.js';
import { runJob } from '../../src/engine/runJob.js';
import { dataSheet } from '../../src/read/dataSheet.js';
import { readXlsx } from '../../src/read/readXlsx.js';
import { expectClose } from '../support/matchers.js';
import { runFolder, writeFolder } from '../support/fixture.js';

type Rows = (string | number | null)[][];

/** A workbook of sheets; `ref` sets a sheet's used range, as Excel records it when the first rows are blank. */
function workbook(sheets: readonly { name: string; rows: Rows; origin?: string; ref?: string }[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet = s.origin ? XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), s.rows, { origin: s.origin }) : XLSX.utils.aoa_to_sheet(s.rows);
    if (s.ref) sheet['!ref'] = s.ref;
    XLSX.utils.book_append_sheet(book, sheet, s.name);
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const data: Rows = [
  ['region', 'period', 'gdp', 'rd_expenditure'],
  ['A', '2023Q1', 100, 2],
  ['B', '2023Q1', 50, 1],
];

describe('which sheet of a workbook holds the data (CONTRACT.md: the first sheet)', () => {
  it.each([
    { sheets: [{ name: 'Sheet1', hasContent: true }], read: 'Sheet1', why: 'the only sheet' },
    { sheets: [{ name: '2023Q2', hasContent: true }, { name: 'Sheet2', hasContent: false }], read: '2023Q2', why: 'the first sheet, the others empty' },
    { sheets: [{ name: '数据', hasContent: true }, { name: '说明', hasContent: true }], read: '数据', why: 'the first sheet, whatever else the workbook carries' },
    { sheets: [{ name: 'Sheet1', hasContent: false }, { name: 'Sheet2', hasContent: false }], read: 'Sheet1', why: 'an empty workbook: its empty first sheet' },
    { sheets: [{ name: 'Sheet1', hasContent: false }, { name: 'Sheet2', hasContent: true }], read: null, why: 'an empty first sheet and data elsewhere' },
  ])('$why → $read', ({ sheets, read }) => {
    expect(dataSheet(sheets)).toBe(read);
  });

  it('reads the first sheet of a workbook that also carries a 说明 sheet after it', async () => {
    const bytes = workbook([
      { name: 'Sheet1', rows: data },
      { name: '说明', rows: [['本表为2023年一季度数据'], ['单位：亿元']] },
    ]);
    const ran = await runFolder({ observations: { 'obs.xlsx': bytes } });
    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, 2);
  });

  it('says the data are on the wrong sheet when the first sheet is a 说明 without the required columns', async () => {
    const bytes = workbook([
      { name: '说明', rows: [['本表为2023年一季度数据'], ['单位：亿元']] },
      { name: '数据', rows: data },
    ]);
    const folder = await writeFolder({ observations: { 'obs.xlsx': bytes } });
    const error = await runJob({ data: folder, out: join(folder, 'out') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiInputError);
    expect((error as KpiInputError).diagnostics).toEqual([expect.objectContaining({ code: 'WRONG_SHEET', value: '说明、数据' })]);
  });
});

describe('workbook cells', () => {
  it('keeps the row numbers Excel shows when the table starts below row 1', async () => {
    const bytes = workbook([{ name: 'data', rows: [...data, ['B', '2023Q2', 'n/a', 1]], origin: 'A3', ref: 'A3:D6' }]);
    const table = await readXlsx('obs.xlsx', bytes);
    expect(table.headers).toEqual(['region', 'period', 'gdp', 'rd_expenditure']);
    expect(table.rows.map((r) => r.row)).toEqual([4, 5, 6]);
  });

  it('records merged ranges and formula cells of the data sheet, located as Excel shows them', async () => {
    const sheet = XLSX.utils.aoa_to_sheet(data);
    sheet['!merges'] = [XLSX.utils.decode_range('A2:A3')];
    sheet.D3 = { t: 'n', v: 2, f: 'D2*2' };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'data');
    const table = await readXlsx('obs.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(table.workbook).toMatchObject({
      sheet: 'data',
      merges: [{ row: 2, column: 0, address: 'A2', range: 'A2:A3' }],
      formulas: [{ row: 3, column: 3, address: 'D3', formula: '=D2*2' }],
    });
  });

  it('reads a text cell that starts with = as text, not as a formula', async () => {
    const bytes = workbook([{ name: 'data', rows: [['region', 'period', 'variable', 'value', 'note'], ['A', '2023Q1', 'gdp', 100, '=以快报为准']] }]);
    const table = await readXlsx('obs.xlsx', bytes);
    expect(table.workbook?.formulas).toEqual([]);
    expect(table.rows[0]?.cells[4]).toBe('=以快报为准');
  });
});
