import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/present/safeFileName.js';

describe('a file named after data', () => {
  it('never climbs out of its folder, never hides, and keeps ordinary codes as they are', () => {
    expect(safeFileName('scorecard-321300')).toBe('scorecard-321300');
    expect(safeFileName('trend-rd_intensity-D-01')).toBe('trend-rd_intensity-D-01');
    expect(safeFileName('scorecard-../../../../PWNED')).toBe('scorecard-%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2FPWNED');
    expect(safeFileName('..')).toBe('%2E%2E');
    expect(safeFileName('.hidden')).toBe('%2Ehidden');
    expect(safeFileName('a/b\\c')).not.toMatch(/[/\\]/);
    expect(safeFileName('')).toBe('%');
  });

  it('gives distinct data distinct names', () => {
    const names = ['a/b', 'a%2Fb', 'a_b', 'a-b', 'ab', '泗洪', '%'];
    expect(new Set(names.map(safeFileName)).size).toBe(names.length);
  });
});
