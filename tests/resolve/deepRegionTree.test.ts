import { describe, expect, it } from 'vitest';
import { longCsv, runFolder } from '../support/fixture.js';
import { expectClose } from '../support/matchers.js';

/** N0 (the root) → N1 → … → N{depth-1}, one region a level; `extra` rows hang more regions under chain members. */
const chain = (depth: number, extra: readonly string[]): string =>
  [
    'code,name,parent,level,rollup',
    'N0,Root,,city,true',
    ...Array.from({ length: depth - 1 }, (_, i) => `N${i + 1},Level ${i + 1},N${i},district,true`),
    ...extra,
    '',
  ].join('\n');

describe('a region tree of any depth (INDICATORS.md §3, §5)', () => {
  const depth = 2000;
  const started = performance.now();
  const ran = runFolder({
    regions: chain(depth, ['X,Side X,N1000,district,true', 'Y,Side Y,N1500,district,false', 'Z,Side Z,N500,district,true']),
    observations: {
      'q1.csv': longCsv([
        [`N${depth - 1}`, '2023Q1', 'gdp', 100],
        [`N${depth - 1}`, '2023Q1', 'rd_expenditure', 2],
        ['X', '2023Q1', 'gdp', 50],
        ['X', '2023Q1', 'rd_expenditure', 1],
        // Y does not roll up: its report never reaches N1500's sum.
        ['Y', '2023Q1', 'gdp', 1e6],
        ['Y', '2023Q1', 'rd_expenditure', 1e5],
        // Z reports GDP only: N500's R&D sum is missing, and so is everything above it.
        ['Z', '2023Q1', 'gdp', 25],
        ['N2', '2023Q1', 'rd_expenditure', 4],
      ]),
    },
  }).then((r) => ({ ...r, seconds: (performance.now() - started) / 1000 }));

  it(`sums a ${depth}-level chain bottom-up, a level at a time, each level reading only the one below`, async () => {
    const r = await ran;
    process.stdout.write(`  a ${depth}-level chain ran in ${r.seconds.toFixed(1)} s\n`);
    expectClose(r.row('rd_intensity', `N${depth - 1}`, '2023Q1').actual, 2);
    expectClose(r.row('rd_intensity', 'N1500', '2023Q1').actual, 2);
    // (2 + 1) / (100 + 50) × 100
    expectClose(r.row('rd_intensity', 'N1000', '2023Q1').actual, 2);
    expectClose(r.row('rd_intensity', 'N501', '2023Q1').actual, 2);
  }, 300_000);

  it('a missing child makes every sum above it missing and is named where it is missing; an own report wins again', async () => {
    const r = await ran;
    const n500 = r.row('rd_intensity', 'N500', '2023Q1');
    expect(n500.actual).toBeNull();
    expect(String(n500.missing_children)).toContain('Z');
    const n3 = r.row('rd_intensity', 'N3', '2023Q1');
    expect(n3.actual).toBeNull();
    expect(String(n3.missing_children)).toContain('N4');
    // N2 reports R&D itself; its GDP is the chain's sum, 100 + 50 + 25.
    expectClose(r.row('rd_intensity', 'N2', '2023Q1').actual, (100 * 4) / 175);
    expectClose(r.row('rd_intensity', 'N0', '2023Q1').actual, (100 * 4) / 175);
  }, 300_000);
});
