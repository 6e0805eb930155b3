import type { FormulaNode, FormulaInputs } from './formula/ast.js';
import type { IndicatorDefinition } from './indicator.js';
import type { Variable } from './variable.js';

/** An indicator whose formula has been checked against the catalog's variables. */
export interface Indicator extends IndicatorDefinition {
  readonly formulaAst: FormulaNode;
  readonly inputs: FormulaInputs;
}

/** The validated catalog: variables and indicators, in the order an analyst wrote them. */
export interface Catalog {
  readonly variables: readonly Variable[];
  readonly indicators: readonly Indicator[];
}
