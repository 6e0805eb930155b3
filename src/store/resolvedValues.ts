import { z } from 'zod';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/**
 * Reads of the temp table `resolved` that src/resolve/resolveInputs.ts
 * leaves in the working set: each region's value of each variable for each
 * period, and how it was obtained (INDICATORS.md §3).
 */

export const resolvedOrigins = ['reported', 'sum', 'missing', 'overflow'] as const;
/** `reported`: the region's own figure; `sum`: the sum of its rollup children; `overflow`: that sum is not a finite number; `missing`. */
export type ResolvedOrigin = (typeof resolvedOrigins)[number];

/** One region's resolved value of one variable for one period. */
export interface ResolvedValue {
  readonly region: string;
  readonly period: string;
  readonly value: number | null;
  readonly origin: ResolvedOrigin;
  /** The observation the region reported itself, when it did. */
  readonly ownObsId: number | null;
  /** The complete sum of its children, when there is one (for a report, to compare). */
  readonly childrenSum: number | null;
  readonly missingChildren: readonly string[] | null;
}

const resolvedRow = z.object({
  region: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  origin: z.enum(resolvedOrigins),
  own_obs_id: z.number().int().nullable(),
  children_sum: z.number().nullable(),
  missing_children: z.array(z.string()).nullable(),
});

/**
 * A region's resolved value of a variable at a period index
 * (`year * 4 + quarter - 1`); undefined when nothing was resolved there.
 * Call after `resolveInputs`.
 *
 * @example await resolvedValue(store, { region: 'C01', variable: 'gdp', pidx: 2023 * 4 + 1 })
 */
export async function resolvedValue(store: Store, at: { region: string; variable: string; pidx: number }): Promise<ResolvedValue | undefined> {
  const row = await store.one(
    `SELECT region, period, value, origin, own_obs_id, children_sum, missing_children FROM resolved
     WHERE region = $region AND variable = $variable AND pidx = $pidx`,
    { region: at.region, variable: at.variable, pidx: at.pidx },
  );
  if (!row) return undefined;
  const r = decodeRow(resolvedRow, row, 'resolved');
  return { region: r.region, period: r.period, value: r.value, origin: r.origin, ownObsId: r.own_obs_id, childrenSum: r.children_sum, missingChildren: r.missing_children };
}
