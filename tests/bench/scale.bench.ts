/**
 * Benchmark: firm-level microdata at scale (issue 14). For each size (rows of
 * firm × quarter, default 10^5, 10^6, 10^7; BENCH_SIZES=1e5,1e6 to choose) it
 * generates a data folder with DuckDB (scale/generate.ts), then runs, in
 * fresh processes and interleaved rounds so that all three share the
 * machine's load:
 *
 * - the engine: `runJob` without the report, as `kpi run --no-report`;
 * - the floor: one hand-written DuckDB SQL script (scale/floor.sql);
 * - the in-memory alternative: Arquero over the rows read into JavaScript.
 *
 * It prints a table of medians (load s, compute s, the ratios, peak RSS) and
 * checks that the three results tables agree to 1e-9 (scale/agreement.ts).
 * Runs per size: BENCH_SCALE_RUNS (default 3; 1 at 10^7, where one round
 * takes minutes). Arquero is skipped above BENCH_ARQUERO_MAX rows (default
 * 10^7: it is run at every size).
 *
 * BENCH_KEEP=1 keeps each size's folder (for scale/profile.ts).
 *
 * Usage: `npm run bench` (after `npm run build`), or `tsx tests/bench/scale.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agreement } from './scale/agreement.js';
import type { Agreement } from './scale/agreement.js';
import { generateFolder } from './scale/generate.js';

interface Measured {
  readonly load: number;
  readonly compute: number;
  readonly rss: number;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '1e5,1e6,1e7').split(',').map(Number);
const arqueroMax = Number(process.env.BENCH_ARQUERO_MAX ?? 1e7);
const write = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (ms: number) => (ms / 1000).toFixed(2);
const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(2);

function child(script: string, args: readonly string[], nodeOptions: readonly string[] = []): Measured {
  const run = spawnSync(process.execPath, [...nodeOptions, '--import', 'tsx', join(here, 'scale', script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status ?? run.signal}): ${run.stderr.slice(-2000)}`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Measured;
}

interface Row {
  readonly rows: number;
  readonly megabytes: number;
  readonly engine: Measured;
  readonly floor: Measured;
  readonly arquero: Measured | undefined;
  readonly agreed: Agreement;
  readonly runs: number;
}

const medianOf = (ms: readonly Measured[]): Measured => ({ load: median(ms.map((m) => m.load)), compute: median(ms.map((m) => m.compute)), rss: Math.max(...ms.map((m) => m.rss)) });

const rows: Row[] = [];
const started = performance.now();
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), 'kpi-scale-'));
  try {
    const made = performance.now();
    const folder = await generateFolder(root, size);
    write(`${size.toExponential(0)} rows: ${(folder.bytes / 1e6).toFixed(0)} MB of CSV in ${folder.files.length} files, generated in ${s(performance.now() - made)} s`);
    const runs = Number(process.env.BENCH_SCALE_RUNS ?? (size >= 1e7 ? 1 : 3));
    const engine: Measured[] = [];
    const floor: Measured[] = [];
    const arquero: Measured[] = [];
    let agreed: Agreement | undefined;
    for (let round = 0; round < runs; round++) {
      const out = join(root, `out-${round}`);
      engine.push(child('engine.child.ts', [folder.data, folder.metrics, join(out, 'engine'), resolve('dist')]));
      floor.push(child('floor.child.ts', [folder.data, join(root, `floor-${round}.parquet`)]));
      if (size <= arqueroMax) arquero.push(child('arquero.child.ts', [folder.data, join(root, `arquero-${round}.csv`)], ['--max-old-space-size=16384']));
      if (round === 0) agreed = await agreement(join(out, 'engine', 'results.parquet'), join(root, 'floor-0.parquet'), size <= arqueroMax ? join(root, 'arquero-0.csv') : undefined);
      const last = (xs: Measured[]) => { const m = xs.at(-1); return m ? `${s(m.load + m.compute)} s` : '–'; };
      write(`  round ${round + 1}/${runs}: engine ${last(engine)}, floor ${last(floor)}, Arquero ${last(arquero)}`);
      rmSync(out, { recursive: true, force: true });
    }
    if (agreed === undefined) throw new Error('no round ran');
    rows.push({ rows: size, megabytes: folder.bytes / 1e6, engine: medianOf(engine), floor: medianOf(floor), arquero: arquero.length > 0 ? medianOf(arquero) : undefined, agreed, runs });
  } finally {
    if (process.env.BENCH_KEEP === '1') write(`  kept ${root} (BENCH_KEEP=1)`);
    else rmSync(root, { recursive: true, force: true });
  }
}

const total = (m: Measured) => m.load + m.compute;
write('');
write('Firm-level observations: load + compute, medians; peak RSS is the largest of the runs (GiB)');
write('');
write('| rows | runs | engine load s | engine compute s | engine s | floor s (load + compute) | Arquero s | engine ÷ floor | engine ÷ Arquero | CSV load ÷ read_csv throughput | peak RSS engine / floor / Arquero | engine µs per row | agree (max rel. diff) |');
write('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const a = r.arquero;
  const agree = r.agreed.unmatched === 0 && r.agreed.differing === 0 ? `yes, ${r.agreed.rows} rows (${r.agreed.maxRelative.toExponential(1)})` : `NO: ${r.agreed.unmatched} unmatched, ${r.agreed.differing} differ`;
  write(
    `| ${r.rows.toExponential(0)} | ${r.runs} | ${s(r.engine.load)} | ${s(r.engine.compute)} | ${s(total(r.engine))} | ${s(total(r.floor))} (${s(r.floor.load)} + ${s(r.floor.compute)}) | ${a ? s(total(a)) : '–'} | ${(total(r.engine) / total(r.floor)).toFixed(1)} | ${a ? (total(r.engine) / total(a)).toFixed(2) : '–'} | ${((100 * r.floor.load) / r.engine.load).toFixed(0)} % | ${gib(r.engine.rss)} / ${gib(r.floor.rss)} / ${a ? gib(a.rss) : '–'} | ${((1000 * total(r.engine)) / r.rows).toFixed(2)} | ${agree} |`,
  );
}
write('');
write('Goals (issue 14): engine ÷ floor ≤ 1.3 at 10^7; CSV load ≥ 80 % of read_csv throughput; peak RSS < 2 GiB at 10^7; µs per row flat from 10^5 to 10^7.');
write(`Whole benchmark: ${s(performance.now() - started)} s`);
if (rows.some((r) => r.agreed.unmatched > 0 || r.agreed.differing > 0)) process.exitCode = 1;
