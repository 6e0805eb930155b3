import { describe, expect, it } from 'vitest';
import { formulaInputs, formulaText } from '../../src/catalog/formula/ast.js';
import { compileFormula } from '../../src/catalog/formula/compileFormula.js';
import { parseFormula } from '../../src/catalog/formula/parseFormula.js';

const vars = new Set(['rd_expenditure', 'gdp', 'energy_consumption', 'gdp_constant']);

describe('formulas', () => {
  it('parses arithmetic over variable codes with the usual precedence', () => {
    const parsed = parseFormula('100 * rd_expenditure / gdp', vars);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formulaText(parsed.node)).toBe('(100 * rd_expenditure) / gdp');
  });

  it('separates the inputs read this period from those read a year earlier', () => {
    const parsed = parseFormula('100 * (1 - (energy_consumption / gdp_constant) / prev_year(energy_consumption / gdp_constant))', vars);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(formulaInputs(parsed.node)).toEqual({
        current: ['energy_consumption', 'gdp_constant'],
        previousYear: ['energy_consumption', 'gdp_constant'],
      });
    }
  });

  it('names an unknown identifier', () => {
    const parsed = parseFormula('100 * rd_spending / gdp', vars);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([expect.objectContaining({ code: 'FORMULA_UNKNOWN_IDENTIFIER', identifier: 'rd_spending' })]);
  });

  it.each([
    ['a function outside the allow-list', 'read_csv(gdp)', 'read_csv'],
    ['a string literal', "gdp || 'x'", '|'],
    ['a statement separator', 'gdp; DROP TABLE results', ';'],
    ['a comparison', 'gdp > 1', '>'],
  ])('refuses %s', (_label, source, identifier) => {
    const parsed = parseFormula(source, vars);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ code: 'FORMULA_DISALLOWED', identifier });
  });

  it.each(['100 * (gdp', 'gdp gdp', '* gdp', 'prev_year(gdp, gdp)', ''])('reports a syntax error in "%s"', (source) => {
    const parsed = parseFormula(source, vars);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.code)).toContain('FORMULA_SYNTAX');
  });

  it('compiles every division with a zero guard and a reason', () => {
    const parsed = parseFormula('rd_expenditure / gdp', vars);
    if (!parsed.ok) throw new Error('parse failed');
    const sql = compileFormula(parsed.node, { current: 'c', previousYear: 'p' });
    expect(sql.value).toBe('(c."rd_expenditure" / NULLIF(c."gdp", 0))');
    expect(sql.zeroDivisions).toContain('除数为零');
  });
});
