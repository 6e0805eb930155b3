import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { renderAsync } from '@resvg/resvg-js';
import { chartFont } from '../charts/chartTheme.js';
import { encodePng } from './encodePng.js';

/** A rasterized chart: its pixels (RGBA, row by row). */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * Rasterizes an SVG with resvg on libuv's thread pool, so several charts are
 * rasterized at once while the main thread goes on, using only the given
 * font files (never the system's, so output is the same on every machine).
 * `scale` 2 gives a sharp image for slides and documents.
 */
export async function rasterize(svg: string, fontFiles: readonly string[], scale = 2): Promise<Raster> {
  const image = await renderAsync(svg, options(fontFiles, scale));
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** The PNG bytes of {@link rasterize} (compressed on the thread pool too: see encodePng). */
export async function renderPng(svg: string, fontFiles: readonly string[], scale = 2): Promise<Buffer> {
  const image = await rasterize(svg, fontFiles, scale);
  return encodePng(image.pixels, image.width, image.height);
}

const options = (fontFiles: readonly string[], scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  background: '#ffffff',
  font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: chartFont, sansSerifFamily: chartFont },
});
