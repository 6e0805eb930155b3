import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { dataSheet } from './dataSheet.js';
import type { Cell, RawTable } from './rawTable.js';
import { cellText } from './rawTable.js';
import type { WorkbookFacts } from './workbookFacts.js';

/** The cells of a sheet (SheetJS keeps them beside `!ref`, `!merges`, … under their A1 address). */
const cellsOf = (sheet: XLSX.WorkSheet): [string, XLSX.CellObject][] =>
  Object.entries(sheet).filter((entry): entry is [string, XLSX.CellObject] => !entry[0].startsWith('!'));

const hasContent = (sheet: XLSX.WorkSheet | undefined): boolean =>
  sheet !== undefined && cellsOf(sheet).some(([, c]) => c.f !== undefined || cellText(c.v as Cell | undefined) !== '');

/**
 * Reads the data sheet of a workbook (see {@link dataSheet}); the header is
 * the first row of its used range. Rows keep the number Excel shows. Merged
 * ranges and formula cells are recorded in `workbook` for the check phase.
 */
export async function readXlsx(file: string, bytes?: Uint8Array): Promise<RawTable> {
  const workbook = XLSX.read(bytes ?? (await readFile(file)), { type: 'buffer', cellDates: false, cellFormula: true });
  const sheets = workbook.SheetNames.map((name) => ({ name, hasContent: hasContent(workbook.Sheets[name]) }));
  const chosen = dataSheet(sheets);
  const sheet = chosen === null ? undefined : workbook.Sheets[chosen];
  const facts: WorkbookFacts = { sheets, sheet: chosen, merges: [], formulas: [] };
  const ref = sheet?.['!ref'];
  if (!sheet || ref === undefined) return { file, headers: [], rows: [], workbook: facts };

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
