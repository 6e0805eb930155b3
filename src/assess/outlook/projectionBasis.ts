import type { SeasonalFactor } from './seasonalFactors.js';

/**
 * The factors a projection uses (OUTLOOK.md §2): the region's own history,
 * the nearest ancestor's that has any (`inherited`), or the default factor
 * when no region up the tree has history.
 */
export type ProjectionBasis =
  | { readonly kind: 'own' | 'inherited'; readonly region: string; readonly factors: readonly SeasonalFactor[] }
  | { readonly kind: 'default'; readonly factor: number };

/**
 * The default factor where no history exists: a cumulative figure at
 * quarter q is read as q quarters' worth of the year (`4 / q`); a level is
 * read as already the year-end level (`1`).
 *
 * @example defaultFactor(true, 1) // 4
 * @example defaultFactor(false, 3) // 1
 */
export const defaultFactor = (cumulative: boolean, quarter: number): number => (cumulative ? 4 / quarter : 1);

/**
 * The first region of `chain` (the figure's region, then its parent, its
 * grandparent, … up to the root) whose factors are not empty; the default
 * when none has any.
 *
 * @example
 * const g = new Map([['C', [{ year: 2022, atQuarter: 30, atYearEnd: 60, factor: 2 }]]]);
 * projectionBasis(['A', 'C'], (r) => g.get(r) ?? [], 2)
 * // { kind: 'inherited', region: 'C', factors: [{ year: 2022, atQuarter: 30, atYearEnd: 60, factor: 2 }] }
 */
export function projectionBasis(chain: readonly string[], factorsOf: (region: string) => readonly SeasonalFactor[], fallback: number): ProjectionBasis {
  for (const [i, region] of chain.entries()) {
    const factors = factorsOf(region);
    if (factors.length > 0) return { kind: i === 0 ? 'own' : 'inherited', region, factors };
  }
  return { kind: 'default', factor: fallback };
}

/**
 * The basis as the `projection_basis` column writes it.
 *
 * @example basisLabel({ kind: 'inherited', region: 'C01', factors: [] }) // 'inherited:C01'
 */
export const basisLabel = (basis: ProjectionBasis): string => (basis.kind === 'inherited' ? `inherited:${basis.region}` : basis.kind);

/** The factors of a basis as numbers: G, or the one default factor. */
export const basisFactors = (basis: ProjectionBasis): readonly number[] => (basis.kind === 'default' ? [basis.factor] : basis.factors.map((f) => f.factor));
