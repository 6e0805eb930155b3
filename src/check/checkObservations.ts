import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Observation } from '../model/observation.js';
import type { Cell, RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import type { ColumnSpec } from './columns.js';
import { matchColumns, normalizeHeader } from './columns.js';
import type { CheckContext } from './context.js';
import type { Period } from './values.js';
import { parseNumber, parsePeriod } from './values.js';

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

export interface CheckedObservations {
  readonly layout: Layout;
  readonly observations: Observation[];
  readonly diagnostics: Diagnostic[];
}

/** A file is long when it has a `variable` column, wide otherwise (one column per variable). */
export const layoutOf = (table: RawTable): Layout =>
  table.headers.some((h) => ['variable', normalizeHeader('指标代码')].includes(normalizeHeader(h))) ? 'long' : 'wide';

/**
 * Checks an observations file in either layout. Empty value cells mean "not
 * reported" and are skipped; the same region, period and variable twice in
 * one file is an error.
 */
export function checkObservations(table: RawTable, context: CheckContext): CheckedObservations {
  const layout = layoutOf(table);
  const diagnostics: Diagnostic[] = [];
  const candidates: { row: number; region: Cell; period: Cell; variable: string; variableColumn: string; value: Cell; valueColumn: string; source: string; note: string }[] = [];

  if (layout === 'long') {
    const { index, diagnostics: headerProblems } = matchColumns(table, longColumns);
    diagnostics.push(...headerProblems);
    if (headerProblems.some((d) => d.severity === 'error')) return { layout, observations: [], diagnostics };
    const get = (cells: readonly Cell[], name: (typeof longColumns)[number]['name']): Cell => {
      const i = index[name];
      return i === undefined ? null : (cells[i] ?? null);
    };
    for (const { row, cells } of table.rows) {
      candidates.push({
        row,
        region: get(cells, 'region'),
        period: get(cells, 'period'),
        variable: cellText(get(cells, 'variable')),
        variableColumn: 'variable',
        value: get(cells, 'value'),
        valueColumn: 'value',
        source: cellText(get(cells, 'source')),
        note: cellText(get(cells, 'note')),
      });
    }
  } else {
    // In a wide file every other column must be a variable.
    const { index, others, diagnostics: headerProblems } = matchColumns(table, wideColumns, { warnUnknown: false });
    diagnostics.push(...headerProblems);
    const variableColumns: { index: number; header: string; code: string }[] = [];
    for (const o of others) {
      const code = context.variableCodes.has(o.header) ? o.header : context.variableByName.get(o.header);
      if (code === undefined) diagnostics.push(problem('UNKNOWN_VARIABLE_COLUMN', { file: table.file, row: 1, column: o.header, value: o.header }));
      else if (variableColumns.some((v) => v.code === code)) diagnostics.push(problem('DUPLICATE_COLUMN', { file: table.file, row: 1, column: o.header, value: o.header }));
      else variableColumns.push({ ...o, code });
    }
    if (diagnostics.some((d) => d.severity === 'error')) return { layout, observations: [], diagnostics };
    const at = (cells: readonly Cell[], i: number | undefined): Cell => (i === undefined ? null : (cells[i] ?? null));
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
  }
  if (table.rows.length === 0) diagnostics.push(problem('FILE_EMPTY', { file: table.file }));

  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  const rowProblems = new Set<string>();
  for (const c of candidates) {
    const at = (column: string, value: string) => ({ file: table.file, row: c.row, column, value });
    // Key cells are checked once per row, not once per wide column.
    const once = (key: string, d: () => Diagnostic): void => {
      if (!rowProblems.has(key)) diagnostics.push(d());
      rowProblems.add(key);
    };
    const regionText = cellText(c.region);
    const periodText = cellText(c.period);
    const period: Period | undefined = parsePeriod(c.period);
    let ok = true;
    if (regionText === '') once(`${c.row}|region`, () => problem('REQUIRED_VALUE', at('region', '')));
    else if (!context.regionCodes.has(regionText)) once(`${c.row}|region`, () => problem('UNKNOWN_REGION', at('region', regionText)));
    if (!period) once(`${c.row}|period`, () => problem('BAD_PERIOD', at('period', periodText)));
    if (regionText === '' || !context.regionCodes.has(regionText) || !period) ok = false;
    if (layout === 'long') {
      if (c.variable === '') {
        diagnostics.push(problem('REQUIRED_VALUE', at(c.variableColumn, '')));
        ok = false;
      } else if (!context.variableCodes.has(c.variable)) {
        diagnostics.push(problem('UNKNOWN_VARIABLE', at(c.variableColumn, c.variable)));
        ok = false;
      }
    }
    const valueText = cellText(c.value);
    if (valueText === '') continue;
    const value = parseNumber(c.value);
    if (value === undefined) {
      diagnostics.push(problem('NOT_A_NUMBER', at(c.valueColumn, valueText)));
      ok = false;
    }
    if (!ok || !period || value === undefined) continue;
    const key = `${regionText}|${period.period}|${c.variable}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(
        problem('DUPLICATE_KEY', {
          ...at(c.valueColumn, valueText),
          detail: `${regionText} ${period.period} ${c.variable} 与第${first}行重复 same region, period and variable as row ${first}`,
        }),
      );
      continue;
    }
    seen.set(key, c.row);
    observations.push({ region: regionText, ...period, variable: c.variable, value, source: c.source, note: c.note, row: c.row, column: c.valueColumn });
  }
  return { layout, observations, diagnostics };
}
