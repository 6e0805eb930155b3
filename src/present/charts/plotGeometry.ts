/**
 * Where Vega will put things, worked out beforehand so labels can be placed
 * clear of lines and markers (labelPlacement.ts). Every chart that uses it
 * states the same scale settings in its spec (explicit domain, paddings,
 * `nice: false`), so what is computed here is what Vega draws.
 */

/** Padding of the band scale of bar charts over quarters. */
export const bandPadding = { paddingInner: 0.2, paddingOuter: 0.1 } as const;
/** Padding of the point scale of line charts over quarters. */
export const pointPadding = 0.5;

/** The pixel centre of each band of a band scale over `count` bands in `[0, width]` (Vega's layout, align 0.5). */
export function bandCenters(count: number, width: number, padding: { paddingInner: number; paddingOuter: number } = bandPadding): { centers: number[]; bandwidth: number } {
  const step = width / Math.max(1, count - padding.paddingInner + 2 * padding.paddingOuter);
  const start = (width - step * (count - padding.paddingInner)) / 2;
  const bandwidth = step * (1 - padding.paddingInner);
  return { centers: Array.from({ length: count }, (_, i) => start + step * i + bandwidth / 2), bandwidth };
}

/** The pixel position of each point of a point scale over `count` points in `[0, width]`. */
export function pointPositions(count: number, width: number, padding = pointPadding): number[] {
  const step = width / Math.max(1, count - 1 + 2 * padding);
  const start = (width - step * (count - 1)) / 2;
  return Array.from({ length: count }, (_, i) => start + step * i);
}

/** A round step for about `count` ticks over `span`: 1, 2 or 5 times a power of ten. */
function tickStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return multiple * power;
}

/**
 * A y domain on round numbers holding every value with `headroom` (a share
 * of the span) above the highest and `footroom` below the lowest, room for
 * the labels drawn beside them. From 0 when `zero` (no footroom under a 0
 * baseline); otherwise it hugs the values, as a trend line should.
 */
export function niceDomain(values: readonly number[], options: { zero: boolean; headroom: number; footroom?: number }): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (options.zero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    [lo, hi] = options.zero && lo === 0 ? [0, pad] : [lo - pad, hi + pad];
  }
  const span = hi - lo;
  const bottom = options.zero && lo === 0 ? 0 : lo - span * (options.footroom ?? 0.05);
  const top = hi + span * options.headroom;
  const step = tickStep(top - bottom, 5);
  // toPrecision: 3 × 0.1 is 0.30000000000000004, which would show in the spec.
  const round = (n: number) => Number(n.toPrecision(12));
  return [round(Math.floor(bottom / step) * step), round(Math.ceil(top / step) * step)];
}

/** A linear scale from a domain to pixels, y pointing down as in SVG. */
export const yScale = (domain: readonly [number, number], height: number) => (value: number): number =>
  height - ((value - domain[0]) / (domain[1] - domain[0] || 1)) * height;

/** About how wide a y axis of `domain` is drawn: its longest end label at 11 px, the tick and the gap. */
export const yAxisWidth = (domain: readonly [number, number], measure: (text: string, fontSize: number) => number): number =>
  Math.max(...domain.map((v) => measure(String(v), 11))) + 8;
