import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root: the nearest folder above this module holding `metrics/variables.yaml`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'metrics', 'variables.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the metrics catalog next to the engine');
    dir = up;
  }
  return dir;
}

/** The catalog shipped with the engine. */
export const defaultMetricsFolder = (): string => join(packageRoot(), 'metrics');
