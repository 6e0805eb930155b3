/**
 * The functions a formula may call, with how many arguments each takes.
 * Anything else (subqueries, strings, casts, window functions, …) is rejected
 * when the catalog loads. `prev_year` is handled by the compiler itself.
 */
export const allowedFunctions: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  abs: { min: 1, max: 1 },
  sqrt: { min: 1, max: 1 },
  ln: { min: 1, max: 1 },
  log10: { min: 1, max: 1 },
  exp: { min: 1, max: 1 },
  power: { min: 2, max: 2 },
  round: { min: 1, max: 2 },
  floor: { min: 1, max: 1 },
  ceil: { min: 1, max: 1 },
  least: { min: 2, max: 16 },
  greatest: { min: 2, max: 16 },
};

export const PREV_YEAR = 'prev_year';
