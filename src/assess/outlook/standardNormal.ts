import { errorFunction } from 'simple-statistics';

/**
 * Φ(z), the standard normal distribution function, from simple-statistics'
 * error function: Φ(z) = (1 + erf(z / √2)) / 2. Not its
 * `cumulativeStdNormalProbability`, which looks z up in a table in steps of
 * 0.01 and returns 4 decimals (off by up to 0.002, enough to move a figure
 * across `warningProbability`); the error function is within 2e-8. Exactly
 * ½ at 0, where the approximation alone gives 0.49999998 and would make a
 * projection that meets its target exactly a warning.
 *
 * @example standardNormal(0) // 0.5
 * @example standardNormal(1.96) // 0.97500…
 */
export const standardNormal = (z: number): number => (z === 0 ? 0.5 : (1 + errorFunction(z / Math.SQRT2)) / 2);
