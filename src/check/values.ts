import type { Cell } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';

import { isYearInRange } from '../model/period.js';

export type { Period } from '../model/period.js';

/** A four-digit year within the contract's 1900–2100. */
export function parseYear(cell: Cell | undefined): number | undefined {
  const text = cellText(cell);
  return /^\d{4}$/.test(text) && isYearInRange(Number(text)) ? Number(text) : undefined;
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
