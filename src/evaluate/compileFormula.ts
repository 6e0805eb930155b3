import type { Sql } from '../model/sql.js';
import { ident, joinSql, literal, numberLiteral, sql } from '../model/sql.js';
import type { FormulaNode } from '../catalog/formula/ast.js';
import { formulaInputs, formulaText } from '../catalog/formula/ast.js';
import { formulaFunctions } from '../catalog/formula/functions.js';
import { finiteOrNull } from './finiteSql.js';
import { findingListSql, findingSql, noFindingsSql } from './findingSql.js';

/** SQL's operator for each of the formula's (division is compiled on its own). */
const operators: Record<'+' | '-' | '*', Sql> = { '+': sql`+`, '-': sql`-`, '*': sql`*` };

/** Table aliases the compiled SQL reads from: this period's inputs and the same quarter a year earlier. */
export interface FormulaAliases {
  readonly current: Sql;
  readonly previousYear: Sql;
}

export interface CompiledFormula {
  /** A DOUBLE expression; null where an input is null, a divisor is zero, or a step is not a finite number. Never Infinity or NaN. */
  readonly value: Sql;
  /** A JSON[] expression: a ZERO_DIVISION finding for each division by zero that made the value null. */
  readonly zeroDivisions: Sql;
  /** A JSON[] expression: a NOT_FINITE finding where the value is null for no other reason than a step that was not a finite number (INDICATORS.md §5). */
  readonly nonFinite: Sql;
}

/**
 * Compiles a parsed formula to DuckDB SQL. Each division guards its divisor
 * with NULLIF so a zero gives null rather than Infinity or NaN, and records
 * why, so the result can carry a ZERO_DIVISION finding. A result that is not a finite number
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
  const zeroDivisions: Sql[] = [];

  /** `n`'s value, null unless finite. Numbers and variables always are. */
  const checked = (n: FormulaNode, alias: Sql, previousYear: boolean): Sql => {
    const raw = compile(n, alias, previousYear);
    return n.kind === 'number' || n.kind === 'variable' ? raw : finiteOrNull(raw);
  };

  /**
   * A divisor: null where it is zero (DuckDB 1.5 gives Infinity for x / 0), with the reason recorded,
   * or where it is not finite. NULLIF copies its operand in DuckDB's plan, so a computed divisor is
   * bound to a lambda's parameter first: nested divisions would otherwise double the plan each level.
   */
  const divisor = (n: FormulaNode, alias: Sql, previousYear: boolean): Sql => {
    const raw = compile(n, alias, previousYear);
    const finding = findingSql('ZERO_DIVISION', { divisor: literal(formulaText(n)), previousYear: previousYear ? sql`true` : sql`false` });
    zeroDivisions.push(sql`CASE WHEN ${raw} = 0 THEN ${finding} END`);
    if (n.kind === 'number' || n.kind === 'variable') return sql`NULLIF(${raw}, 0)`;
    return sql`list_transform([${raw}], d -> CASE WHEN isfinite(d) THEN NULLIF(d, 0) END)[1]`;
  };

  const compileCall = (n: Extract<FormulaNode, { kind: 'call' }>, alias: Sql, previousYear: boolean): Sql => {
    const fn = formulaFunctions[n.fn];
    return fn.sql(n.args.map((a) => (fn.passesNonFinite ? compile(a, alias, previousYear) : checked(a, alias, previousYear))));
  };

  /** SQL that may be Infinity or NaN where an operand is; `checked` decides where that stops. */
  const compile = (n: FormulaNode, alias: Sql, previousYear: boolean): Sql => {
    switch (n.kind) {
      case 'number':
        return numberLiteral(n.value);
      case 'variable':
        return sql`${alias}.${ident(n.name)}`;
      case 'negate':
        return sql`(-${compile(n.operand, alias, previousYear)})`;
      case 'binary': {
        if (n.op !== '/') return sql`(${compile(n.left, alias, previousYear)} ${operators[n.op]} ${compile(n.right, alias, previousYear)})`;
        const left = checked(n.left, alias, previousYear);
        return sql`(${left} / ${divisor(n.right, alias, previousYear)})`;
      }
      case 'call':
        return compileCall(n, alias, previousYear);
      case 'prevYear':
        return compile(n.operand, aliases.previousYear, true);
    }
  };
  const value = checked(node, aliases.current, false);
  const divisionsByZero = findingListSql(zeroDivisions);
  // Why a null value is not finite is told once for the formula, not per step: a reason per step
  // would repeat each step's operands, and the SQL would grow with the square of the depth.
  // The value is null without a missing input or a zero divisor only where a step was not finite.
  const { current, previousYear } = formulaInputs(node);
  const present = [
    ...current.map((v) => sql`${aliases.current}.${ident(v)} IS NOT NULL`),
    ...previousYear.map((v) => sql`${aliases.previousYear}.${ident(v)} IS NOT NULL`),
  ];
  const reason = findingSql('NOT_FINITE', { formula: literal(formulaText(node)) });
  const nonFinite = sql`CASE WHEN ${value} IS NULL AND ${joinSql([...present, sql`len(${divisionsByZero}) = 0`], ' AND ')} THEN [${reason}] ELSE ${noFindingsSql} END`;
  return { value, zeroDivisions: divisionsByZero, nonFinite };
}
