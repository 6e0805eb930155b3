import { describe, expect, it } from 'vitest';
import { pace } from '../../../src/assess/outlook/pace.js';
import { expectClose } from '../../support/matchers.js';

describe('the pace needed, 需季均完成 (OUTLOOK.md §3)', () => {
  it('is the average per quarter so far and what each remaining quarter must add', () => {
    const p = pace({ actual: 30, annualTarget: 100, quarter: 1, direction: 'higher', cumulative: true });
    expect(p.paceSoFar).toBe(30);
    expectClose(p.paceNeeded, 70 / 3);
  });

  it('for lower-is-better is the reduction each remaining quarter must make', () => {
    // 80 so far at Q2 against at most 60: (80 − 60) ÷ 2 = 10 a quarter to cut.
    expect(pace({ actual: 80, annualTarget: 60, quarter: 2, direction: 'lower', cumulative: true })).toEqual({ paceSoFar: 40, paceNeeded: 10 });
  });

  it('needs 0 once the target is met', () => {
    expect(pace({ actual: 120, annualTarget: 100, quarter: 2, direction: 'higher', cumulative: true })).toEqual({ paceSoFar: 60, paceNeeded: 0 });
    expect(pace({ actual: 100, annualTarget: 100, quarter: 3, direction: 'higher', cumulative: true }).paceNeeded).toBe(0);
    expect(pace({ actual: 50, annualTarget: 60, quarter: 1, direction: 'lower', cumulative: true }).paceNeeded).toBe(0);
  });

  it('is null at Q4, for a level indicator, and without an actual or an annual target', () => {
    const none = { paceSoFar: null, paceNeeded: null };
    expect(pace({ actual: 90, annualTarget: 100, quarter: 4, direction: 'higher', cumulative: true })).toEqual(none);
    expect(pace({ actual: 2.1, annualTarget: 2.2, quarter: 2, direction: 'higher', cumulative: false })).toEqual(none);
    expect(pace({ actual: null, annualTarget: 100, quarter: 2, direction: 'higher', cumulative: true })).toEqual(none);
    expect(pace({ actual: 40, annualTarget: null, quarter: 2, direction: 'higher', cumulative: true })).toEqual(none);
  });
});
