import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../engine/packagePaths.js';

/** The bundled sample's data folder and output folder, as `npm run sample` makes them. */
export const sampleFolders = { data: 'data/suqian', out: 'out/suqian' } as const;

/**
 * Regions of the bundled sample for the help's examples, read from its
 * regions.csv so an example names a region that exists: the root and its
 * first subdivision. `undefined` where there is no sample (an installed
 * package ships the engine and its catalog, not the sample).
 */
export function sampleRegions(root: string = packageRoot()): { root: string; child: string } | undefined {
  const file = join(root, sampleFolders.data, 'regions.csv');
  if (!existsSync(file)) return undefined;
  const rows = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').map((l) => l.split(','));
  const top = rows.find((r) => (r[2] ?? '').trim() === '')?.[0];
  const child = rows.find((r) => (r[2] ?? '').trim() === top)?.[0];
  return top && child ? { root: top, child } : undefined;
}
