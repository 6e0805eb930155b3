/**
 * Benchmark (not a test): `kpi run --no-report` at region-level scale, as a
 * user runs it (the compiled CLI in a fresh process). The data folder is made
 * by DuckDB itself (`COPY … TO` CSV): a root, prefectures, the rest counties;
 * every county reports every variable of metrics/variables.yaml for every
 * quarter (annual variables once a year), a few reports left out so some sums
 * go missing; the parents report nothing, so every one of their figures is a
 * sum. Prints the rows, the seconds of each phase (the progress lines on
 * stderr, timestamped as they arrive) and the peak RSS.
 *
 *   npm run build && npx tsx tests/bench/regionScale.bench.ts            # all three sizes
 *   npx tsx tests/bench/regionScale.bench.ts 3000x40                      # regions × quarters
 *   npx tsx tests/bench/regionScale.bench.ts 1e5 1e6                      # observation rows (8 quarters)
 *
 * KPI_BENCH_HEAP (MiB, default 16384) is the child's --max-old-space-size;
 * KPI_BENCH_KEEP=1 keeps the generated folders.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'yaml';

interface Variable {
  readonly code: string;
  readonly kind: 'flow' | 'stock';
  readonly frequency: 'quarterly' | 'annual';
}

const variables = parse(readFileSync('metrics/variables.yaml', 'utf8')) as Variable[];
const LAST_YEAR = 2025;

/** A size: `3000x40` is regions × quarters; `1e6` is about that many observation rows over 8 quarters. */
function sizeOf(arg: string): { regions: number; quarters: number } {
  const grid = /^(\d+)x(\d+)$/.exec(arg);
  if (grid) return { regions: Number(grid[1]), quarters: Number(grid[2]) };
  const quarters = 8;
  return { regions: Math.max(4, Math.round(Number(arg) / (quarters * variables.length))), quarters };
}

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Writes regions.csv, targets.csv and observations/obs.csv with DuckDB; returns the folder and the observation count. */
async function generate(regions: number, quarters: number): Promise<{ folder: string; observations: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'kpi-scale-'));
  const prefectures = Math.max(2, Math.min(30, Math.round(regions / 100)));
  const counties = regions - 1 - prefectures;
  const firstYear = LAST_YEAR - Math.ceil(quarters / 4) + 1;
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const c = await db.connect();
  const vars = variables.map((v) => `(${q(v.code)}, ${q(v.kind)}, ${q(v.frequency)})`).join(', ');
  await c.run(`CREATE TABLE vars(code VARCHAR, kind VARCHAR, frequency VARCHAR); INSERT INTO vars VALUES ${vars}`);
  await c.run(`CREATE TABLE regions AS
    SELECT 'R' AS code, '全市 Root' AS name, NULL::VARCHAR AS parent, 'city' AS level, true AS rollup, 0 AS ord
    UNION ALL SELECT printf('P%02d', i), printf('地区 P%02d', i), 'R', 'prefecture', true, i FROM range(1, ${prefectures + 1}) t(i)
    UNION ALL SELECT printf('C%05d', i), printf('县 C%05d', i), printf('P%02d', 1 + i % ${prefectures}), 'county', true, 1000 + i FROM range(1, ${counties + 1}) t(i)`);
  await c.run(`COPY (SELECT code, name, parent, level, rollup FROM regions ORDER BY ord) TO ${q(join(folder, 'regions.csv'))} (HEADER)`);
  // The last `quarters` quarters up to LAST_YEAR Q4.
  await c.run(`CREATE TABLE quarters AS
    SELECT y, qq FROM range(${firstYear}, ${LAST_YEAR + 1}) a(y), range(1, 5) b(qq)
    QUALIFY row_number() OVER (ORDER BY y DESC, qq DESC) <= ${quarters}`);
  // Whole numbers (the integer variables need them), year to date for flows, under 366 for the air days.
  await c.run(`CREATE TABLE obs AS
    SELECT r.code AS region,
           CASE WHEN v.frequency = 'annual' THEN CAST(y AS VARCHAR) ELSE printf('%dQ%d', y, qq) END AS period,
           v.code AS variable,
           CASE WHEN v.code = 'good_air_days' THEN 20 * qq
                WHEN v.code = 'valid_air_days' THEN 22 * qq
                WHEN v.kind = 'flow' THEN (10 + hash(r.code, v.code) % 200) * qq
                ELSE 10 + hash(r.code, v.code) % 200 + (y - ${firstYear}) END AS value
    FROM regions r, quarters, vars v
    WHERE r.level = 'county'
      AND (v.frequency = 'quarterly' OR qq = 4)
      AND hash(r.code, y, qq, v.code) % 500 <> 0`);
  const observations = Number((await c.runAndReadAll('SELECT count(*) FROM obs')).getRows()[0]?.[0] ?? 0);
  mkdirSync(join(folder, 'observations'));
  await c.run(`COPY (SELECT * FROM obs ORDER BY region, period, variable) TO ${q(join(folder, 'observations', 'obs.csv'))} (HEADER)`);
  // The sample's city-level annual targets, for the root and the last year.
  writeFileSync(
    join(folder, 'targets.csv'),
    readFileSync('data/suqian/targets.csv', 'utf8')
      .split('\n')
      .filter((line, i) => i === 0 || /^[a-z_0-9]+,321300,2023,,/.test(line))
      .map((line, i) => (i === 0 ? 'indicator,region,year,period,value' : line.replace(/,321300,2023,,([^,]*).*$/, `,R,${LAST_YEAR},,$1`)))
      .join('\n'),
  );
  c.closeSync();
  db.closeSync();
  return { folder, observations };
}

/** Runs the CLI under /usr/bin/time -v (peak RSS), timestamping each progress line. */
async function runKpi(folder: string): Promise<{ seconds: number; phases: [string, number][]; peakMiB: number | null; rows: number | null; exit: number | null; tail: string }> {
  const out = join(folder, 'out');
  const heap = process.env.KPI_BENCH_HEAP ?? '16384';
  const args = ['node', `--max-old-space-size=${heap}`, 'dist/src/cli/bin.js', 'run', '--data', folder, '--out', out, '--no-report'];
  const timed = existsSync('/usr/bin/time');
  const child = timed ? spawn('/usr/bin/time', ['-v', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(args[0] ?? 'node', args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = performance.now();
  const marks: [string, number][] = [];
  let stderr = '';
  let stdout = '';
  let pending = '';
  let hwm = 0;
  const poll = timed
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          // The process has ended.
        }
      }, 100);
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => {
    const text = b.toString();
    stderr += text;
    pending += text;
    const lines = pending.split(/\r?\n|\r/);
    pending = lines.pop() ?? '';
    const at = (performance.now() - started) / 1000;
    for (const line of lines) if (line.trim() !== '' && !/^\s/.test(line)) marks.push([line.trim().slice(0, 70), at]);
  });
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakKiB = rss ? Number(rss[1]) : hwm;
  const phases: [string, number][] = marks
    .filter(([line]) => !/^(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(line))
    .map(([line, at], i, all) => [line, (all[i + 1]?.[1] ?? seconds) - at]);
  const rows = /(\d[\d,]*) (?:result rows|rows|条)/.exec(stdout + stderr);
  return { seconds, phases, peakMiB: peakKiB > 0 ? peakKiB / 1024 : null, rows: rows ? Number(rows[1]?.replaceAll(',', '')) : null, exit, tail: (stdout + stderr).split('\n').slice(-6).join('\n') };
}

async function resultRows(folder: string): Promise<number | null> {
  const csv = join(folder, 'out', 'results.csv');
  if (!existsSync(csv)) return null;
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const n = Number((await c.runAndReadAll(`SELECT count(*) FROM read_csv(${q(csv)}, header = true, all_varchar = true)`)).getRows()[0]?.[0] ?? 0);
  c.closeSync();
  db.closeSync();
  return n;
}

const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['1e5', '1e6', '3000x40'];
for (const arg of sizes) {
  const { regions, quarters } = sizeOf(arg);
  const made = performance.now();
  const { folder, observations } = await generate(regions, quarters);
  process.stdout.write(`\n== ${arg}: ${regions} regions × ${quarters} quarters × ${variables.length} variables: ${observations.toLocaleString('en')} observation rows (generated in ${((performance.now() - made) / 1000).toFixed(1)} s)\n`);
  const r = await runKpi(folder);
  const rows = await resultRows(folder);
  for (const [phase, s] of r.phases) process.stdout.write(`  ${s.toFixed(2).padStart(8)} s  ${phase}\n`);
  process.stdout.write(`  exit ${r.exit}; ${r.seconds.toFixed(2)} s wall; peak RSS ${r.peakMiB === null ? '?' : `${(r.peakMiB / 1024).toFixed(2)} GiB`}; results.csv ${rows === null ? 'not written' : `${rows.toLocaleString('en')} rows`}\n`);
  if (r.exit !== 0) process.stdout.write(`  ${r.tail.replaceAll('\n', '\n  ')}\n`);
  if (process.env.KPI_BENCH_KEEP === '1') process.stdout.write(`  kept ${folder}\n`);
  else rmSync(folder, { recursive: true, force: true });
}
