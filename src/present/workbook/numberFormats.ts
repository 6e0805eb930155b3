import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { decimalsOf } from '../format/formatFigure.js';

/** `0`, `0.0`, `0.00`, … */
export const fixedFormat = (decimals: number): string => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

/** Shows the sign of a difference both ways: `+0.00;-0.00;0.00`. */
export const signedFormat = (decimals: number): string => {
  const digits = fixedFormat(decimals);
  return `+${digits};-${digits};${digits}`;
};

/** 完成率, 序时进度 and 年度进度 are stored as fractions and shown as percentages. */
export const shareFormat = '0.00%';

/** 超/落后序时, already in 个百分点. */
export const leadFormat = signedFormat(2);

/** An indicator's values (actual, targets) with its own decimals. */
export const valueFormat = (indicator: Pick<IndicatorDefinition, 'unit' | 'decimals'>): string => fixedFormat(decimalsOf(indicator));

/** A gap to target: the indicator's decimals, signed. */
export const gapFormat = (indicator: Pick<IndicatorDefinition, 'unit' | 'decimals'>): string => signedFormat(decimalsOf(indicator));

/**
 * Roughly the text Excel shows for a number under one of the formats above,
 * to size columns (Excel does not size them itself).
 *
 * @example
 * shownNumber(0.97745, '0.00%'); // '97.75%'
 */
export function shownNumber(value: number, numFmt: string | undefined): string {
  const section = (numFmt ?? 'General').split(';')[0] ?? '';
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? (numFmt ? 0 : 6);
  const percent = section.includes('%');
  const text = (percent ? value * 100 : value).toFixed(decimals);
  return `${section.startsWith('+') && value > 0 ? '+' : ''}${text}${percent ? '%' : ''}`;
}
