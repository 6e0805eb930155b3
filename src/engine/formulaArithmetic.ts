import type { FormulaNode } from '../catalog/formula/ast.js';

const precedence = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const symbols = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

/**
 * A formula written out with the numbers that went into it, for checking by
 * hand: `100 * rd_expenditure / gdp` → `100 × 41.3 ÷ 1920.57`. `valueOf` gives
 * a variable's value this period (`lagged` false) or a year earlier.
 */
export function formulaArithmetic(node: FormulaNode, valueOf: (variable: string, lagged: boolean) => number | null): string {
  const show = (n: FormulaNode, lagged: boolean): string => {
    switch (n.kind) {
      case 'number':
        return n.text;
      case 'variable': {
        const value = valueOf(n.name, lagged);
        return value === null ? `[${n.name}${lagged ? '（上年）' : ''} 缺 missing]` : String(value);
      }
      case 'negate':
        return `−${wrap(n.operand, lagged, 3)}`;
      case 'binary': {
        const p = precedence[n.op];
        // The right side of − and ÷ needs brackets at equal precedence too.
        return `${wrap(n.left, lagged, p)} ${symbols[n.op]} ${wrap(n.right, lagged, n.op === '-' || n.op === '/' ? p + 1 : p)}`;
      }
      case 'call':
        return `${n.fn}(${n.args.map((a) => show(a, lagged)).join(', ')})`;
      case 'prevYear':
        return `(${show(n.operand, true)})`;
    }
  };
  const wrap = (n: FormulaNode, lagged: boolean, atLeast: number): string =>
    n.kind === 'binary' && precedence[n.op] < atLeast ? `(${show(n, lagged)})` : show(n, lagged);
  return show(node, false);
}
