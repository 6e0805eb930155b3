/**
 * A computed value as the results files hold it: a finite number, or null
 * (INDICATORS.md §5: never `Infinity` or `NaN` in any output).
 *
 * @example finiteOrNull(1 / 0) // null
 * @example finiteOrNull(0.25) // 0.25
 */
export const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);
