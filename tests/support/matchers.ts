import { expect } from 'vitest';

/** Asserts a number equals a hand-computed value to 1e-9 (relative for large values). */
export function expectClose(actual: unknown, expected: number, tolerance = 1e-9): void {
  expect(typeof actual, `expected a number, got ${String(actual)}`).toBe('number');
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * scale);
}
