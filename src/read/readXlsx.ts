import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { dataSheet } from './dataSheet.js';
import type { Cell, RawTable } from './rawTable.js';
import { cellText } from './rawTable.js';
import type { WorkbookFacts } from './workbookFacts.js';
import { judging } from './unreadableFileError.js';

/** The cells of a sheet (SheetJS keeps them beside `!ref`, `!merges`, … under their A1 address). */
const cellsOf = (sheet: XLSX.WorkSheet): [string, XLSX.CellObject][] =>
  Object.entries(sheet).filter((entry): entry is [string, XLSX.CellObject] => !entry[0].startsWith('!'));

const hasContent = (sheet: XLSX.WorkSheet | undefined): boolean =>
  sheet !== undefined && cellsOf(sheet).some(([, c]) => c.f !== undefined || c.t === 'e' || cellText(c.v as Cell | undefined) !== '');

/** The two calls of SheetJS's number-format library used here; its typings declare `SSF` as `any`. */
interface NumberFormats {
  is_date(format: string): boolean;
  format(format: string, value: number): string;
}
const numberFormats = XLSX.SSF as NumberFormats;

/** Excel's error values by their BIFF code, for a cell SheetJS read without its display text. */
const excelErrors: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/**
 * Cells whose value would otherwise be lost or disguised, rewritten as the
 * text a user sees: an error value (`#N/A`; SheetJS would drop it, and the
 * row with it) and a date (`2023-06-30`, not the serial number 45107). Both
 * then fail the check as the same text in a CSV does.
 */
function asShown(sheet: XLSX.WorkSheet): void {
  for (const [address, c] of cellsOf(sheet)) {
    if (c.t === 'e') sheet[address] = { t: 's', v: c.w ?? (typeof c.v === 'number' ? excelErrors[c.v] : undefined) ?? '#ERROR', ...(c.f === undefined ? {} : { f: c.f }) };
    else if (c.t === 'n' && typeof c.v === 'number' && typeof c.z === 'string' && numberFormats.is_date(c.z)) {
      sheet[address] = { t: 's', v: numberFormats.format('yyyy-mm-dd', c.v), ...(c.f === undefined ? {} : { f: c.f }) };
    } else if (c.t === 'd' && c.v instanceof Date) sheet[address] = { t: 's', v: c.v.toISOString().slice(0, 10) };
  }
}

/** Sheets a user sees, in workbook order: hidden and very hidden sheets are not the data sheet (CONTRACT.md: "first visible sheet"). */
function visibleSheets(workbook: XLSX.WorkBook): string[] {
  const flags = workbook.Workbook?.Sheets ?? [];
  return workbook.SheetNames.filter((name, i) => {
    const hidden = (flags.find((f) => f.name === name) ?? flags[i])?.Hidden;
    return hidden === undefined || hidden === 0;
  });
}

/**
 * Reads the data sheet of a workbook (.xlsx, .xls, .et, .ods: SheetJS tells
 * them apart by their bytes) — the first visible sheet, see
 * {@link dataSheet}; the header is
 * the first row of its used range. Rows keep the number Excel shows. Merged
 * ranges and formula cells are recorded in `workbook` for the check phase.
 */
export async function readXlsx(file: string, bytes?: Uint8Array): Promise<RawTable> {
  const content = bytes ?? (await readFile(file));
  const workbook = judging(file, () => XLSX.read(content, { type: 'buffer', cellDates: false, cellFormula: true, cellNF: true }));
  const sheets = visibleSheets(workbook).map((name) => ({ name, hasContent: hasContent(workbook.Sheets[name]) }));
  const chosen = dataSheet(sheets);
  const sheet = chosen === null ? undefined : workbook.Sheets[chosen];
  const facts: WorkbookFacts = { sheets, sheet: chosen, merges: [], formulas: [] };
  const ref = sheet?.['!ref'];
  if (!sheet || ref === undefined) return { file, headers: [], rows: [], workbook: facts };

  asShown(sheet);
  const range = XLSX.utils.decode_range(ref);
  const at = (r: number, c: number) => ({ row: r + 1, column: c - range.s.c, address: XLSX.utils.encode_cell({ r, c }) });
  const merges = (sheet['!merges'] ?? []).map((m) => ({ ...at(m.s.r, m.s.c), range: XLSX.utils.encode_range(m) }));
  const formulas = cellsOf(sheet)
    .filter(([, c]) => c.f !== undefined)
    .map(([address, c]) => {
      const { r, c: col } = XLSX.utils.decode_cell(address);
      return { ...at(r, col), formula: `=${c.f ?? ''}` };
    })
    .sort((a, b) => a.row - b.row || a.column - b.column);

  const grid = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true, range });
  const [header, ...body] = grid;
  return {
    file,
    headers: (header ?? []).map((c) => cellText(c)),
    rows: body
      // The grid starts at the used range's first row, which need not be row 1.
      .map((cells, i) => ({ row: range.s.r + i + 2, cells }))
      .filter((r) => r.cells.some((c) => cellText(c) !== '')),
    workbook: { ...facts, merges, formulas },
  };
}
