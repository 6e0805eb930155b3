import { describe, expect, it } from 'vitest';
import type { FolderSpec } from '../support/fixture.js';
import { longCsv, runFolder } from '../support/fixture.js';
import type { RefInput, RefObservation, RefRegion, RefRow, RefTarget } from '../support/reference.js';
import { reference, refIndicators } from '../support/reference.js';
import { mulberry32 } from '../../data/prng.js';

/**
 * Cross-checks the engine against an independent loop implementation of INDICATORS.md §3–§5
 * (tests/support/reference.ts) on seeded random data folders that follow CONTRACT.md.
 */

const prng = mulberry32;

interface Case {
  spec: FolderSpec;
  input: RefInput;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const allQuarters = ['2022Q1', '2022Q2', '2022Q3', '2022Q4', '2023Q1', '2023Q2', '2023Q3', '2023Q4'];

function makeCase(seed: number): Case {
  const rnd = prng(seed);
  const chance = (p: number): boolean => rnd() < p;
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * rnd();
  const int = (lo: number, hi: number): number => Math.floor(uniform(lo, hi + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  // The tree: a root, 2–4 children, some with 0–3 grandchildren; some non-root units do not roll up.
  const regions: RefRegion[] = [{ code: 'C', parent: null, rollup: true }];
  const levels = new Map<string, string>([['C', 'city']]);
  const nChildren = int(2, 4);
  for (let i = 1; i <= nChildren; i++) {
    const code = `D${i}`;
    regions.push({ code, parent: 'C', rollup: !chance(0.2) });
    levels.set(code, chance(0.2) ? 'zone' : 'district');
    const nGrand = chance(0.6) ? int(0, 3) : 0;
    for (let j = 1; j <= nGrand; j++) {
      const g = `${code}T${j}`;
      regions.push({ code: g, parent: code, rollup: !chance(0.2) });
      levels.set(g, 'town');
    }
  }
  const isParent = (code: string): boolean => regions.some((r) => r.parent === code);
  const weight = (code: string): number => (code === 'C' ? nChildren : isParent(code) ? 2 : 1);

  // Periods: 2022Q1..2023Q4, sometimes with one quarter missing altogether.
  const dropped = chance(0.3) ? pick(allQuarters) : null;
  const quarters = allQuarters.filter((p) => p !== dropped);

  const fresh = (variable: string, region: string, period: string): number => {
    const q = Number(period.slice(-1));
    const w = weight(region);
    switch (variable) {
      case 'gdp':
        return chance(0.04) ? 0 : round(uniform(40, 60) * q * w, 2);
      case 'rd_expenditure':
        return round(uniform(0.8, 1.4) * q * w, 2);
      case 'invention_patents':
        return int(300, 900) * w;
      case 'talents_introduced':
        return int(3 * q, 12 * q) * w;
      case 'new_incubated_firms':
        return int(2 * q, 8 * q) * w;
      case 'high_tech_firms':
        return int(100, 300) * w;
      case 'population':
        return chance(0.05) ? 0 : round(uniform(50, 120) * w, 1);
      default:
        throw new Error(variable);
    }
  };

  const first: RefObservation[] = [];
  const quarterly = ['rd_expenditure', 'gdp', 'invention_patents', 'talents_introduced', 'new_incubated_firms', 'high_tech_firms'];
  for (const r of regions) {
    const p = isParent(r.code) ? 0.3 : 0.7;
    for (const period of quarters) {
      for (const variable of quarterly) if (chance(p)) first.push({ region: r.code, period, variable, value: fresh(variable, r.code, period) });
    }
    // Air-quality days: reported by some regions, the root included sometimes.
    if (chance(0.5)) {
      for (const period of quarters) {
        const q = Number(period.slice(-1));
        const valid = chance(0.05) ? 0 : 90 * q - int(0, 5);
        const good = Math.floor(valid * uniform(0.7, 0.95));
        // Mostly both, sometimes only one of the two.
        const which = rnd();
        if (which < 0.9) first.push({ region: r.code, period, variable: 'valid_air_days', value: valid });
        if (which < 0.8 || which >= 0.9) first.push({ region: r.code, period, variable: 'good_air_days', value: good });
      }
    }
    // Population is annual. Parents report both years or none, so "own as-of" never competes with a newer children's sum.
    const years = isParent(r.code) ? pick([[], [], ['2022', '2023']]) : pick([[], ['2022'], ['2022', '2023'], ['2022', '2023']]);
    for (const y of years) first.push({ region: r.code, period: chance(0.8) ? y : `${y}Q4`, variable: 'population', value: fresh('population', r.code, `${y}Q4`) });
  }

  // Sometimes a leaf reports exactly what a sibling leaf reports, so that attainments tie and ranks are shared.
  const leaves = regions.filter((r) => r.parent !== null && !isParent(r.code));
  const twins = leaves.flatMap((a) => leaves.filter((b) => b.parent === a.parent && b.code > a.code).map((b) => [a.code, b.code] as const));
  if (twins.length > 0 && chance(0.6)) {
    const [a, b] = pick(twins);
    const copies = first.filter((o) => o.region === a).map((o) => ({ ...o, region: b }));
    first.splice(0, first.length, ...first.filter((o) => o.region !== b), ...copies);
  }

  // A second file revising a few values, and adding a few new ones.
  const second: RefObservation[] = [];
  const used = new Set<string>();
  for (let k = 0; k < 6 && first.length > 0; k++) {
    const o = pick(first);
    const id = `${o.region}|${o.period}|${o.variable}`;
    if (used.has(id)) continue;
    used.add(id);
    const value = o.variable === 'gdp' && chance(0.3) ? 0 : o.variable.endsWith('air_days') ? Math.max(0, o.value - int(0, 20)) : round(o.value * uniform(0.8, 1.2), Number.isInteger(o.value) ? 0 : 2);
    second.push({ ...o, value });
  }
  for (let k = 0; k < 3; k++) {
    const r = pick(regions).code;
    const period = pick(quarters);
    const variable = pick(quarterly);
    const id = `${r}|${period}|${variable}`;
    if (used.has(id) || first.some((o) => `${o.region}|${o.period}|${o.variable}` === id)) continue;
    used.add(id);
    second.push({ region: r, period, variable, value: fresh(variable, r, period) });
  }

  // Targets for 2023.
  const targets: RefTarget[] = [];
  const annualFor = (indicator: string, region: string): number => {
    const w = weight(region);
    switch (indicator) {
      case 'rd_intensity':
        return round(uniform(1.8, 2.6), 2);
      case 'patents_per_10k':
        return round(uniform(5, 10), 1);
      case 'talents_introduced':
        return chance(0.03) ? 0 : int(20, 45) * w;
      case 'good_air_days_ratio':
        return round(uniform(75, 90), 1);
      case 'high_tech_firms':
        return int(150, 300) * w;
      default:
        throw new Error(indicator);
    }
  };
  const scheduleTargets = (region: string, root: boolean): void => {
    const w = weight(region);
    const annual = int(18, 30) * w;
    const rows = [1, 2, 3, 4].map((q) => Math.round((annual * q) / 4 + int(-3, 3)));
    const kind = root ? pick(['full', 'annual', 'q1q3+annual', 'q4only', 'q1q3']) : pick(['none', 'none', 'full', 'annual', 'q1q3+annual', 'q4only', 'q1q3']);
    const add = (period: string | null, value: number): number => targets.push({ indicator: 'new_incubated_firms', region, year: 2023, period, value });
    if (kind === 'full' || kind === 'annual' || kind === 'q1q3+annual') add(null, annual);
    if (kind === 'full' || kind === 'q1q3+annual' || kind === 'q1q3') [1, 2, 3].forEach((q) => add(`2023Q${q}`, rows[q - 1] as number));
    if (kind === 'full' || kind === 'q4only') add('2023Q4', rows[3] as number);
  };
  for (const ind of refIndicators) {
    if (ind.id === 'new_incubated_firms') {
      for (const r of regions) scheduleTargets(r.code, r.parent === null);
      continue;
    }
    for (const r of regions) {
      if (r.parent === null || chance(0.35)) targets.push({ indicator: ind.id, region: r.code, year: 2023, period: null, value: annualFor(ind.id, r.code) });
    }
  }

  const warningThreshold = chance(0.25) ? 0.85 : 0.9;
  const obsFiles = { '2023-01-report.csv': first, '2023-02-revisions.csv': second };
  const spec: FolderSpec = {
    regions: `code,name,parent,level,rollup\n${regions.map((r) => `${r.code},Region ${r.code},${r.parent ?? ''},${levels.get(r.code) ?? ''},${r.rollup}`).join('\n')}\n`,
    targets: `indicator,region,year,period,value\n${targets
      .map((t) => `${t.indicator},${t.region === 'C' && chance(0.5) ? '' : t.region},${t.year},${t.period ?? ''},${t.value}`)
      .join('\n')}\n`,
    observations: Object.fromEntries(
      Object.entries(obsFiles)
        .filter(([, rows]) => rows.length > 0)
        .map(([name, rows]) => [name, longCsv(rows.map((o) => [o.region, o.period, o.variable, o.value] as const))]),
    ),
    ...(warningThreshold !== 0.9 ? { settings: { warningThreshold } } : {}),
  };
  return { spec, input: { regions, observationFiles: [first, second], targets, warningThreshold } };
}

const numericFields = ['actual', 'target', 'annual_target', 'attainment', 'annual_progress', 'expected_progress', 'gap'] as const;
const exactFields = ['status', 'rank'] as const;

function close(got: unknown, want: number | null): boolean {
  if (want === null) return got === null;
  if (typeof got !== 'number') return false;
  return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

/** Every disagreement between the engine's rows and the reference's, as readable lines. */
async function compare(c: Case): Promise<{ mismatches: string[]; compared: RefRow[] }> {
  const ran = await runFolder(c.spec);
  const want = reference(c.input);
  const ids = new Set(refIndicators.map((i) => i.id));
  const k = (r: { indicator: unknown; region: unknown; period: unknown }): string => `${String(r.indicator)} ${String(r.region)} ${String(r.period)}`;
  const got = new Map(ran.rows.filter((r) => ids.has(String(r.indicator))).map((r) => [k(r), r]));
  const mismatches: string[] = [];
  const wantKeys = new Set(want.map(k));
  for (const key of got.keys()) if (!wantKeys.has(key)) mismatches.push(`${key}: unexpected row from the engine`);
  for (const w of want) {
    const g = got.get(k(w));
    if (!g) {
      mismatches.push(`${k(w)}: missing row`);
      continue;
    }
    for (const f of numericFields) if (!close(g[f], w[f])) mismatches.push(`${k(w)} ${f}: engine ${String(g[f])}, reference ${String(w[f])}`);
    for (const f of exactFields) if (g[f] !== w[f]) mismatches.push(`${k(w)} ${f}: engine ${String(g[f])}, reference ${String(w[f])}`);
  }
  return { mismatches, compared: want };
}

/** Region codes encode the tree: C, then D<i>, then D<i>T<j>. */
const parentOf = (code: string): string => (code.includes('T') ? code.slice(0, code.indexOf('T')) : 'C');

const seeds = Array.from({ length: 20 }, (_, i) => 1000 + i * 7919);

describe('the engine agrees with an independent reference of INDICATORS.md §3–§5 on random folders', () => {
  const compared: RefRow[][] = [];
  for (const seed of seeds) {
    it(`seed ${seed}`, async () => {
      const result = await compare(makeCase(seed));
      compared.push(result.compared);
      expect(result.mismatches.slice(0, 40)).toEqual([]);
    });
  }
  it('exercised every status, shared ranks and the null cases (the folders are not degenerate)', () => {
    const count = (pred: (r: RefRow, folder: RefRow[]) => boolean): number => compared.reduce((n, folder) => n + folder.filter((r) => pred(r, folder)).length, 0);
    const tally = {
      rows: count(() => true),
      ...Object.fromEntries(['completed', 'on_track', 'warning', 'behind', 'pending', 'no_data', 'no_target'].map((s) => [s, count((r) => r.status === s)])),
      sharedRank: count((r, folder) => r.rank !== null && folder.some((o) => o !== r && o.rank === r.rank && o.indicator === r.indicator && o.period === r.period && parentOf(o.region) === parentOf(r.region))),
      nullExpected: count((r) => r.expected_progress === null && r.indicator === 'new_incubated_firms'),
      nullAttainmentWithTarget: count((r) => r.actual !== null && r.target !== null && r.attainment === null),
    };
    for (const [name, n] of Object.entries(tally)) expect(n, name).toBeGreaterThan(0);
  });
});
