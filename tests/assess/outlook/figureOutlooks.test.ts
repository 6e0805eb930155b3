import { describe, expect, it } from 'vitest';
import type { OutlookIndicator, OutlookRow } from '../../../src/assess/outlook/figureOutlooks.js';
import { figureOutlooks } from '../../../src/assess/outlook/figureOutlooks.js';
import type { FigureOutlook } from '../../../src/model/figureResult.js';
import { expectClose } from '../../support/matchers.js';

/** A city C, its county K and K's district D. */
const parents = new Map<string, string | null>([
  ['C', null],
  ['K', 'C'],
  ['D', 'K'],
]);
const indicators: OutlookIndicator[] = [
  { id: 'firms', direction: 'higher', schedule: 'linear' },
  { id: 'share', direction: 'higher', schedule: 'level' },
  { id: 'energy', direction: 'lower', schedule: 'explicit' },
];

/** Rows of one indicator from `[region, period, actual, annual target?]`. */
const rows = (indicator: string, figures: readonly (readonly [string, string, number | null, number?])[]): OutlookRow[] =>
  figures.map(([region, period, actual, annualTarget]) => ({ indicator, region, period, actual, annualTarget: annualTarget ?? null }));

/** The outlook of the row for `region` at `period`. */
function outlookAt(all: readonly OutlookRow[], region: string, period: string): FigureOutlook {
  const i = all.findIndex((r) => r.region === region && r.period === period);
  const found = figureOutlooks(all, indicators, parents)[i];
  if (!found) throw new Error(`no row ${region} ${period}`);
  return found.outlook;
}

describe('a figure’s outlook from the run’s own figures (OUTLOOK.md §1–3)', () => {
  it('projects with the region’s own factors and gives 同比, range, probability and pace', () => {
    // C: G = [100/40, 110/50] = [2.5, 2.2]; 2023Q2 actual 60 → 60 × 2.35 = 141, range 132 … 150.
    const all = rows('firms', [
      ['C', '2021Q2', 40],
      ['C', '2021Q4', 100],
      ['C', '2022Q2', 50],
      ['C', '2022Q4', 110],
      ['C', '2023Q2', 60, 150],
    ]);
    const o = outlookAt(all, 'C', '2023Q2');
    expect(o.actualPrevYear).toBe(50);
    expect(o.yoyChange).toBe(10);
    expectClose(o.yoyGrowth, 0.2);
    expectClose(o.projected, 141);
    expectClose(o.projectedLow, 132);
    expectClose(o.projectedHigh, 150);
    // σ = 60 × sd([2.5, 2.2]) = 60 × 0.212132… = 12.7279…; P(X ≥ 150) = 1 − Φ(9 / 12.7279…) = 1 − Φ(0.7071…).
    expectClose(o.probability, 0.23975006109347663, 1e-7);
    expect(o.projectionBasis).toBe('own');
    expect(o.paceSoFar).toBe(30);
    expect(o.paceNeeded).toBe(45);
  });

  it('inherits the parent’s factors when the region has no history, and the grandparent’s when the parent has none either', () => {
    const all = rows('firms', [
      ['C', '2022Q1', 20],
      ['C', '2022Q4', 90],
      ['K', '2022Q1', 10],
      ['K', '2022Q4', 30],
      ['K', '2023Q1', 12],
      ['D', '2023Q1', 4],
    ]);
    // D has no history: K's G = [30/10 = 3] → 4 × 3 = 12, one factor, so no range.
    const d = outlookAt(all, 'D', '2023Q1');
    expect(d.projectionBasis).toBe('inherited:K');
    expect(d.projected).toBe(12);
    expect([d.projectedLow, d.projectedHigh, d.probability]).toEqual([null, null, null]);
    // K's 2022Q4 is missing in the second tree: D then uses C's G = [90/20 = 4.5].
    const noCounty = all.filter((r) => !(r.region === 'K' && r.period === '2022Q4'));
    const grand = outlookAt(noCounty, 'D', '2023Q1');
    expect(grand.projectionBasis).toBe('inherited:C');
    expect(grand.projected).toBe(18);
  });

  it('falls back to the default factor where nobody up the tree has history: 4/q cumulative, 1 for a level', () => {
    const firms = outlookAt(rows('firms', [['D', '2023Q3', 30, 50]]), 'D', '2023Q3');
    expect(firms.projectionBasis).toBe('default');
    expectClose(firms.projected, 40);
    expect(firms.probability).toBeNull();
    const share = outlookAt(rows('share', [['D', '2023Q1', 2.1, 2.2]]), 'D', '2023Q1');
    expect(share.projectionBasis).toBe('default');
    expect(share.projected).toBe(2.1);
    expect([share.paceSoFar, share.paceNeeded]).toEqual([null, null]);
  });

  it('skips a year of history whose figure at the quarter is 0', () => {
    // 2021Q2 = 0 gives no factor; 2022 gives 80/20 = 4 alone.
    const all = rows('firms', [
      ['C', '2021Q2', 0],
      ['C', '2021Q4', 70],
      ['C', '2022Q2', 20],
      ['C', '2022Q4', 80],
      ['C', '2023Q2', 25],
    ]);
    const o = outlookAt(all, 'C', '2023Q2');
    expect(o.projectionBasis).toBe('own');
    expect(o.projected).toBe(100);
    expect(o.projectedLow).toBeNull();
  });

  it('has no projection or pace at Q4 (the actual is the year-end figure), but keeps 同比', () => {
    const o = outlookAt(rows('firms', [['C', '2022Q4', 90], ['C', '2023Q4', 99, 100]]), 'C', '2023Q4');
    expect(o.actualPrevYear).toBe(90);
    expectClose(o.yoyGrowth, 0.1);
    expect([o.projected, o.projectedLow, o.projectedHigh, o.probability, o.projectionBasis, o.paceSoFar, o.paceNeeded]).toEqual([null, null, null, null, null, null, null]);
  });

  it('has no projection without an actual, and its history skips the missing year', () => {
    const all = rows('firms', [['C', '2022Q2', null], ['C', '2022Q4', 80], ['C', '2023Q2', null, 100]]);
    const o = outlookAt(all, 'C', '2023Q2');
    expect([o.actualPrevYear, o.yoyChange, o.projected, o.projectionBasis, o.paceNeeded]).toEqual([null, null, null, null, null]);
  });

  it('without an annual target projects but gives no probability and no pace', () => {
    const all = rows('firms', [['C', '2021Q2', 40], ['C', '2021Q4', 100], ['C', '2022Q2', 50], ['C', '2022Q4', 110], ['C', '2023Q2', 60]]);
    const o = outlookAt(all, 'C', '2023Q2');
    expectClose(o.projected, 141);
    expectClose(o.projectedLow, 132);
    expect([o.probability, o.paceSoFar, o.paceNeeded]).toEqual([null, null, null]);
  });

  it('for lower-is-better asks P(X ≤ target) and a reduction per quarter', () => {
    // G = [100/50, 120/50] = [2, 2.4]; 50 × 2.2 = 110 against at most 100: P(X ≤ 100) = 0.2398; (50 − 100) < 0 → the target is met so far, pace 0.
    const all = rows('energy', [['C', '2021Q2', 50], ['C', '2021Q4', 100], ['C', '2022Q2', 50], ['C', '2022Q4', 120], ['C', '2023Q2', 50, 100]]);
    const o = outlookAt(all, 'C', '2023Q2');
    expectClose(o.projected, 110);
    expectClose(o.probability, 0.2397500610934764, 1e-7);
    expect(o.paceNeeded).toBe(0);
    // Already 130 at Q2 against at most 100: cut (130 − 100) ÷ 2 = 15 a quarter.
    const over = outlookAt(rows('energy', [['C', '2023Q2', 130, 100]]), 'C', '2023Q2');
    expect(over.paceNeeded).toBe(15);
  });

  it('has a 同比 change but no growth when last year’s figure was 0', () => {
    const o = outlookAt(rows('firms', [['C', '2022Q1', 0], ['C', '2023Q1', 5]]), 'C', '2023Q1');
    expect([o.actualPrevYear, o.yoyChange, o.yoyGrowth]).toEqual([0, 5, null]);
  });
});
