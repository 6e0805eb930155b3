import { describe, expect, it } from 'vitest';
import { basisFactors, basisLabel, defaultFactor, projectionBasis } from '../../../src/assess/outlook/projectionBasis.js';
import type { SeasonalFactor } from '../../../src/assess/outlook/seasonalFactors.js';

const g = (year: number, factor: number): SeasonalFactor => ({ year, atQuarter: 10, atYearEnd: 10 * factor, factor });
/** Factors by region: the district D has none, its county K has none, the city C has two. */
const factorsOf = (byRegion: Record<string, SeasonalFactor[]>) => (region: string) => byRegion[region] ?? [];

describe('whose history a projection uses (OUTLOOK.md §2)', () => {
  it('is the region’s own when it has any factor', () => {
    const basis = projectionBasis(['D', 'K', 'C'], factorsOf({ D: [g(2022, 2)], C: [g(2021, 3), g(2022, 4)] }), 2);
    expect(basis).toEqual({ kind: 'own', region: 'D', factors: [g(2022, 2)] });
    expect(basisLabel(basis)).toBe('own');
  });

  it('is the parent’s when the region has none', () => {
    const basis = projectionBasis(['D', 'K', 'C'], factorsOf({ K: [g(2022, 2.5)], C: [g(2022, 4)] }), 2);
    expect(basis).toEqual({ kind: 'inherited', region: 'K', factors: [g(2022, 2.5)] });
    expect(basisLabel(basis)).toBe('inherited:K');
  });

  it('is the grandparent’s when neither the region nor its parent has any', () => {
    const basis = projectionBasis(['D', 'K', 'C'], factorsOf({ C: [g(2021, 3), g(2022, 4)] }), 2);
    expect(basisLabel(basis)).toBe('inherited:C');
    expect(basisFactors(basis)).toEqual([3, 4]);
  });

  it('is the default when no region up to the root has history: 4/q for a cumulative indicator, 1 for a level', () => {
    expect(defaultFactor(true, 1)).toBe(4);
    expect(defaultFactor(true, 3)).toBeCloseTo(4 / 3, 15);
    expect(defaultFactor(false, 2)).toBe(1);
    const basis = projectionBasis(['D', 'K', 'C'], factorsOf({}), defaultFactor(true, 2));
    expect(basis).toEqual({ kind: 'default', factor: 2 });
    expect(basisLabel(basis)).toBe('default');
    expect(basisFactors(basis)).toEqual([2]);
  });
});
