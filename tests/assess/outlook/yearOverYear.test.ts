import { describe, expect, it } from 'vitest';
import { yearOverYear } from '../../../src/assess/outlook/yearOverYear.js';

describe('同比 year over year (OUTLOOK.md §1)', () => {
  it('is the change from the same quarter a year earlier, and that change over the earlier figure', () => {
    expect(yearOverYear(120, 100)).toEqual({ actualPrevYear: 100, yoyChange: 20, yoyGrowth: 0.2 });
  });

  it('grows over the magnitude of the earlier figure: a loss shrinking from −40 to −30 is growth +0.25', () => {
    expect(yearOverYear(-30, -40)).toEqual({ actualPrevYear: -40, yoyChange: 10, yoyGrowth: 0.25 });
  });

  it('has a change but no growth when the earlier figure is 0', () => {
    expect(yearOverYear(5, 0)).toEqual({ actualPrevYear: 0, yoyChange: 5, yoyGrowth: null });
  });

  it('has neither change nor growth when either year has no figure', () => {
    expect(yearOverYear(5, null)).toEqual({ actualPrevYear: null, yoyChange: null, yoyGrowth: null });
    expect(yearOverYear(null, 4)).toEqual({ actualPrevYear: 4, yoyChange: null, yoyGrowth: null });
  });
});
