/**
 * Benchmark: the `kpi run` job (without the report, see report.bench.ts) on the bundled sample, as a user runs it
 * (a fresh process each time, compiled JS). Prints wall time per run and the
 * median; the goal is under 3 s. Usage: `npm run bench` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'kpi-bench-'));
  const started = performance.now();
  execFileSync('node', ['dist/src/cli/bin.js', 'run', '--data', 'data/suqian', '--out', out, '--quiet', '--no-report'], { stdio: 'ignore' });
  times.push(performance.now() - started);
  rmSync(out, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
process.stdout.write(`kpi run on data/suqian, fresh process and database, ${runs} runs\n`);
process.stdout.write(`  each: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}\n`);
process.stdout.write(`  median: ${(median / 1000).toFixed(2)} s (goal: under 3 s)\n`);
