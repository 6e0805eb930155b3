import { describe, expect, it } from 'vitest';
import { formulaInputs, formulaText } from '../../src/catalog/formula/ast.js';
import { sql } from '../../src/model/sql.js';
import { compileFormula } from '../../src/evaluate/compileFormula.js';
import { MAX_FORMULA_DEPTH, parseFormula } from '../../src/catalog/formula/parseFormula.js';

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
    const compiled = compileFormula(parsed.node, { current: sql`c`, previousYear: sql`p` });
    expect(compiled.value).toContain('(c."rd_expenditure" / NULLIF(c."gdp", 0))');
    expect(compiled.zeroDivisions).toContain("'ZERO_DIVISION'");
    expect(compiled.zeroDivisions).toContain("'gdp'");
    expect(compiled.nonFinite).toContain("'NOT_FINITE'");
  });

  it('refuses a number too large to be finite', () => {
    const parsed = parseFormula('gdp * 1e999', vars);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ code: 'FORMULA_SYNTAX', identifier: '1e999' });
  });
});

describe('formulas nested too deeply', () => {
  const deep = 10_000;
  const tooDeep = (source: string): void => {
    const parsed = parseFormula(source, vars);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.code)).toEqual(['FORMULA_TOO_DEEP']);
  };

  it.each([
    ['10,000 brackets', `${'('.repeat(deep)}gdp${')'.repeat(deep)}`],
    ['10,000 unary minus signs', `${'-'.repeat(deep)}gdp`],
    ['10,000 unary plus signs', `${'+'.repeat(deep)}gdp`],
    ['10,000 nested calls', `${'abs('.repeat(deep)}gdp${')'.repeat(deep)}`],
    ['10,000 terms in a row', Array.from({ length: deep }, () => 'gdp').join(' + ')],
    ['10,000 factors in a row', Array.from({ length: deep }, () => 'gdp').join(' * ')],
  ])('refuses %s with FORMULA_TOO_DEEP, not a stack overflow', (_label, source) => {
    tooDeep(source);
  });

  it(`says where: the bracket at character ${MAX_FORMULA_DEPTH + 1} is one level too many`, () => {
    const parsed = parseFormula(`${'('.repeat(MAX_FORMULA_DEPTH + 1)}gdp${')'.repeat(MAX_FORMULA_DEPTH + 1)}`, vars);
    if (parsed.ok) throw new Error('parsed');
    expect(parsed.problems[0]?.identifier).toBe('(');
    expect(parsed.problems[0]?.detail).toContain(`character ${MAX_FORMULA_DEPTH + 1}`);
  });

  it(`accepts ${MAX_FORMULA_DEPTH} levels of brackets and a chain as long, and compiles and prints them`, () => {
    const brackets = parseFormula(`${'('.repeat(MAX_FORMULA_DEPTH)}gdp${')'.repeat(MAX_FORMULA_DEPTH)}`, vars);
    expect(brackets.ok).toBe(true);
    // n terms make a tree n levels high: n − 1 operators above a variable
    const chain = parseFormula(Array.from({ length: MAX_FORMULA_DEPTH }, () => 'gdp').join(' + '), vars);
    if (!chain.ok) throw new Error(JSON.stringify(chain.problems));
    expect(formulaText(chain.node).split('gdp')).toHaveLength(MAX_FORMULA_DEPTH + 1);
    expect(compileFormula(chain.node, { current: sql`c`, previousYear: sql`p` }).value).toContain('c."gdp"');
    expect(parseFormula(Array.from({ length: MAX_FORMULA_DEPTH + 1 }, () => 'gdp').join(' + '), vars).ok).toBe(false);
  });
});
