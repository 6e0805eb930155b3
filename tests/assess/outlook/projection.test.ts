import { describe, expect, it } from 'vitest';
import { factorStatistics, projection } from '../../../src/assess/outlook/projection.js';
import { expectClose } from '../../support/matchers.js';

describe('the year-end projection (OUTLOOK.md §2)', () => {
  it('is actual × mean(G), with the range actual × min(G) … actual × max(G) and the chance of meeting the target', () => {
    // G = [2, 2.4]: mean 2.2, sd (n − 1) 0.28284…; σ = 50 × 0.28284… = 14.1421…; z = (100 − 110) / 14.1421… = −0.70711.
    const p = projection({ actual: 50, factors: [2, 2.4], annualTarget: 100, direction: 'higher' });
    expectClose(p.projected, 110);
    expect([p.projectedLow, p.projectedHigh]).toEqual([100, 120]);
    expectClose(p.probability, 0.7602499389065236, 1e-7);
  });

  it('with three factors uses the sample standard deviation (n − 1)', () => {
    // G = [2, 2.5, 3]: mean 2.5, sd 0.5; σ = 10 × 0.5 = 5; P(X ≥ 30) = P(Z ≥ 1) = 0.1587.
    expect(factorStatistics([2, 2.5, 3])).toEqual({ mean: 2.5, min: 2, max: 3, sd: 0.5 });
    const p = projection({ actual: 10, factors: [2, 2.5, 3], annualTarget: 30, direction: 'higher' });
    expect(p.projected).toBe(25);
    expectClose(p.probability, 0.15865525393145707, 1e-7);
  });

  it('for lower-is-better is the chance of ending at or below the target: P(X ≤ target)', () => {
    const p = projection({ actual: 50, factors: [2, 2.4], annualTarget: 100, direction: 'lower' });
    expectClose(p.probability, 0.2397500610934764, 1e-7);
  });

  it('with one factor has no range and no probability', () => {
    const p = projection({ actual: 50, factors: [2.2], annualTarget: 100, direction: 'higher' });
    expectClose(p.projected, 110);
    expect([p.projectedLow, p.projectedHigh, p.probability]).toEqual([null, null, null]);
  });

  it('with equal factors (sd = 0) is certain: probability 1 when the projection meets the target, exactly counting, else 0', () => {
    expect(factorStatistics([2, 2, 2]).sd).toBe(0);
    expect(projection({ actual: 50, factors: [2, 2, 2], annualTarget: 100, direction: 'higher' }).probability).toBe(1);
    expect(projection({ actual: 50, factors: [2, 2, 2], annualTarget: 100.5, direction: 'higher' }).probability).toBe(0);
    expect(projection({ actual: 50, factors: [2, 2], annualTarget: 100, direction: 'lower' }).probability).toBe(1);
    expect(projection({ actual: 50, factors: [2, 2], annualTarget: 99, direction: 'lower' }).probability).toBe(0);
  });

  it('with an actual of 0 has a standard deviation of 0: certain either way', () => {
    const p = projection({ actual: 0, factors: [2, 3], annualTarget: 5, direction: 'higher' });
    expect(p.projected).toBe(0);
    expect(p.probability).toBe(0);
  });

  it('without an annual target keeps the projection and range but has no probability', () => {
    const p = projection({ actual: 50, factors: [2, 2.4], annualTarget: null, direction: 'higher' });
    expectClose(p.projected, 110);
    expect([p.projectedLow, p.projectedHigh, p.probability]).toEqual([100, 120, null]);
  });

  it('writes the ends as actual × min(G) and actual × max(G) also for a negative actual', () => {
    const p = projection({ actual: -10, factors: [1, 2], annualTarget: null, direction: 'higher' });
    expect([p.projectedLow, p.projectedHigh]).toEqual([-10, -20]);
  });

  it('is null, never Infinity, when the product is too large for a number', () => {
    expect(projection({ actual: 1e308, factors: [10], annualTarget: null, direction: 'higher' }).projected).toBeNull();
  });
});
