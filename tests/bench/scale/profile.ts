/**
 * Where one engine run's time goes, statement by statement: runs `runJob`
 * (no report) from src/ with every DuckDB statement timed, then prints the
 * time between progress messages and the 25 costliest statements (their
 * first 110 characters, summed over repeats). A tool for the next change,
 * not part of `npm run bench`.
 *
 * Usage: tsx tests/bench/scale/profile.ts <data> <metrics> <out>
 * (a folder from generate.ts: BENCH_KEEP=1 keeps the benchmark's folders).
 */
import { DuckDBConnection } from '@duckdb/node-api';
import { runJob } from '../../../src/engine/runJob.js';

const [data, metrics, out] = process.argv.slice(2);
if (data === undefined || metrics === undefined || out === undefined) throw new Error('usage: profile.ts <data> <metrics> <out>');

type Statement = (this: DuckDBConnection, text: string, ...rest: unknown[]) => Promise<unknown>;
const times = new Map<string, number>();
const prototype = DuckDBConnection.prototype as unknown as Record<string, Statement>;
for (const method of ['run', 'runAndReadAll']) {
  const original = prototype[method];
  if (original === undefined) continue;
  prototype[method] = async function timed(this: DuckDBConnection, text: string, ...rest: unknown[]): Promise<unknown> {
    const started = performance.now();
    try {
      return await original.call(this, text, ...rest);
    } finally {
      const key = String(text).replace(/\s+/g, ' ').trim().slice(0, 110);
      times.set(key, (times.get(key) ?? 0) + performance.now() - started);
    }
  };
}

const write = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
let last = started;
await runJob({
  data,
  metrics,
  out,
  report: false,
  onProgress: (message) => {
    const now = performance.now();
    write(`${((now - last) / 1000).toFixed(2)} s, then: ${message}`);
    last = now;
  },
});
write(`total ${((performance.now() - started) / 1000).toFixed(2)} s; the costliest statements (s):`);
for (const [text, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 25)) write(`${(ms / 1000).toFixed(2).padStart(7)}  ${text}`);
