import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { RawTable } from '../read/rawTable.js';
import type { SheetCellRef } from '../read/workbookFacts.js';

/**
 * Judges what a workbook reader saw besides values: no data sheet it could
 * name (WRONG_SHEET), merged cells (whose value stands in one cell only, so
 * the others would read as empty) and formulas (a reported figure must be a
 * value, not a calculation over other cells). Text files give no problems.
 */
export function checkWorkbook(table: RawTable): Diagnostic[] {
  const facts = table.workbook;
  if (facts === undefined) return [];
  if (facts.sheet === null) {
    const withContent = facts.sheets.filter((s) => s.hasContent).map((s) => s.name);
    return [
      problem('WRONG_SHEET', {
        file: table.file,
        value: facts.sheets.map((s) => s.name).join('、'),
        detail: `第一个可见工作表「${facts.sheets[0]?.name ?? ''}」是空的 the first visible sheet is empty；有内容的工作表 sheets with content: ${withContent.join('、')}`,
      }),
    ];
  }
  const columnOf = (cell: SheetCellRef): string => {
    const header = table.headers[cell.column] ?? '';
    return header === '' ? cell.address.replace(/\d+$/, '') : header;
  };
  return [
    ...facts.merges.map((m) =>
      problem('MERGED_CELLS', { file: table.file, row: m.row, column: columnOf(m), value: m.range, detail: `合并区域 merged range ${m.range}` }),
    ),
    ...facts.formulas.map((f) =>
      problem('FORMULA_CELL', { file: table.file, row: f.row, column: columnOf(f), value: f.formula, detail: `单元格 cell ${f.address}` }),
    ),
  ];
}
