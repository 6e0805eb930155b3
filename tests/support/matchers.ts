import { expect } from 'vitest';

/** Asserts a number equals a hand-computed value to 1e-9 (relative for large values). */
export function expectClose(actual: unknown, expected: number, tolerance = 1e-9): void {
  expect(typeof actual, `expected a number, got ${String(actual)}`).toBe('number');
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * scale);
}

/** The codes of a result row's findings, in order. */
export const codesOf = (row: { readonly findings: readonly { readonly code: string }[] }): string[] => row.findings.map((f) => f.code);

/**
 * vitest's asymmetric matchers typed `unknown`. vitest types them `any`, so they
 * fit any slot of an expected value; in an object literal that `any` is an
 * unsafe assignment to the type-aware lint. `unknown` fits the same slots.
 *
 * @example
 * expect(diff).toEqual({ before: like.any(Number), after: 300.5 });
 */
export const like = {
  any: (type: unknown): unknown => expect.any(type),
  closeTo: (expected: number, digits?: number): unknown => expect.closeTo(expected, digits),
  objectContaining: (expected: object): unknown => expect.objectContaining(expected),
  stringContaining: (expected: string): unknown => expect.stringContaining(expected),
};
