/**
 * Benchmark: rendering the whole 通报 for the sample period (every chart as
 * .vl.json, .svg and .png, report.html and report.xlsx) as a user runs it:
 * `kpi report` in a fresh process, compiled JS, against a database made once.
 * Prints wall time per run and the median; the goal is under 5 s.
 * Usage: `npm run bench` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const period = process.env.BENCH_PERIOD ?? '2023Q2';
const work = mkdtempSync(join(tmpdir(), 'kpi-bench-report-'));
execFileSync('node', ['dist/src/cli/bin.js', 'run', '--data', 'data/suqian', '--out', work, '--quiet', '--no-report'], { stdio: 'ignore' });

const times: number[] = [];
let files = 0;
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const out = join(work, `report-${i}`);
  const started = performance.now();
  execFileSync('node', ['dist/src/cli/bin.js', 'report', '--period', period, '--db', join(work, 'kpi.duckdb'), '--out', out, '--quiet'], { stdio: 'ignore' });
  times.push(performance.now() - started);
  const charts = readdirSync(join(out, 'charts'));
  files = charts.length + 2;
  bytes = [...charts.map((f) => join(out, 'charts', f)), join(out, 'report.html'), join(out, 'report.xlsx')].reduce((n, f) => n + statSync(f).size, 0);
}
rmSync(work, { recursive: true, force: true });
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
process.stdout.write(`kpi report --period ${period} on data/suqian, fresh process, ${runs} runs (${files} files, ${(bytes / 1e6).toFixed(1)} MB)\n`);
process.stdout.write(`  each: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}\n`);
process.stdout.write(`  median: ${(median / 1000).toFixed(2)} s (goal: under 5 s)\n`);
