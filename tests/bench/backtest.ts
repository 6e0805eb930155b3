/**
 * Backtest of the year-end projection (OUTLOOK.md §2) on the bundled sample's
 * history: for every figure at Q1, Q2 and Q3 with a projection, how far the
 * projection was from the actual Q4 of the same year (absolute percentage
 * error, by indicator kind and by how many seasonal factors it had), and of
 * the early warnings of the year with annual targets, how many did miss at
 * year end. A script, not a test: it prints figures (and writes them to
 * docs/backtest.md with --write). Usage: `npm run backtest` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Row {
  indicator: string;
  region: string;
  period: string;
  actual: number | null;
  annual_target: number | null;
  projected: number | null;
  projection_basis: string | null;
  status: string;
}

const out = mkdtempSync(join(tmpdir(), 'kpi-backtest-'));
execFileSync('node', ['dist/src/cli/bin.js', 'run', '--data', 'data/suqian', '--out', out, '--quiet', '--no-report'], { stdio: 'ignore' });
const rows = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Row[];
const warnings = readFileSync(join(out, 'warnings.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
rmSync(out, { recursive: true, force: true });

const schedules = new Map<string, string>();
for (const file of execFileSync('ls', ['metrics/indicators']).toString().trim().split('\n')) {
  const def = parse(readFileSync(join('metrics/indicators', file), 'utf8')) as { id: string; schedule: string };
  schedules.set(def.id, def.schedule);
}
const kindOf = (indicator: string): string => (['linear', 'explicit'].includes(schedules.get(indicator) ?? '') ? 'cumulative' : 'level');
const byKey = new Map(rows.map((r) => [`${r.indicator}|${r.region}|${r.period}`, r]));
const yearEnd = (r: Row): Row | undefined => byKey.get(`${r.indicator}|${r.region}|${r.period.slice(0, 4)}Q4`);

/** The projection's year and how many seasonal factors it could have: one per earlier year of the sample from 2020, at most three. */
const factorsOf = (r: Row): string => {
  const year = Number(r.period.slice(0, 4));
  return r.projection_basis === 'default' ? `${year} default factor` : `${year} (up to ${Math.min(3, year - 2020)} factors)`;
};

const errors = new Map<string, number[]>();
for (const r of rows) {
  const q = Number(r.period.slice(5));
  if (q === 4 || r.projected === null) continue;
  const end = yearEnd(r)?.actual;
  if (end === null || end === undefined || end === 0) continue;
  const group = `${kindOf(r.indicator)} · Q${q} · ${factorsOf(r)}`;
  errors.set(group, [...(errors.get(group) ?? []), Math.abs(r.projected - end) / Math.abs(end)]);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? NaN) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};
const lines: string[] = ['| group | figures | MAPE | median APE |', '|---|---:|---:|---:|'];
for (const [group, xs] of [...errors].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const mape = xs.reduce((a, b) => a + b, 0) / xs.length;
  lines.push(`| ${group} | ${xs.length} | ${(100 * mape).toFixed(1)} % | ${(100 * median(xs)).toFixed(1)} % |`);
}

// Early warnings of the year with targets: did the figure miss its annual target at year end?
let judged = 0;
let missed = 0;
for (const [period, indicator, , region] of warnings) {
  const r = byKey.get(`${indicator}|${region}|${period}`);
  if (!r) continue;
  const end = yearEnd(r);
  if (!end || end.actual === null || end.annual_target === null) continue;
  judged += 1;
  if (end.status !== 'completed') missed += 1;
}
const warned = `Early warnings judged at year end: ${judged}; missed their annual target (not 已完成 at Q4): ${missed} (${judged === 0 ? '—' : `${((100 * missed) / judged).toFixed(0)} %`}).`;

const report = `${lines.join('\n')}\n\n${warned}\n`;
process.stdout.write(`Backtest of the year-end projection on data/suqian (APE = |projected − actual Q4| ÷ |actual Q4|)\n\n${report}`);
if (process.argv.includes('--write')) {
  writeFileSync(
    'docs/backtest.md',
    `# Backtest of the year-end projection (OUTLOOK.md §2)\n\nMade by \`npm run backtest -- --write\` on the bundled sample: every figure at Q1–Q3 with a projection against the actual Q4 of the same year. The sample's 2020–2021 history is synthetic (made backwards from 2022 by the generator, seasons moved by a few percent), so these errors say how the rule behaves on regular data, not how well it forecasts a real city. In particular 2021 and 2022 are projected from seasons that were themselves derived from 2022's, so their errors are optimistic; 2023, generated independently of the history, is the honest test (three factors). “default” rows are figures with no history on their region chain (the 2023-only plan programmes): 4/q or 1.\n\n${report}`,
  );
}
