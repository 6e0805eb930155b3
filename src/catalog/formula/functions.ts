/**
 * The functions a formula may call: each with how many arguments it takes,
 * its DuckDB SQL and its words in a 通报. Anything else (subqueries,
 * strings, casts, window functions, …) is rejected when the catalog loads.
 * `prev_year` is not a function of values but of periods, handled by the
 * parser and compiler themselves.
 */
export interface FormulaFunction {
  readonly min: number;
  readonly max: number;
  /** The function's name in a formula spelt out in words. */
  readonly words: string;
  /**
   * The call over its compiled arguments. Null, never an error that fails
   * the whole run, outside the function's domain (DuckDB refuses ln(0));
   * null, never skipped, for a null argument (DuckDB's least skips NULLs).
   */
  readonly sql: (args: readonly string[]) => string;
  /** Whether an Infinity or NaN argument gives Infinity or NaN back, so need not be checked before the call. */
  readonly passesNonFinite: boolean;
}

/** A one-argument function defined where `holds(v)`; the argument is bound to a name so its SQL is not repeated. */
const guarded = (fn: string, holds: (v: string) => string) => (args: readonly string[]): string =>
  `list_transform([${args.join(', ')}], v -> CASE WHEN ${holds('v')} THEN ${fn}(v) END)[1]`;

/** A function of two or more arguments that is null as soon as one of them is. */
const strict = (fn: string) => (args: readonly string[]): string =>
  `list_reduce([${args.join(', ')}], (x, y) -> CASE WHEN x IS NULL OR y IS NULL THEN NULL ELSE ${fn}(x, y) END)`;

const plain = (fn: string) => (args: readonly string[]): string => `${fn}(${args.join(', ')})`;

export const formulaFunctions = {
  abs: { min: 1, max: 1, words: '绝对值', sql: plain('abs'), passesNonFinite: true },
  sqrt: { min: 1, max: 1, words: '平方根', sql: guarded('sqrt', (v) => `${v} >= 0`), passesNonFinite: false },
  ln: { min: 1, max: 1, words: '自然对数', sql: guarded('ln', (v) => `${v} > 0`), passesNonFinite: false },
  log10: { min: 1, max: 1, words: '常用对数', sql: guarded('log10', (v) => `${v} > 0`), passesNonFinite: false },
  exp: { min: 1, max: 1, words: '指数', sql: plain('exp'), passesNonFinite: false },
  power: { min: 2, max: 2, words: '乘方', sql: plain('power'), passesNonFinite: false },
  // round's digits are an INTEGER in DuckDB; a DOUBLE there is a binder error, a huge one a conversion error.
  round: {
    min: 1,
    max: 2,
    words: '四舍五入',
    sql: (args) => (args.length === 2 ? `round(${args[0] ?? ''}, TRY_CAST(${args[1] ?? ''} AS INTEGER))` : plain('round')(args)),
    passesNonFinite: false,
  },
  floor: { min: 1, max: 1, words: '向下取整', sql: plain('floor'), passesNonFinite: true },
  ceil: { min: 1, max: 1, words: '向上取整', sql: plain('ceil'), passesNonFinite: true },
  least: { min: 2, max: 16, words: '最小值', sql: strict('least'), passesNonFinite: false },
  greatest: { min: 2, max: 16, words: '最大值', sql: strict('greatest'), passesNonFinite: false },
} as const satisfies Record<string, FormulaFunction>;

export type FunctionName = keyof typeof formulaFunctions;

/** Whether `name` (lower case) is a function a formula may call. */
export const isFormulaFunction = (name: string): name is FunctionName => Object.hasOwn(formulaFunctions, name);

export const PREV_YEAR = 'prev_year';
/** `prev_year(x)` in words. */
export const PREV_YEAR_WORDS = '上年同期';
