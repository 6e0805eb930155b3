import type { Cell } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';

/** A quarter of a year: `2023Q2` → { year: 2023, quarter: 2 }. */
export interface Period {
  readonly period: string;
  readonly year: number;
  readonly quarter: number;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number cell: a finite number, or text that is a plain decimal number. Undefined otherwise. */
export function parseNumber(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cellText(cell);
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export const makePeriod = (year: number, quarter: number): Period => ({ period: `${year}Q${quarter}`, year, quarter });

/** `YYYYQn`, or `YYYY` read as that year's Q4 (annual figures are year-end figures). */
export function parsePeriod(cell: Cell | undefined): Period | undefined {
  const text = cellText(cell).toUpperCase();
  const quarterly = /^(\d{4})Q([1-4])$/.exec(text);
  if (quarterly) return makePeriod(Number(quarterly[1]), Number(quarterly[2]));
  const annual = /^(\d{4})$/.exec(text);
  if (annual) return makePeriod(Number(annual[1]), 4);
  return undefined;
}

/** A four-digit year. */
export function parseYear(cell: Cell | undefined): number | undefined {
  const text = cellText(cell);
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '计入']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不计入']);

/** Yes/no in English, Chinese or 1/0; an empty cell gives `fallback`. */
export function parseBoolean(cell: Cell | undefined, fallback: boolean): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell).toLowerCase();
  if (text === '') return fallback;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}
