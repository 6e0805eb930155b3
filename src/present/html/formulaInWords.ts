import { formulaFunctions, isFormulaFunction, PREV_YEAR, PREV_YEAR_WORDS } from '../../catalog/formula/functions.js';
import type { ReportVariable } from '../report/reportData.js';

/**
 * A formula with variable codes replaced by their Chinese names and the
 * operators as written on paper: `100 * rd_expenditure / gdp` →
 * `100 × R&D经费支出 ÷ 地区生产总值`; functions by their words in the
 * function catalog (`ln(x)` → `自然对数(x)`).
 */
export function formulaInWords(formula: string, variables: readonly ReportVariable[]): string {
  const names = new Map(variables.map((v) => [v.code, v.name]));
  return formula
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (word) => (word === PREV_YEAR ? PREV_YEAR_WORDS : (names.get(word) ?? (isFormulaFunction(word) ? formulaFunctions[word].words : word))))
    .replace(/\s*\*\s*/g, ' × ')
    .replace(/\s*\/\s*/g, ' ÷ ');
}
