import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem, problems } from '../diagnostics/problems.js';
import type { Cell, RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import { REPEAT_LIMIT } from './capRepeats.js';
import { unnamedColumn } from './columnLetter.js';
import type { ColumnSpec } from './columns.js';
import { matchColumns, normalizeHeader } from './columns.js';
import type { CheckContext } from './context.js';
import { didYouMean } from './suggestCode.js';

const keyColumns = [
  { name: 'region', chinese: '地区代码', required: true },
  { name: 'period', chinese: '期别', required: true },
] as const satisfies readonly ColumnSpec[];
const longColumns = [
  ...keyColumns,
  { name: 'variable', chinese: '指标代码', required: true },
  { name: 'value', chinese: '数值', required: true },
  { name: 'source', chinese: '来源', required: false },
  { name: 'note', chinese: '备注', required: false },
] as const;
const wideColumns = [...keyColumns, { name: 'source', chinese: '来源', required: false }, { name: 'note', chinese: '备注', required: false }] as const;

export type Layout = 'long' | 'wide';

/** One value cell with the key cells of its row, before the cells are checked. */
export interface Candidate {
  readonly row: number;
  readonly region: Cell;
  readonly period: Cell;
  /** The variable code (long layout: as written, maybe unknown; wide layout: the column's code). */
  readonly variable: string;
  readonly variableColumn: string;
  readonly value: Cell;
  readonly valueColumn: string;
  readonly source: string;
  readonly note: string;
}

/** A file is long when it has a `variable` column, wide otherwise (one column per variable). */
export const layoutOf = (table: RawTable): Layout =>
  table.headers.some((h) => ['variable', normalizeHeader('指标代码')].includes(normalizeHeader(h))) ? 'long' : 'wide';

/**
 * Matches the header row of an observations file and lists its value cells:
 * one per row in the long layout, one per row and variable column in the
 * wide one. Header errors leave no candidates.
 */
export function observationCandidates(table: RawTable, context: CheckContext): { layout: Layout; candidates: Candidate[]; diagnostics: Diagnostic[] } {
  const layout = layoutOf(table);
  const diagnostics: Diagnostic[] = [];
  const candidates: Candidate[] = [];
  const at = (cells: readonly Cell[], i: number | undefined): Cell => (i === undefined ? null : (cells[i] ?? null));

  if (layout === 'long') {
    const { index, diagnostics: headerProblems } = matchColumns(table, longColumns);
    diagnostics.push(...headerProblems);
    if (headerProblems.some((d) => d.severity === 'error')) return { layout, candidates, diagnostics };
    for (const { row, cells } of table.rows) {
      candidates.push({
        row,
        region: at(cells, index.region),
        period: at(cells, index.period),
        variable: cellText(at(cells, index.variable)),
        variableColumn: 'variable',
        value: at(cells, index.value),
        valueColumn: 'value',
        source: cellText(at(cells, index.source)),
        note: cellText(at(cells, index.note)),
      });
    }
    return { layout, candidates, diagnostics };
  }

  // In a wide file every other column must be a variable, by code or by Chinese name.
  const { index, others, diagnostics: headerProblems } = matchColumns(table, wideColumns, { warnUnknown: false });
  diagnostics.push(...headerProblems);
  const variableColumns: { index: number; header: string; code: string }[] = [];
  let unknownColumns = 0;
  for (const o of others) {
    if (o.header === '') {
      // Unnamed and empty throughout: no column at all. Unnamed with values: said once, by its letter.
      if (table.rows.some((r) => cellText(r.cells[o.index]) !== '')) diagnostics.push(problem('EMPTY_HEADER', { file: table.file, row: 1, column: unnamedColumn(o.index), value: '' }));
      continue;
    }
    const code = context.variableCodes.has(o.header) ? o.header : context.variableByName.get(o.header);
    if (code === undefined) {
      // "Did you mean" costs an edit distance per variable: past the few that are shown one by one (capRepeats), plain advice.
      unknownColumns++;
      const advice = problems.UNKNOWN_VARIABLE_COLUMN.expected;
      const expected = unknownColumns <= REPEAT_LIMIT ? didYouMean(o.header, context.named.variables, advice) : advice;
      diagnostics.push(problem('UNKNOWN_VARIABLE_COLUMN', { file: table.file, row: 1, column: o.header, value: o.header, expected }));
    } else if (variableColumns.some((v) => v.code === code)) diagnostics.push(problem('DUPLICATE_COLUMN', { file: table.file, row: 1, column: o.header, value: o.header }));
    else variableColumns.push({ ...o, code });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { layout, candidates, diagnostics };
  for (const { row, cells } of table.rows) {
    for (const v of variableColumns) {
      candidates.push({
        row,
        region: at(cells, index.region),
        period: at(cells, index.period),
        variable: v.code,
        variableColumn: v.header,
        value: at(cells, v.index),
        valueColumn: v.header,
        source: cellText(at(cells, index.source)),
        note: cellText(at(cells, index.note)),
      });
    }
  }
  return { layout, candidates, diagnostics };
}
