import { ident, literal, numberLiteral } from '../../store/sql.js';
import type { FormulaNode } from './ast.js';
import { formulaInputs, formulaText } from './ast.js';
import { finiteOrNull } from './finiteSql.js';

/** Table aliases the compiled SQL reads from: this period's inputs and the same quarter a year earlier. */
export interface FormulaAliases {
  readonly current: string;
  readonly previousYear: string;
}

export interface CompiledFormula {
  /** A DOUBLE expression; null where an input is null, a divisor is zero, or a step is not a finite number. Never Infinity or NaN. */
  readonly value: string;
  /** A VARCHAR[] expression listing the divisions by zero that made the value null. */
  readonly zeroDivisions: string;
  /** A VARCHAR[] expression saying, where the value is null for no other reason, that a step was not a finite number (INDICATORS.md §5). */
  readonly nonFinite: string;
}

/** Functions DuckDB refuses with an error (failing the whole run) outside their domain; there they give null instead. */
const domains: Readonly<Record<string, { readonly holds: (v: string) => string }>> = {
  ln: { holds: (v) => `${v} > 0` },
  log10: { holds: (v) => `${v} > 0` },
  sqrt: { holds: (v) => `${v} >= 0` },
};

/** Functions that give Infinity or NaN for an Infinity or NaN argument, so it need not be checked before them. */
const passesOnNonFinite = new Set(['abs', 'floor', 'ceil']);

/** DuckDB's least/greatest skip NULLs; a formula's missing or overflowed argument must make the result null instead. */
const nullPropagating = new Set(['least', 'greatest']);

const emptyList = 'CAST([] AS VARCHAR[])';
const reasonList = (reasons: readonly string[]): string =>
  reasons.length === 0 ? emptyList : `list_filter([${reasons.join(', ')}], x -> x IS NOT NULL)`;

/**
 * Compiles a parsed formula to DuckDB SQL. Each division guards its divisor
 * with NULLIF so a zero gives null rather than Infinity or NaN, and records
 * why, so the result can say "除数为零". A result that is not a finite number
 * (1.7e308 * 2, exp(1000), 1e308 / 1e-10) is null too, with a reason, so
 * Infinity never reaches a rank or a status.
 *
 * Infinity and NaN carry through + − ×, abs, floor and ceil, so those are
 * checked once, where they end: at the formula's result, and at every
 * operand that could turn them back into a finite number (either side of a
 * division, arguments of exp, power, ln, log10, sqrt, round, least, greatest:
 * 1 / exp(1000) is 0). Each check binds its operand to a lambda parameter,
 * so the operand appears once in DuckDB's plan however deep the nesting.
 */
export function compileFormula(node: FormulaNode, aliases: FormulaAliases): CompiledFormula {
  const zeroDivisions: string[] = [];

  /** `n`'s value, null unless finite. Numbers and variables always are. */
  const checked = (n: FormulaNode, alias: string, label: string): string => {
    const raw = compile(n, alias, label);
    return n.kind === 'number' || n.kind === 'variable' ? raw : finiteOrNull(raw);
  };

  /**
   * A divisor: null where it is zero (DuckDB 1.5 gives Infinity for x / 0), with the reason recorded,
   * or where it is not finite. NULLIF copies its operand in DuckDB's plan, so a computed divisor is
   * bound to a lambda's parameter first: nested divisions would otherwise double the plan each level.
   */
  const divisor = (n: FormulaNode, alias: string, label: string): string => {
    const raw = compile(n, alias, label);
    zeroDivisions.push(`CASE WHEN ${raw} = 0 THEN ${literal(`除数为零 division by zero: ${label}${formulaText(n)} = 0`)} END`);
    if (n.kind === 'number' || n.kind === 'variable') return `NULLIF(${raw}, 0)`;
    return `list_transform([${raw}], d -> CASE WHEN isfinite(d) THEN NULLIF(d, 0) END)[1]`;
  };

  const compileCall = (n: Extract<FormulaNode, { kind: 'call' }>, alias: string, label: string): string => {
    const args = n.args.map((a) => (passesOnNonFinite.has(n.fn) ? compile(a, alias, label) : checked(a, alias, label)));
    const domain = domains[n.fn];
    if (domain && args.length === 1) {
      const arg = args[0] as string;
      // A one-element list binds the argument to a name, so the guard does not repeat its SQL.
      return `list_transform([${arg}], v -> CASE WHEN ${domain.holds('v')} THEN ${n.fn}(v) END)[1]`;
    }
    if (nullPropagating.has(n.fn)) return `list_reduce([${args.join(', ')}], (x, y) -> CASE WHEN x IS NULL OR y IS NULL THEN NULL ELSE ${n.fn}(x, y) END)`;
    // round's digits are an INTEGER in DuckDB; a DOUBLE there is a binder error, a huge one a conversion error.
    if (n.fn === 'round' && args.length === 2) return `round(${args[0] as string}, TRY_CAST(${args[1] as string} AS INTEGER))`;
    return `${n.fn}(${args.join(', ')})`;
  };

  /** SQL that may be Infinity or NaN where an operand is; `checked` decides where that stops. */
  const compile = (n: FormulaNode, alias: string, label: string): string => {
    switch (n.kind) {
      case 'number':
        return numberLiteral(n.value);
      case 'variable':
        return `${alias}.${ident(n.name)}`;
      case 'negate':
        return `(-${compile(n.operand, alias, label)})`;
      case 'binary': {
        if (n.op !== '/') return `(${compile(n.left, alias, label)} ${n.op} ${compile(n.right, alias, label)})`;
        const left = checked(n.left, alias, label);
        return `(${left} / ${divisor(n.right, alias, label)})`;
      }
      case 'call':
        return compileCall(n, alias, label);
      case 'prevYear':
        return compile(n.operand, aliases.previousYear, '上年同期 previous year: ');
    }
  };
  const value = checked(node, aliases.current, '');
  const divisionsByZero = reasonList(zeroDivisions);
  // Why a null value is not finite is told once for the formula, not per step: a reason per step
  // would repeat each step's operands, and the SQL would grow with the square of the depth.
  // The value is null without a missing input or a zero divisor only where a step was not finite.
  const { current, previousYear } = formulaInputs(node);
  const present = [
    ...current.map((v) => `${aliases.current}.${ident(v)} IS NOT NULL`),
    ...previousYear.map((v) => `${aliases.previousYear}.${ident(v)} IS NOT NULL`),
  ];
  const reason = literal(`数值溢出 overflow: ${formulaText(node)} 的某一步不是有限数（溢出，或超出 ln、log10、sqrt 的定义域）a step is not a finite number (overflow, or outside the domain of ln, log10, sqrt)`);
  const nonFinite = `CASE WHEN ${value} IS NULL AND ${[...present, `len(${divisionsByZero}) = 0`].join(' AND ')} THEN [${reason}] ELSE ${emptyList} END`;
  return { value, zeroDivisions: divisionsByZero, nonFinite };
}
