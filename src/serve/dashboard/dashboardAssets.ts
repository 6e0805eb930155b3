import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { clientModules } from './client/clientModules.js';
import { dashboardStyle } from './dashboardStyle.js';
import { fontAssets } from './fontAssets.js';
import { packageFile } from './packageFile.js';

/** Where an asset's bytes come from: a file on disk (an installed package's build, the font) or text this module makes. */
type AssetSource = { readonly kind: 'file'; readonly path: () => string } | { readonly kind: 'text'; readonly text: () => string };

export interface Asset {
  readonly contentType: string;
  readonly source: AssetSource;
}

const contentTypes = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  ttf: 'font/ttf',
} as const;

const file = (contentType: string, path: () => string): Asset => ({ contentType, source: { kind: 'file', path } });
const text = (contentType: string, make: () => string): Asset => ({ contentType, source: { kind: 'text', text: make } });

/** A bar chart in the page's colours, for the browser tab (and so the browser asks for no /favicon.ico). */
const icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f2d4d"/><rect x="3" y="8" width="2.5" height="5" fill="#5aae61"/><rect x="6.75" y="4" width="2.5" height="9" fill="#1b7837"/><rect x="10.5" y="6" width="2.5" height="7" fill="#f1a340"/></svg>';

/**
 * Every file the dashboard page loads, by its name under `/assets/`, and
 * nothing else: Vega, Vega-Lite and vega-embed from their installed
 * packages' browser builds (no CDN), the charts' font, the stylesheet and
 * the page's own modules.
 */
export const dashboardAssets: Readonly<Record<string, Asset>> = {
  'vega.min.js': file(contentTypes.js, () => packageFile('vega', 'build/vega.min.js')),
  'vega-lite.min.js': file(contentTypes.js, () => packageFile('vega-lite', 'build/vega-lite.min.js')),
  'vega-embed.min.js': file(contentTypes.js, () => packageFile('vega-embed', 'build/vega-embed.min.js')),
  ...Object.fromEntries(fontAssets.map((f) => [f.name, file(contentTypes.ttf, () => f.file)])),
  'dashboard.css': text(contentTypes.css, dashboardStyle),
  'icon.svg': text(contentTypes.svg, () => icon),
  ...Object.fromEntries(Object.entries(clientModules).map(([name, make]) => [name, text(contentTypes.js, make)])),
};

/** This module's own file: what the text assets are made by, so its mtime is when they last changed. */
const thisFile = fileURLToPath(import.meta.url);

/** An asset's bytes and when they last changed (a file's mtime; for made text, this module's). */
export async function readAsset(asset: Asset): Promise<{ body: Uint8Array | string; modified: Date }> {
  if (asset.source.kind === 'text') return { body: asset.source.text(), modified: (await stat(thisFile)).mtime };
  const path = asset.source.path();
  const [body, info] = await Promise.all([readFile(path), stat(path)]);
  return { body, modified: info.mtime };
}
