import { describe, expect, it } from 'vitest';
import { meetingProbability } from '../../../src/assess/outlook/meetingProbability.js';
import { standardNormal } from '../../../src/assess/outlook/standardNormal.js';
import { expectClose } from '../../support/matchers.js';

describe('the chance of meeting the annual target (OUTLOOK.md §2)', () => {
  it('uses the normal distribution function to within 1e-7 (not a table in steps of 0.01), and ½ exactly at 0', () => {
    expect(standardNormal(0)).toBe(0.5);
    expectClose(standardNormal(1.96), 0.9750021048517796, 1e-7);
    expectClose(standardNormal(-1), 0.15865525393145707, 1e-7);
    expectClose(standardNormal(0.3333), 0.6305460803074295, 1e-7);
  });

  it('is P(X ≥ target) for higher-is-better: one sd above the projection is 0.1587', () => {
    expectClose(meetingProbability({ mean: 100, sd: 10, target: 110, direction: 'higher' }), 0.15865525393145707, 1e-7);
  });

  it('is P(X ≤ target) for lower-is-better: a target one sd above the projection is met with 0.8413', () => {
    expectClose(meetingProbability({ mean: 100, sd: 10, target: 110, direction: 'lower' }), 0.8413447460685429, 1e-7);
  });

  it('is ½ when the projection is the target', () => {
    expect(meetingProbability({ mean: 100, sd: 10, target: 100, direction: 'higher' })).toBe(0.5);
    expect(meetingProbability({ mean: 100, sd: 10, target: 100, direction: 'lower' })).toBe(0.5);
  });

  it('is 1 or 0 with a standard deviation of 0, meeting the target exactly counting as met', () => {
    expect(meetingProbability({ mean: 100, sd: 0, target: 100, direction: 'higher' })).toBe(1);
    expect(meetingProbability({ mean: 99.9, sd: 0, target: 100, direction: 'higher' })).toBe(0);
    expect(meetingProbability({ mean: 100, sd: 0, target: 100, direction: 'lower' })).toBe(1);
    expect(meetingProbability({ mean: 100.1, sd: 0, target: 100, direction: 'lower' })).toBe(0);
  });
});
