import type { ProblemCode } from '../diagnostics/problems.js';
import type { Cell } from '../read/rawTable.js';
import { toHalfWidth } from './halfWidth.js';
import type { NormalizationRule } from './normalization.js';

/** What a number cell must satisfy: the unit a suffix may repeat, and a variable's flags. */
export interface QuantityRules {
  /** The variable's (or indicator's) unit; a value may repeat it as a suffix (`12家`). */
  readonly unit?: string | undefined;
  /** Whole numbers only (counts). */
  readonly integer?: boolean | undefined;
  /** The smallest value allowed (0 for counts). */
  readonly min?: number | undefined;
}

export type QuantityReading =
  | { readonly ok: true; readonly value: number; readonly applied: readonly NormalizationRule[] }
  | { readonly ok: false; readonly code: ProblemCode; readonly expected?: string };

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** A number (digits, dots, commas, an exponent) and whatever follows it. */
const NUMBER_THEN_SUFFIX = /^([+-]?[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?)\s*(.*)$/u;
/** Commas between groups of exactly three digits: 1,234 and 12,345,678.9, never 1,23 or 1234,5. */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A suffix that reads as a unit: letters or Chinese characters, possibly with a slash (件/万人). */
const UNIT_LIKE = /^[\p{L}/·]+$/u;

const inUnit = (unit: string | undefined): string =>
  unit === undefined
    ? '数字，不带单位 / a number without a unit'
    : `以「${unit}」为单位的数字，如 12 或 12${unit} / a number in ${unit}, such as 12 or 12${unit}`;

const withoutPercent = (unit: string | undefined): string =>
  unit === undefined ? '去掉 %，只填数字 / drop the %: the number only' : `去掉 %，填以「${unit}」为单位的数字 / drop the %: the number in ${unit}`;

/**
 * Reads a value cell. What has one meaning is accepted and says how it was
 * rewritten: surrounding spaces, full-width digits and signs, commas between
 * groups of three digits, and a suffix equal to the unit (`3.5亿元` for a
 * 亿元 variable). What is ambiguous is refused with the problem's code: a
 * percent sign (12 or 0.12?), another unit, misplaced commas, or no number.
 * Then the variable's flags: `min` and `integer`.
 *
 * @example readQuantity('１,２３４家', { unit: '家', integer: true }) // { ok: true, value: 1234, applied: ['full_width', 'thousands_separator', 'unit_suffix'] }
 */
export function readQuantity(cell: Cell | undefined, rules: QuantityRules = {}): QuantityReading {
  if (typeof cell === 'number') return Number.isFinite(cell) ? withFlags(cell, [], rules) : { ok: false, code: 'NOT_A_NUMBER' };
  if (typeof cell !== 'string') return { ok: false, code: 'NOT_A_NUMBER' };
  const applied: NormalizationRule[] = [];
  let text = cell.trim();
  if (text !== cell) applied.push('whitespace');
  const half = toHalfWidth(text).trim();
  if (half !== text) applied.push('full_width');
  text = half;

  const match = NUMBER_THEN_SUFFIX.exec(text);
  if (!match) return { ok: false, code: 'NOT_A_NUMBER' };
  let digits = match[1] ?? '';
  const suffix = (match[2] ?? '').trim();
  const unitGiven = suffix !== '' && suffix === rules.unit;
  if (suffix !== '' && !unitGiven) {
    if (suffix === '%' || suffix === '‰') return { ok: false, code: 'PERCENT_VALUE', expected: withoutPercent(rules.unit) };
    if (UNIT_LIKE.test(suffix)) return { ok: false, code: 'WRONG_UNIT', expected: inUnit(rules.unit) };
    return { ok: false, code: 'NOT_A_NUMBER' };
  }
  if (digits.includes(',')) {
    if (!GROUPED.test(digits)) return { ok: false, code: 'BAD_THOUSANDS_SEPARATOR' };
    digits = digits.replaceAll(',', '');
    applied.push('thousands_separator');
  }
  if (unitGiven) applied.push('unit_suffix');
  if (!PLAIN_NUMBER.test(digits)) return { ok: false, code: 'NOT_A_NUMBER' };
  const value = Number(digits);
  return Number.isFinite(value) ? withFlags(value, applied, rules) : { ok: false, code: 'NOT_A_NUMBER' };
}

function withFlags(value: number, applied: readonly NormalizationRule[], rules: QuantityRules): QuantityReading {
  if (rules.min !== undefined && value < rules.min) {
    return { ok: false, code: 'VALUE_BELOW_MIN', expected: `不小于 ${rules.min} 的数 / a number of at least ${rules.min}` };
  }
  if (rules.integer === true && !Number.isInteger(value)) return { ok: false, code: 'NOT_AN_INTEGER' };
  return { ok: true, value, applied };
}
