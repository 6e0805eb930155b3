import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem, problems } from '../diagnostics/problems.js';
import type { Observation } from '../model/observation.js';
import type { RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import { checkWorkbook } from './checkWorkbook.js';
import type { CheckContext } from './context.js';
import type { Layout } from './observationCandidates.js';
import { layoutOf, observationCandidates } from './observationCandidates.js';
import type { Normalization } from './normalization.js';
import { isAfter, periodForReading, readPeriodLabel } from './periodLabel.js';
import { readQuantity } from './readQuantity.js';
import { didYouMean } from './suggestCode.js';

export type { Layout } from './observationCandidates.js';

export interface CheckedObservations {
  readonly layout: Layout;
  readonly observations: Observation[];
  readonly diagnostics: Diagnostic[];
  /** Cells rewritten on the way in (period labels, numbers), one entry per cell and rule. */
  readonly normalizations: Normalization[];
}

/**
 * Checks an observations file in either layout. Empty value cells mean "not
 * reported" and are skipped; the same region, period and variable twice in
 * one file is an error. Period labels and numbers with one meaning are
 * normalized and logged; a period after the current quarter is an error.
 */
export function checkObservations(table: RawTable, context: CheckContext): CheckedObservations {
  const workbookProblems = checkWorkbook(table);
  if (table.workbook?.sheet === null) return { layout: layoutOf(table), observations: [], diagnostics: workbookProblems, normalizations: [] };
  const { layout, candidates, diagnostics: headerProblems } = observationCandidates(table, context);
  const misplaced = wrongFirstSheet(table, headerProblems);
  if (misplaced) return { layout, observations: [], diagnostics: [...workbookProblems, misplaced], normalizations: [] };
  const diagnostics: Diagnostic[] = [...workbookProblems, ...headerProblems];
  const normalizations: Normalization[] = [];
  if (table.rows.length === 0) diagnostics.push(problem('FILE_EMPTY', { file: table.file }));

  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  // Key cells are checked once per row, not once per wide column.
  const rowsDone = new Set<string>();
  const once = (key: string, act: () => void): void => {
    if (!rowsDone.has(key)) act();
    rowsDone.add(key);
  };
  for (const c of candidates) {
    const cell = (column: string) => ({ file: table.file, row: c.row, column });
    const at = (column: string, value: string) => ({ ...cell(column), value });
    const regionText = cellText(c.region);
    const periodText = cellText(c.period);
    const reading = readPeriodLabel(c.period);
    const period = reading.ok ? reading.period : undefined;
    let ok = true;
    if (regionText === '') once(`${c.row}|region`, () => diagnostics.push(problem('REQUIRED_VALUE', at('region', ''))));
    else if (!context.regionCodes.has(regionText)) {
      const expected = didYouMean(regionText, context.named.regions, problems.UNKNOWN_REGION.expected);
      once(`${c.row}|region`, () => diagnostics.push(problem('UNKNOWN_REGION', { ...at('region', regionText), expected })));
    }
    if (!reading.ok) {
      once(`${c.row}|period`, () => diagnostics.push(problem(reading.code ?? 'BAD_PERIOD', { ...at('period', periodText), detail: reading.detail, expected: reading.expected })));
    } else if (context.currentQuarter !== undefined && isAfter(reading.period, context.currentQuarter)) {
      const expected = `不晚于本季度 ${context.currentQuarter.period} 的期别；检查年份是否写错 / ${context.currentQuarter.period} (this quarter) or earlier: check the year`;
      once(`${c.row}|period`, () => diagnostics.push(problem('FUTURE_PERIOD', { ...at('period', periodText), expected })));
      ok = false;
    } else if (!reading.canonical) {
      once(`${c.row}|period`, () => normalizations.push({ ...cell('period'), rule: 'period_label', from: periodText, to: reading.period.period }));
    }
    if (regionText === '' || !context.regionCodes.has(regionText) || !period) ok = false;
    // The frequency rule needs the variable: a bare year is an annual variable's Q4, and a quarterly one's error.
    const frequency = context.variables.get(c.variable)?.frequency;
    if (reading.ok && frequency !== undefined) {
      const checked = periodForReading(reading, frequency);
      if (!checked.ok) {
        once(`${c.row}|period|${checked.code}`, () => diagnostics.push(problem(checked.code, { ...at('period', periodText), expected: checked.expected })));
        ok = false;
      }
    }
    if (layout === 'long') {
      if (c.variable === '') {
        diagnostics.push(problem('REQUIRED_VALUE', at(c.variableColumn, '')));
        ok = false;
      } else if (!context.variableCodes.has(c.variable)) {
        const expected = didYouMean(c.variable, context.named.variables, problems.UNKNOWN_VARIABLE.expected);
        diagnostics.push(problem('UNKNOWN_VARIABLE', { ...at(c.variableColumn, c.variable), expected }));
        ok = false;
      }
    }
    const valueText = cellText(c.value);
    if (valueText === '') continue;
    const variable = context.variables.get(c.variable);
    const quantity = readQuantity(c.value, { unit: variable?.unit, integer: variable?.integer, min: variable?.min });
    if (!quantity.ok) {
      diagnostics.push(problem(quantity.code, { ...at(c.valueColumn, valueText), expected: quantity.expected }));
      continue;
    }
    const value = quantity.value;
    for (const rule of quantity.applied) normalizations.push({ ...cell(c.valueColumn), rule, from: String(c.value), to: String(value) });
    if (!ok || !period) continue;
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
    const { year, quarter } = period;
    observations.push({ region: regionText, period: period.period, year, quarter, variable: c.variable, value, source: c.source, note: c.note, row: c.row, column: c.valueColumn });
  }
  return { layout, observations, diagnostics, normalizations };
}

/**
 * The contract reads a workbook's first sheet. When that sheet lacks the
 * required columns and another sheet has content, the data were most likely
 * put on the wrong sheet: say so, instead of listing every missing column.
 */
function wrongFirstSheet(table: RawTable, headerProblems: readonly Diagnostic[]): Diagnostic | undefined {
  const facts = table.workbook;
  if (!facts || !headerProblems.some((d) => d.code === 'MISSING_COLUMN')) return undefined;
  const others = facts.sheets.slice(1).filter((s) => s.hasContent).map((s) => s.name);
  if (others.length === 0) return undefined;
  return problem('WRONG_SHEET', {
    file: table.file,
    value: facts.sheets.map((s) => s.name).join('、'),
    detail: `第一个可见工作表「${facts.sheets[0]?.name ?? ''}」没有所需的列 the first visible sheet lacks the required columns，其他有内容的工作表 other sheets with content: ${others.join('、')}`,
  });
}
