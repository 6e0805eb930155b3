import type { Region } from '../model/region.js';
import type { Target } from '../model/target.js';
import type { Store } from './store.js';

/**
 * Reads of the working set `useRunInputs` made (src/store/runInputs.ts):
 * the regions and targets one run used, as model values.
 */

/** The run's regions in the order regions.csv listed them. */
export async function workingRegions(store: Store): Promise<Region[]> {
  const rows = await store.all<{ code: string; name: string; parent: string | null; level: string; rollup: boolean; ord: number }>(
    'SELECT code, name, parent, level, rollup, ord FROM w_regions ORDER BY ord',
  );
  return rows.map((r) => ({ code: r.code, name: r.name, parent: r.parent, level: r.level, rollup: r.rollup, order: r.ord }));
}

/** The run's target rows, in file order. */
export async function workingTargets(store: Store): Promise<Target[]> {
  return store.all<{ indicator: string; region: string; year: number; period: string | null; value: number; note: string; row: number }>(
    'SELECT indicator, region, year, period, value, note, "row" AS row FROM w_targets ORDER BY "row"',
  );
}
