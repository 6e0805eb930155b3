import type { FormulaNode } from './ast.js';
import { allowedFunctions, PREV_YEAR } from './functions.js';

/** Why a formula was refused; `identifier` names the offending token. */
export interface FormulaProblem {
  readonly code: 'FORMULA_SYNTAX' | 'FORMULA_UNKNOWN_IDENTIFIER' | 'FORMULA_DISALLOWED';
  readonly identifier: string;
  readonly detail: string;
}

export type ParseResult = { ok: true; node: FormulaNode } | { ok: false; problems: FormulaProblem[] };

type Token =
  | { kind: 'number'; text: string }
  | { kind: 'ident'; text: string }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '(' | ')' | ',' }
  | { kind: 'end'; text: '' };

class FormulaSyntaxError extends Error {
  constructor(
    readonly problem: FormulaProblem,
  ) {
    super(problem.detail);
  }
}

const fail = (code: FormulaProblem['code'], identifier: string, detail: string): never => {
  throw new FormulaSyntaxError({ code, identifier, detail });
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),])|(\S))/y;
  let match: RegExpExecArray | null;
  while (re.lastIndex < source.length && (match = re.exec(source)) !== null) {
    const [, num, ident, op, other] = match;
    if (num !== undefined) tokens.push({ kind: 'number', text: num });
    else if (ident !== undefined) tokens.push({ kind: 'ident', text: ident });
    else if (op !== undefined) tokens.push({ kind: 'op', text: op as '+' });
    else if (other !== undefined) fail('FORMULA_DISALLOWED', other, `character "${other}" is not allowed`);
    if (/^\s*$/.test(source.slice(re.lastIndex))) break;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/**
 * Parses a formula over variable codes: numbers, variables, + - * /, unary minus,
 * parentheses, `prev_year(expr)` and the allow-listed functions.
 *
 * @example parseFormula('100 * rd_expenditure / gdp', new Set(['rd_expenditure', 'gdp']))
 */
export function parseFormula(source: string, variables: ReadonlySet<string>): ParseResult {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, problems: [e.problem] };
    throw e;
  }
  let pos = 0;
  const unknown: FormulaProblem[] = [];
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const expectOp = (text: string): void => {
    const t = next();
    if (t.kind !== 'op' || t.text !== text) fail('FORMULA_SYNTAX', t.text, `expected "${text}" but found "${t.text || 'end of formula'}"`);
  };

  const expression = (): FormulaNode => {
    let left = term();
    for (let t = peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = peek()) {
      next();
      left = { kind: 'binary', op: t.text, left, right: term() };
    }
    return left;
  };
  const term = (): FormulaNode => {
    let left = unary();
    for (let t = peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = peek()) {
      next();
      left = { kind: 'binary', op: t.text, left, right: unary() };
    }
    return left;
  };
  const unary = (): FormulaNode => {
    const t = peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      next();
      const operand = unary();
      return t.text === '-' ? { kind: 'negate', operand } : operand;
    }
    return primary();
  };
  const call = (name: string): FormulaNode => {
    expectOp('(');
    const args: FormulaNode[] = [];
    if (!(peek().kind === 'op' && peek().text === ')')) {
      args.push(expression());
      while (peek().kind === 'op' && peek().text === ',') {
        next();
        args.push(expression());
      }
    }
    expectOp(')');
    const fn = name.toLowerCase();
    if (fn === PREV_YEAR) {
      if (args.length !== 1) fail('FORMULA_SYNTAX', name, 'prev_year takes exactly one argument');
      return { kind: 'prevYear', operand: args[0] as FormulaNode };
    }
    const arity = allowedFunctions[fn];
    if (!arity) return fail('FORMULA_DISALLOWED', name, `function "${name}" is not allowed`);
    if (args.length < arity.min || args.length > arity.max) fail('FORMULA_SYNTAX', name, `${name} takes ${arity.min}–${arity.max} arguments, got ${args.length}`);
    return { kind: 'call', fn, args };
  };
  const primary = (): FormulaNode => {
    const t = next();
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text), text: t.text };
    if (t.kind === 'ident') {
      if (peek().kind === 'op' && peek().text === '(') return call(t.text);
      if (!variables.has(t.text)) {
        unknown.push({ code: 'FORMULA_UNKNOWN_IDENTIFIER', identifier: t.text, detail: `"${t.text}" is not a variable of the catalog` });
      }
      return { kind: 'variable', name: t.text };
    }
    if (t.kind === 'op' && t.text === '(') {
      const inner = expression();
      expectOp(')');
      return inner;
    }
    return fail('FORMULA_SYNTAX', t.text, `unexpected "${t.text || 'end of formula'}"`);
  };

  try {
    const node = expression();
    const rest = peek();
    if (rest.kind !== 'end') fail('FORMULA_SYNTAX', rest.text, `unexpected "${rest.text}" after the formula`);
    if (unknown.length > 0) return { ok: false, problems: unknown };
    return { ok: true, node };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, problems: [...unknown, e.problem] };
    throw e;
  }
}
