/**
 * One engine run of the scale benchmark, in its own process: `runJob` (what
 * `kpi run --no-report` does) from the compiled engine in dist/, timed by its
 * progress messages. Load = read + check + store (until "computing
 * indicators"); compute = the rest: indicators, results files, commit,
 * publication. Prints one JSON line: { load, compute, rss } (ms, ms, bytes).
 *
 * Usage: tsx engine.child.ts <data> <metrics> <out> [dist folder]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as RunJobModule from '../../../src/engine/runJob.js';

const [data, metrics, out, dist = 'dist'] = process.argv.slice(2);
if (data === undefined || metrics === undefined || out === undefined) throw new Error('usage: engine.child.ts <data> <metrics> <out> [dist]');
const { runJob } = (await import(pathToFileURL(resolve(dist, 'src/engine/runJob.js')).href)) as typeof RunJobModule;

const started = performance.now();
let computing = NaN;
await runJob({
  data,
  metrics,
  out,
  report: false,
  onProgress: (message) => {
    if (message.startsWith('计算指标')) computing = performance.now();
  },
});
const done = performance.now();
process.stdout.write(`${JSON.stringify({ load: computing - started, compute: done - computing, rss: process.resourceUsage().maxRSS * 1024 })}\n`);
