/**
 * Prefixes every id in a Vega SVG (clip paths, gradients) and the references
 * to them. Vega numbers ids from 1 in each chart, so two charts inlined in
 * one page would otherwise clip each other's marks.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}
