import { ident, literal, numberLiteral } from '../../store/sql.js';
import type { FormulaNode } from './ast.js';
import { formulaText } from './ast.js';

/** Table aliases the compiled SQL reads from: this period's inputs and the same quarter a year earlier. */
export interface FormulaAliases {
  readonly current: string;
  readonly previousYear: string;
}

export interface CompiledFormula {
  /** A DOUBLE expression; null where an input is null or a divisor is zero. */
  readonly value: string;
  /** A VARCHAR[] expression listing the divisions by zero that made the value null. */
  readonly zeroDivisions: string;
}

/**
 * Compiles a parsed formula to DuckDB SQL. Each division guards its divisor
 * with NULLIF so a zero gives null rather than Infinity or NaN, and records
 * why, so the result can say "除数为零".
 */
export function compileFormula(node: FormulaNode, aliases: FormulaAliases): CompiledFormula {
  const reasons: string[] = [];
  const compile = (n: FormulaNode, alias: string, label: string): string => {
    switch (n.kind) {
      case 'number':
        return numberLiteral(n.value);
      case 'variable':
        return `${alias}.${ident(n.name)}`;
      case 'negate':
        return `(-${compile(n.operand, alias, label)})`;
      case 'binary': {
        const left = compile(n.left, alias, label);
        const right = compile(n.right, alias, label);
        if (n.op !== '/') return `(${left} ${n.op} ${right})`;
        reasons.push(`CASE WHEN ${right} = 0 THEN ${literal(`除数为零 division by zero: ${label}${formulaText(n.right)} = 0`)} END`);
        return `(${left} / NULLIF(${right}, 0))`;
      }
      case 'call':
        return `${n.fn}(${n.args.map((a) => compile(a, alias, label)).join(', ')})`;
      case 'prevYear':
        return compile(n.operand, aliases.previousYear, '上年同期 previous year: ');
    }
  };
  const value = compile(node, aliases.current, '');
  const zeroDivisions = reasons.length === 0 ? 'CAST([] AS VARCHAR[])' : `list_filter([${reasons.join(', ')}], x -> x IS NOT NULL)`;
  return { value, zeroDivisions };
}
