import type { TopLevelSpec } from 'vega-lite';
import type { ChartFonts } from './chartFonts.js';
import type { RenderCache } from './renderCache.js';
import { cacheKey, codeFingerprint } from './renderCache.js';
import type { RenderedSvg } from './renderSvg.js';

let svgCode: string | undefined;
let pngCode: string | undefined;

/** What an SVG depends on besides its spec and the fonts: vega, vega-lite (and what they pull in) and the engine's drawing code. */
const svgFingerprint = (): string => (svgCode ??= codeFingerprint(['vega', 'vega-lite'], ['renderSvg', 'textMetrics', 'chartFonts', 'drawCharts']));

/** What a PNG depends on besides its SVG and the font subset: resvg and the engine's rasterizing code. */
export const pngFingerprint = (): string => (pngCode ??= codeFingerprint(['@resvg/resvg-js'], ['renderPng', 'encodePng']));

/**
 * Draws each spec as SVG, in order, taking from `cache` what was drawn
 * before from the same spec with the same fonts and code. Vega (about a
 * quarter of a second to load) is loaded only when some chart is not cached.
 * Returns the i-th chart's drawing, as soon as it is ready.
 */
export function drawSvgs(
  specs: readonly TopLevelSpec[],
  fonts: ChartFonts,
  engineVersion: string,
  cache: RenderCache | undefined,
): (index: number) => Promise<RenderedSvg> {
  const keys = cache ? specs.map((spec) => cacheKey(svgFingerprint(), engineVersion, fonts.sha256, JSON.stringify(spec))) : [];
  const cached = specs.map((_, i) => {
    const key = keys[i];
    return key === undefined ? Promise.resolve(undefined) : cache?.get('svg', key).then(parseEntry);
  });
  let renderer: Promise<(spec: TopLevelSpec) => Promise<RenderedSvg>> | undefined;
  // Drawn one after another: Vega's views share the process's text metrics and are CPU-bound anyway.
  let queue: Promise<unknown> = Promise.resolve();
  const drawings = specs.map(async (spec, i) => {
    const hit = await cached[i];
    if (hit) return hit;
    const draw = queue.then(async () => {
      renderer ??= import('./renderSvg.js').then((m) => m.renderSvg);
      return (await renderer)(spec);
    });
    queue = draw.catch(() => {});
    const drawing = await draw;
    const key = keys[i];
    if (key !== undefined) await cache?.put('svg', key, JSON.stringify(drawing));
    return drawing;
  });
  for (const d of drawings) d.catch(() => {}); // each is awaited by the caller; marked handled so one failure is reported once
  return (index) => drawings[index] ?? Promise.reject(new Error(`no chart ${index}`));
}

/** A cached entry, or undefined when it is not one (a miss: drawn again). */
function parseEntry(bytes: Buffer | undefined): RenderedSvg | undefined {
  if (!bytes) return undefined;
  try {
    const entry = JSON.parse(bytes.toString('utf8')) as Partial<RenderedSvg>;
    if (typeof entry.svg !== 'string' || !Array.isArray(entry.warnings) || !entry.warnings.every((w) => typeof w === 'string')) return undefined;
    return { svg: entry.svg, warnings: entry.warnings };
  } catch {
    return undefined;
  }
}
