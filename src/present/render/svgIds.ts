/**
 * Numbers the ids of a series of SVGs Vega drew one at a time (each from 1,
 * see renderSvg) as Vega numbers them when it draws the same charts one
 * after another in one process: its clip-path and gradient counters are the
 * process's, so each chart's ids continue from the chart before. A report's
 * files are thus the bytes they were when every chart was drawn in order,
 * whichever of them came from the cache.
 *
 * @example
 * const next = svgIdsContinued();
 * const files = svgs.map(next); // clip1, clip2 in the first; clip3, … in the second
 */
export function svgIdsContinued(): (svg: string) => string {
  let clips = 0;
  let gradients = 0;
  return (svg) => {
    const clipIds = new Set<number>();
    const gradientIds = new Set<number>();
    const renumber = (id: string): string =>
      id
        .replace(/^clip(\d+)$/, (_, n: string) => (clipIds.add(Number(n)), `clip${Number(n) + clips}`))
        .replace(/^(p_)?gradient_(\d+)$/, (_, p: string | undefined, n: string) => (gradientIds.add(Number(n)), `${p ?? ''}gradient_${Number(n) + gradients}`));
    const out = svg
      .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${renumber(id)}"`)
      .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renumber(id)})`)
      .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${renumber(id)}"`);
    clips += clipIds.size;
    gradients += gradientIds.size;
    return out;
  };
}
