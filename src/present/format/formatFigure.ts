import type { IndicatorDefinition } from '../../catalog/indicator.js';

/**
 * Numbers as analysts write them in a 通报: the indicator's own decimals and
 * unit (亿元 with 2 decimals, counts as integers), shares as percentages with
 * 2 decimals, and gaps of rates in 个百分点. Results files are never rounded;
 * only what people read is.
 */
type Figure = Pick<IndicatorDefinition, 'unit' | 'decimals'>;

/** Units whose values are already percentages (or per mille): their differences are 个百分点. */
export const isRateUnit = (unit: string): boolean => unit === '%' || unit === '‰';

/** Decimals shown for an indicator: its own `decimals`, else 2. */
export const decimalsOf = (indicator: Figure): number => indicator.decimals ?? 2;

/** Fixed decimals with a plain minus and no "-0". */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** An indicator value with its unit: `2.15%`, `57家`, `4398.07亿元`; `—` when missing. */
export function formatValue(value: number | null, indicator: Figure): string {
  return value === null ? '—' : `${fixed(value, decimalsOf(indicator))}${indicator.unit}`;
}

/** A value without its unit, for table cells under a header that names the unit. */
export function formatPlain(value: number | null, indicator: Figure): string {
  return value === null ? '—' : fixed(value, decimalsOf(indicator));
}

/** A share (完成率, 序时进度) as a percentage with 2 decimals: 0.9775 → `97.75%`. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${fixed(share * 100, 2)}%`;
}

/** A signed number: `+3`, `-0.05`. */
export function signed(value: number, decimals: number): string {
  const text = fixed(value, decimals);
  return value > 0 && Number(text) !== 0 ? `+${text}` : text;
}

/** The gap to the target to date in the indicator's unit; for rates in 个百分点: `-0.05个百分点`, `-3家`. */
export function formatGap(gap: number | null, indicator: Figure): string {
  if (gap === null) return '—';
  return `${signed(gap, decimalsOf(indicator))}${isRateUnit(indicator.unit) ? '个百分点' : indicator.unit}`;
}

/** Annual progress ahead of (+) or behind (−) 序时进度, in 个百分点 with 2 decimals. */
export function progressLead(annualProgress: number | null, expectedProgress: number | null): number | null {
  return annualProgress === null || expectedProgress === null ? null : (annualProgress - expectedProgress) * 100;
}

/** `+2.50` / `-2.50` 个百分点 ahead of or behind 序时进度. */
export const formatLead = (lead: number | null): string => (lead === null ? '—' : signed(lead, 2));
