import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixture.js';

/*
 * The promise of `kpi serve`: it never stands in a run's way. The compiled
 * CLI serves in one process while `kpi run` publishes in another, twice;
 * the server answers throughout and serves each new run once it is published.
 */
const bin = 'dist/src/cli/bin.js';
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** A CLI command to its end: exit status and what it printed on stderr. */
function kpi(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stderr })));
}

/** `kpi serve` in a child process; resolves with its address once it has printed it. */
function serve(args: readonly string[]): Promise<{ url: string; child: ChildProcess; stopped: Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const stopped = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
      if (url) resolve({ url, child, stopped });
    });
    void stopped.then((status) => reject(new Error(`kpi serve exited ${status}: ${stderr}`)));
  });
}

const health = async (url: string): Promise<{ status: number; run?: number }> => {
  const response = await fetch(`${url}/health`);
  return { status: response.status, ...(response.ok ? { run: ((await response.json()) as { run: number }).run } : {}) };
};

describe('kpi serve while kpi run publishes', () => {
  it('a run while the server serves exits 0, and the server then serves the new run', async () => {
    const out = await tempDir('kpi-serve-run-');
    const first = await kpi(['run', '--data', 'data/suqian', '--out', out, '--no-report', '-q']);
    expect(first.status, first.stderr).toBe(0);

    const server = await serve(['--out', out, '--port', '0']);
    expect((await health(server.url)).run).toBe(1);
    // The server has the snapshot open, with a run's context loaded, while the next runs take the store.
    expect((await fetch(`${server.url}/results?period=2023Q4&format=csv`)).status).toBe(200);

    for (const expected of [2, 3]) {
      const run = kpi(['run', '--data', 'data/suqian', '--out', out, '--no-report', '-q']);
      let done = false;
      void run.then(() => (done = true));
      const seen = new Set<number>();
      while (!done) {
        const answer = await health(server.url);
        expect(answer.status).toBe(200);
        if (answer.run !== undefined) seen.add(answer.run);
        await new Promise((r) => setTimeout(r, 50));
      }
      const { status, stderr } = await run;
      expect(status, stderr).toBe(0);
      expect(stderr).not.toMatch(/in use|被另一个进程/);
      // While it ran, the server went on serving the run before it.
      expect(seen.has(expected - 1)).toBe(true);
      expect(await health(server.url)).toEqual({ status: 200, run: expected });
      const runs = (await (await fetch(`${server.url}/runs`)).json()) as { runId: number }[];
      expect(runs.map((r) => r.runId)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    }

    server.child.kill('SIGTERM');
    expect(await server.stopped).toBe(0);
  }, 180_000);
});
