import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * A file of an installed npm package, wherever npm put it (this project's
 * node_modules or the one of a project that installed kpi-engine).
 *
 * `require.resolve('vega/package.json')` would be the usual way, but vega,
 * vega-lite and vega-embed list `exports` without `./package.json`, so it
 * throws ERR_PACKAGE_PATH_NOT_EXPORTED: resolve the package's entry instead
 * and walk up to the folder whose package.json names the package.
 *
 * @example
 * packageFile('vega', 'build/vega.min.js') // …/node_modules/vega/build/vega.min.js
 */
export function packageFile(name: string, file: string): string {
  let folder = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return join(folder, file);
    const up = dirname(folder);
    if (up === folder) throw new Error(`no package.json of ${name} above ${require.resolve(name)}`);
    folder = up;
  }
}
