import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { checkDataFolder } from '../../src/check/checkDataFolder.js';
import { isError } from '../../src/diagnostics/diagnostic.js';
import { readXlsx } from '../../src/read/readXlsx.js';
import { writeFolder } from '../support/fixture.js';

type Rows = (string | number | Date | null)[][];

function book(sheets: readonly { name: string; rows: Rows; hidden?: boolean; cells?: Record<string, XLSX.CellObject> }[]): XLSX.WorkBook {
  const b = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(s.rows);
    Object.assign(sheet, s.cells ?? {});
    XLSX.utils.book_append_sheet(b, sheet, s.name);
  }
  b.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  return b;
}
const bytesOf = (b: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx'): Uint8Array => XLSX.write(b, { type: 'buffer', bookType }) as Buffer;

const good: Rows = [
  ['region', 'period', 'gdp'],
  ['A', '2023Q1', 100],
  ['B', '2023Q1', 50],
];

async function check(observations: Record<string, Uint8Array>) {
  const data = await writeFolder({ observations });
  const folder = await checkDataFolder(data, await loadCatalog('metrics'), () => {}, { now: new Date('2024-01-01T00:00:00Z') });
  return { folder, errors: folder.diagnostics.filter(isError).map((d) => [d.code, d.row, d.column, d.value]) };
}

describe('Excel error values are errors located at their cell', () => {
  const errorCodes: [string, number][] = [
    ['#NULL!', 0x00],
    ['#DIV/0!', 0x07],
    ['#VALUE!', 0x0f],
    ['#REF!', 0x17],
    ['#NAME?', 0x1d],
    ['#NUM!', 0x24],
    ['#N/A', 0x2a],
  ];

  it.each(errorCodes)('%s in a value cell of an .xlsx is NOT_A_NUMBER, as the same text in a CSV is', async (text, code) => {
    const bytes = bytesOf(book([{ name: 'data', rows: good, cells: { C3: { t: 'e', v: code } } }]));
    const { errors } = await check({ 'obs.xlsx': bytes });
    expect(errors).toEqual([['NOT_A_NUMBER', 3, 'gdp', text]]);
  });

  it('an error value in an .xls is located too, and its row does not silently disappear', async () => {
    const bytes = bytesOf(book([{ name: 'data', rows: good, cells: { C2: { t: 'e', v: 0x07 } } }]), 'biff8');
    const table = await readXlsx('obs.xls', bytes);
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
    const { errors } = await check({ 'obs.xls': bytes });
    expect(errors).toEqual([['NOT_A_NUMBER', 2, 'gdp', '#DIV/0!']]);
  });

  it('an error value in the key column is reported there', async () => {
    const bytes = bytesOf(book([{ name: 'data', rows: good, cells: { A3: { t: 'e', v: 0x2a } } }]));
    const { errors } = await check({ 'obs.xlsx': bytes });
    expect(errors).toEqual([['UNKNOWN_REGION', 3, 'region', '#N/A']]);
  });
});

describe('date cells show as dates, never as serial numbers', () => {
  it('a date in a value cell is an error quoting the date', async () => {
    const rows: Rows = [...good.slice(0, 2), ['B', '2023Q1', new Date(Date.UTC(2023, 5, 30))]];
    const { errors } = await check({ 'obs.xlsx': bytesOf(book([{ name: 'data', rows }])) });
    expect(errors).toEqual([['NOT_A_NUMBER', 3, 'gdp', '2023-06-30']]);
  });

  it('a date in the period column is an error quoting the date, not the quarter it falls in', async () => {
    const rows: Rows = [...good.slice(0, 2), ['B', new Date(Date.UTC(2023, 5, 30)), 50]];
    const { errors } = await check({ 'obs.xlsx': bytesOf(book([{ name: 'data', rows }])) });
    expect(errors).toEqual([['BAD_PERIOD', 3, 'period', '2023-06-30']]);
  });
});

describe('a workbook is read from its first visible sheet', () => {
  it('a hidden first sheet is skipped and the visible one is read', async () => {
    const bytes = bytesOf(book([{ name: '旧数据', rows: [['region', 'period', 'gdp'], ['A', '2023Q1', 999]], hidden: true }, { name: 'data', rows: good }]));
    const { folder, errors } = await check({ 'obs.xlsx': bytes });
    expect(errors).toEqual([]);
    expect(folder.observationFiles[0]?.observations.map((o) => [o.region, o.value])).toEqual([
      ['A', 100],
      ['B', 50],
    ]);
  });

  it('WRONG_SHEET judges the first visible sheet: a hidden sheet with data does not count', async () => {
    const bytes = bytesOf(book([{ name: 'secret', rows: good, hidden: true }, { name: 'Sheet1', rows: [] }, { name: 'data', rows: good }]));
    const { errors } = await check({ 'obs.xlsx': bytes });
    expect(errors).toEqual([['WRONG_SHEET', undefined, undefined, 'Sheet1、data']]);
  });
});

describe('every workbook kind the contract names is read', () => {
  it.each([
    ['obs.xls', 'biff8'],
    ['obs.et', 'biff8'],
    ['obs.ods', 'ods'],
    ['obs.xlsx', 'xlsx'],
  ] as const)('%s', async (name, bookType) => {
    const { folder, errors } = await check({ [name]: bytesOf(book([{ name: 'data', rows: good }]), bookType) });
    expect(errors).toEqual([]);
    expect(folder.observationFiles[0]?.observations).toHaveLength(2);
  });
});
