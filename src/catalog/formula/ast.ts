import type { FunctionName } from './functions.js';
/** A parsed formula: plain data, so it can be checked, compiled and explained. */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: FormulaNode }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly FormulaNode[] }
  | { readonly kind: 'prevYear'; readonly operand: FormulaNode };

/** Variables a formula reads, split by whether they are read this period or a year earlier. */
export interface FormulaInputs {
  readonly current: readonly string[];
  readonly previousYear: readonly string[];
}

export function formulaInputs(node: FormulaNode): FormulaInputs {
  const current = new Set<string>();
  const previousYear = new Set<string>();
  const walk = (n: FormulaNode, lagged: boolean): void => {
    switch (n.kind) {
      case 'number':
        return;
      case 'variable':
        (lagged ? previousYear : current).add(n.name);
        return;
      case 'negate':
        return walk(n.operand, lagged);
      case 'binary':
        walk(n.left, lagged);
        return walk(n.right, lagged);
      case 'call':
        return n.args.forEach((a) => walk(a, lagged));
      case 'prevYear':
        return walk(n.operand, true);
    }
  };
  walk(node, false);
  return { current: [...current], previousYear: [...previousYear] };
}

/** Writes the formula back as text, normalised (used in notes and explanations). */
export function formulaText(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'variable':
      return node.name;
    case 'negate':
      return `-${wrap(node.operand)}`;
    case 'binary':
      return `${wrap(node.left)} ${node.op} ${wrap(node.right)}`;
    case 'call':
      return `${node.fn}(${node.args.map(formulaText).join(', ')})`;
    case 'prevYear':
      return `prev_year(${formulaText(node.operand)})`;
  }
}

const wrap = (n: FormulaNode): string => (n.kind === 'binary' ? `(${formulaText(n)})` : formulaText(n));
