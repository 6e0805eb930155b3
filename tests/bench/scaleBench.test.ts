import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixture.js';
import { agreement } from './scale/agreement.js';
import { generateFolder } from './scale/generate.js';

const run = promisify(execFile);

/*
 * The scale benchmark's three computations (tests/bench/scale.bench.ts) at a
 * size a test can afford, so that a change to the engine, the floor's SQL or
 * the Arquero version that makes them disagree fails here, not only in a
 * benchmark nobody ran. Each runs in its own process, as in the benchmark.
 */
describe('the scale benchmark, small', () => {
  it('generates a firm-level folder the engine accepts, and the engine, the floor and Arquero agree to 1e-9', async () => {
    const root = await tempDir('kpi-scale-test-');
    const folder = await generateFolder(root, 20_000);
    expect(folder.files).toHaveLength(8);
    const child = async (script: string, args: readonly string[]) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', join('tests/bench/scale', script), ...args], { maxBuffer: 1 << 24 });
      const measured = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { load: number; compute: number; rss: number };
      expect(measured.load).toBeGreaterThan(0);
      expect(measured.rss).toBeGreaterThan(0);
    };
    await child('engine.child.ts', [folder.data, folder.metrics, join(root, 'engine'), resolve('dist')]);
    await child('floor.child.ts', [folder.data, join(root, 'floor.parquet')]);
    await child('arquero.child.ts', [folder.data, join(root, 'arquero.csv')]);
    const agreed = await agreement(join(root, 'engine', 'results.parquet'), join(root, 'floor.parquet'), join(root, 'arquero.csv'));
    // 313 regions × 8 quarters × 4 indicators, every key in all three.
    expect(agreed).toMatchObject({ rows: 313 * 8 * 4, unmatched: 0, differing: 0 });
    expect(agreed.maxRelative).toBeLessThan(1e-9);
  }, 120_000);
});
