import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { chartFont } from '../charts/chartTheme.js';
import { encodePng } from './encodePng.js';

/** A rasterized chart: its pixels (RGBA, row by row) and a PNG encoder. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  png(): Buffer;
}

/**
 * Rasterizes an SVG with resvg, using only the given font files (never the
 * system's, so output is the same on every machine). `scale` 2 gives a
 * sharp image for slides and documents.
 */
export function rasterize(svg: string, fontFiles: readonly string[], scale = 2): Raster {
  const image = new Resvg(svg, options(fontFiles, scale)).render();
  return { width: image.width, height: image.height, pixels: image.pixels, png: () => image.asPng() };
}

/**
 * The PNG bytes of {@link rasterize}, drawn on libuv's thread pool, so several
 * charts are rasterized at once while the main thread goes on.
 */
export async function renderPng(svg: string, fontFiles: readonly string[], scale = 2): Promise<Buffer> {
  const image = await renderAsync(svg, options(fontFiles, scale));
  return encodePng(image.pixels, image.width, image.height);
}

const options = (fontFiles: readonly string[], scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  background: '#ffffff',
  font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: chartFont, sansSerifFamily: chartFont },
});
