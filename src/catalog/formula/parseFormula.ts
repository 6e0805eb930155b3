import type { FormulaNode } from './ast.js';
import { formulaFunctions, isFormulaFunction, PREV_YEAR } from './functions.js';

/** Why a formula was refused; `identifier` names the offending token. */
export interface FormulaProblem {
  readonly code: 'FORMULA_SYNTAX' | 'FORMULA_UNKNOWN_IDENTIFIER' | 'FORMULA_DISALLOWED' | 'FORMULA_TOO_DEEP';
  readonly identifier: string;
  readonly detail: string;
}

export type ParseResult = { ok: true; node: FormulaNode } | { ok: false; problems: FormulaProblem[] };

/**
 * How deep a formula may nest: brackets, function calls and signs inside one
 * another, and operators chained one after another (a + b + c is two levels,
 * as the tree is built). Every reader of the tree (compiler, printers, the
 * explanation's arithmetic) walks it recursively, so a formula ten thousand
 * levels deep would overflow the stack; no real indicator comes near 100.
 */
export const MAX_FORMULA_DEPTH = 100;

/** `at`: the token's 0-based character offset in the formula. */
type Token =
  | { kind: 'number'; text: string; at: number }
  | { kind: 'ident'; text: string; at: number }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '(' | ')' | ','; at: number }
  | { kind: 'end'; text: ''; at: number };

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
  const re = /(\s*)(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),])|(\S))/y;
  // Sticky, so the check for trailing blanks starts where the last token ended instead of copying the rest.
  const blankToEnd = /\s*$/y;
  let match: RegExpExecArray | null;
  while (re.lastIndex < source.length && (match = re.exec(source)) !== null) {
    const [, space = '', num, ident, op, other] = match;
    const at = match.index + space.length;
    if (num !== undefined) tokens.push({ kind: 'number', text: num, at });
    else if (ident !== undefined) tokens.push({ kind: 'ident', text: ident, at });
    else if (op !== undefined) tokens.push({ kind: 'op', text: op as '+', at });
    else if (other !== undefined) fail('FORMULA_DISALLOWED', other, `character "${other}" is not allowed`);
    blankToEnd.lastIndex = re.lastIndex;
    if (blankToEnd.test(source)) break;
  }
  tokens.push({ kind: 'end', text: '', at: source.length });
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

  // Two bounds, both MAX_FORMULA_DEPTH: how deep the parser has descended (brackets, calls, signs),
  // checked before descending further so the parser's own stack stays small, and the height of
  // each node built (which chains add to), so no later walk of the tree recurses deeper.
  let descent = 0;
  const heights = new WeakMap<FormulaNode, number>();
  const tooDeep = (t: Token): never =>
    fail('FORMULA_TOO_DEEP', t.text || 'end of formula', `nested more than ${MAX_FORMULA_DEPTH} levels deep at character ${t.at + 1}`);
  const nested = <T>(t: Token, inner: () => T): T => {
    if (++descent > MAX_FORMULA_DEPTH) tooDeep(t);
    const result = inner();
    descent--;
    return result;
  };
  const built = (t: Token, node: FormulaNode, ...children: FormulaNode[]): FormulaNode => {
    const height = 1 + Math.max(0, ...children.map((c) => heights.get(c) ?? 1));
    if (height > MAX_FORMULA_DEPTH) tooDeep(t);
    heights.set(node, height);
    return node;
  };

  const expression = (): FormulaNode => {
    let left = term();
    for (let t = peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = peek()) {
      next();
      const right = term();
      left = built(t, { kind: 'binary', op: t.text, left, right }, left, right);
    }
    return left;
  };
  const term = (): FormulaNode => {
    let left = unary();
    for (let t = peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = peek()) {
      next();
      const right = unary();
      left = built(t, { kind: 'binary', op: t.text, left, right }, left, right);
    }
    return left;
  };
  const unary = (): FormulaNode => {
    const t = peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      next();
      const operand = nested(t, unary);
      return t.text === '-' ? built(t, { kind: 'negate', operand }, operand) : operand;
    }
    return primary();
  };
  const call = (name: Token): FormulaNode => {
    expectOp('(');
    const args: FormulaNode[] = [];
    if (!(peek().kind === 'op' && peek().text === ')')) {
      args.push(nested(name, expression));
      while (peek().kind === 'op' && peek().text === ',') {
        next();
        args.push(nested(name, expression));
      }
    }
    expectOp(')');
    return built(name, callNode(name.text, args), ...args);
  };
  const callNode = (name: string, args: FormulaNode[]): FormulaNode => {
    const fn = name.toLowerCase();
    if (fn === PREV_YEAR) {
      if (args.length !== 1) fail('FORMULA_SYNTAX', name, 'prev_year takes exactly one argument');
      return { kind: 'prevYear', operand: args[0] as FormulaNode };
    }
    if (!isFormulaFunction(fn)) return fail('FORMULA_DISALLOWED', name, `function "${name}" is not allowed`);
    const arity = formulaFunctions[fn];
    if (args.length < arity.min || args.length > arity.max) fail('FORMULA_SYNTAX', name, `${name} takes ${arity.min}–${arity.max} arguments, got ${args.length}`);
    return { kind: 'call', fn, args };
  };
  const primary = (): FormulaNode => {
    const t = next();
    if (t.kind === 'number') {
      const value = Number(t.text);
      // 1e999 reads as Infinity: no finite number can stand for it.
      if (!Number.isFinite(value)) fail('FORMULA_SYNTAX', t.text, `the number ${t.text} is too large`);
      return { kind: 'number', value, text: t.text };
    }
    if (t.kind === 'ident') {
      if (peek().kind === 'op' && peek().text === '(') return call(t);
      if (!variables.has(t.text)) {
        unknown.push({ code: 'FORMULA_UNKNOWN_IDENTIFIER', identifier: t.text, detail: `"${t.text}" is not a variable of the catalog` });
      }
      return { kind: 'variable', name: t.text };
    }
    if (t.kind === 'op' && t.text === '(') {
      const inner = nested(t, expression);
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
