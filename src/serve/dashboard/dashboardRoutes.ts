import { Hono } from 'hono';
import { dashboardAssets, readAsset } from './dashboardAssets.js';
import { dashboardPage } from './dashboardPage.js';

/**
 * What the page may load, said to the browser: only this server. Vega
 * compiles its expressions with `new Function`, hence 'unsafe-eval'; Vega's
 * tooltips and vega-embed style elements inline, hence 'unsafe-inline' for
 * styles.
 */
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The live dashboard at `/` and the files it loads at `/assets/<name>`
 * (exactly those of {@link dashboardAssets}). Each asset carries its
 * Content-Type and Last-Modified; the app's middleware adds the ETag and
 * answers 304.
 */
export function dashboardRoutes(): Hono {
  const app = new Hono();
  app.get('/', (c) => c.html(dashboardPage, 200, { 'Content-Security-Policy': contentSecurityPolicy }));
  app.get('/assets/:name', async (c) => {
    const asset = Object.hasOwn(dashboardAssets, c.req.param('name')) ? dashboardAssets[c.req.param('name')] : undefined;
    if (asset === undefined) return c.notFound();
    const { body, modified } = await readAsset(asset);
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, { 'Content-Type': asset.contentType, 'Last-Modified': modified.toUTCString() });
  });
  return app;
}
