import type { Cell } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';

/** A quarter of a year: `2023Q2` → { year: 2023, quarter: 2 }. */
export interface Period {
  readonly period: string;
  readonly year: number;
  readonly quarter: number;
}

export const makePeriod = (year: number, quarter: number): Period => ({ period: `${year}Q${quarter}`, year, quarter });

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
