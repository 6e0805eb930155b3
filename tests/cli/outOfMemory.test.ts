import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../support/fixture.js';

const run = promisify(execFile);

/** `kpi run` on the sample in a child process, with `KPI_MEMORY_LIMIT` set when given: exit status and stderr. */
async function kpiRun(out: string, memoryLimit?: string): Promise<{ code: number; stderr: string }> {
  const env = { ...process.env, ...(memoryLimit === undefined ? {} : { KPI_MEMORY_LIMIT: memoryLimit }) };
  try {
    const { stderr } = await run(process.execPath, ['dist/src/cli/bin.js', 'run', '--data', 'data/suqian', '--out', out, '--no-report', '-q'], { env });
    return { code: 0, stderr };
  } catch (e) {
    const failed = e as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('DuckDB past its memory limit (KPI_MEMORY_LIMIT)', () => {
  it('says out of memory and what to do, without a stack, and leaves the published run as it was', async () => {
    const out = await tempDir('kpi-oom-');
    expect((await kpiRun(out)).code).toBe(0);
    const before = await readFile(join(out, 'results.csv'), 'utf8');
    const starved = await kpiRun(out, '2MB');
    expect(starved.code).toBe(5);
    expect(starved.stderr).toContain('内存不足 out of memory');
    expect(starved.stderr).toContain('KPI_MEMORY_LIMIT');
    expect(starved.stderr).toContain('(2MB)');
    expect(starved.stderr).not.toMatch(/^\s+at\s/m);
    expect(starved.stderr).not.toContain('内部错误');
    // Nothing was published: the folder still shows the first run.
    expect(await readFile(join(out, 'results.csv'), 'utf8')).toBe(before);
    expect((await kpiRun(out)).code).toBe(0);
    const store = await Store.open(join(out, 'kpi.duckdb'), { readOnly: true });
    try {
      // The starved run left no run behind: the two good ones are runs 1 and 2.
      expect(await store.all('SELECT run_id, status FROM runs ORDER BY run_id')).toEqual([
        { run_id: 1, status: 'done' },
        { run_id: 2, status: 'done' },
      ]);
    } finally {
      store.close();
    }
  }, 120_000);
});
