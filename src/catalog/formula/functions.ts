import type { Sql } from '../../model/sql.js';
import { joinSql, sql } from '../../model/sql.js';
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
  readonly sql: (args: readonly Sql[]) => Sql;
  /** Whether an Infinity or NaN argument gives Infinity or NaN back, so need not be checked before the call. */
  readonly passesNonFinite: boolean;
}

/** A one-argument function defined where `holds(v)`; the argument is bound to a name so its SQL is not repeated. */
const guarded = (fn: Sql, holds: (v: Sql) => Sql) => (args: readonly Sql[]): Sql =>
  sql`list_transform([${joinSql(args)}], v -> CASE WHEN ${holds(sql`v`)} THEN ${fn}(v) END)[1]`;

/** A function of two or more arguments that is null as soon as one of them is. */
const strict = (fn: Sql) => (args: readonly Sql[]): Sql =>
  sql`list_reduce([${joinSql(args)}], (x, y) -> CASE WHEN x IS NULL OR y IS NULL THEN NULL ELSE ${fn}(x, y) END)`;

const plain = (fn: Sql) => (args: readonly Sql[]): Sql => sql`${fn}(${joinSql(args)})`;

export const formulaFunctions = {
  abs: { min: 1, max: 1, words: '绝对值', sql: plain(sql`abs`), passesNonFinite: true },
  sqrt: { min: 1, max: 1, words: '平方根', sql: guarded(sql`sqrt`, (v) => sql`${v} >= 0`), passesNonFinite: false },
  ln: { min: 1, max: 1, words: '自然对数', sql: guarded(sql`ln`, (v) => sql`${v} > 0`), passesNonFinite: false },
  log10: { min: 1, max: 1, words: '常用对数', sql: guarded(sql`log10`, (v) => sql`${v} > 0`), passesNonFinite: false },
  exp: { min: 1, max: 1, words: '指数', sql: plain(sql`exp`), passesNonFinite: false },
  power: { min: 2, max: 2, words: '乘方', sql: plain(sql`power`), passesNonFinite: false },
  // round's digits are an INTEGER in DuckDB; a DOUBLE there is a binder error, a huge one a conversion error.
  round: {
    min: 1,
    max: 2,
    words: '四舍五入',
    sql: ([value, digits]) => (digits === undefined ? plain(sql`round`)([value ?? sql``]) : sql`round(${value ?? sql``}, TRY_CAST(${digits} AS INTEGER))`),
    passesNonFinite: false,
  },
  floor: { min: 1, max: 1, words: '向下取整', sql: plain(sql`floor`), passesNonFinite: true },
  ceil: { min: 1, max: 1, words: '向上取整', sql: plain(sql`ceil`), passesNonFinite: true },
  least: { min: 2, max: 16, words: '最小值', sql: strict(sql`least`), passesNonFinite: false },
  greatest: { min: 2, max: 16, words: '最大值', sql: strict(sql`greatest`), passesNonFinite: false },
} as const satisfies Record<string, FormulaFunction>;

export type FunctionName = keyof typeof formulaFunctions;

/** Whether `name` (lower case) is a function a formula may call. */
export const isFormulaFunction = (name: string): name is FunctionName => Object.hasOwn(formulaFunctions, name);

export const PREV_YEAR = 'prev_year';
/** `prev_year(x)` in words. */
export const PREV_YEAR_WORDS = '上年同期';
