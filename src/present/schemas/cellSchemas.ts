import { z } from 'zod';

/**
 * The pieces the published row schemas share: codes, periods and numbers as
 * the contract writes them (CONTRACT.md). They state the canonical form; the
 * checks of `src/check/` accept more spellings on the way in (full-width
 * digits, 2023年二季度, a unit after a number, a Chinese header) and log
 * each rewrite, but a file written in these forms needs none.
 */

/** CONTRACT.md: letters, digits, `-` and `_`, kept as text (`321` never `321.0`). */
export const regionCodeSchema = z.string().regex(/^[A-Za-z0-9_-]+$/);

/** A quarter as results write it and as a quarterly variable is reported: `YYYYQn`. */
export const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/);

/** A number as CSV text: optional sign, digits, decimals, exponent (what JavaScript and Excel write). */
export const numberTextSchema = z.string().regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/);

/**
 * A reported value cell: a number (JSON, Parquet, a workbook cell), a number
 * as text (CSV), or empty for "not reported" — never zero.
 */
export const valueCellSchema = z.union([z.number(), numberTextSchema, z.literal(''), z.null()]);
