import type { Region } from '../model/region.js';
import type { Target } from '../model/target.js';
import { z } from 'zod';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/**
 * Reads of the working set `useRunInputs` made (src/store/runInputs.ts):
 * the regions and targets one run used, as model values.
 */

/** The run's regions in the order regions.csv listed them. */
export async function workingRegions(store: Store): Promise<Region[]> {
  const rows = await store.all('SELECT code, name, parent, level, rollup, ord FROM w_regions ORDER BY ord');
  return rows.map((row) => {
    const r = decodeRow(regionRow, row, 'w_regions');
    return { code: r.code, name: r.name, parent: r.parent, level: r.level, rollup: r.rollup, order: r.ord };
  });
}

const regionRow = z.object({ code: z.string(), name: z.string(), parent: z.string().nullable(), level: z.string(), rollup: z.boolean(), ord: z.number() });
const targetRow = z.object({ indicator: z.string(), region: z.string(), year: z.number(), period: z.string().nullable(), value: z.number(), note: z.string(), row: z.number() });

/** The run's target rows, in file order. */
export async function workingTargets(store: Store): Promise<Target[]> {
  const rows = await store.all('SELECT indicator, region, year, period, value, note, "row" AS row FROM w_targets ORDER BY "row"');
  return rows.map((row) => decodeRow(targetRow, row, 'w_targets'));
}
