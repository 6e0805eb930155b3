import { z } from 'zod';
import type { Region } from '../model/region.js';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/**
 * Reads of the `regions` table: every stored version of regions.csv, one
 * per load. (src/store/loadData.ts writes it; a run's working set copies one
 * version into `w_regions`.)
 */

const regionRow = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  level: z.string(),
  rollup: z.boolean(),
  ord: z.number().int(),
});

/**
 * One stored version of the regions, in the order regions.csv listed them.
 *
 * @example const regions = await storedRegions(store, inputs.regionsLoad);
 */
export async function storedRegions(store: Store, load: number): Promise<Region[]> {
  const rows = await store.all('SELECT code, name, parent, level, rollup, ord FROM regions WHERE load_id = $load ORDER BY ord', { load });
  return rows.map((row) => {
    const r = decodeRow(regionRow, row, 'regions');
    return { code: r.code, name: r.name, parent: r.parent, level: r.level, rollup: r.rollup, order: r.ord };
  });
}

const namedRow = z.object({ code: z.string(), name: z.string() });

/**
 * A region named by its code or its Chinese name, as the latest stored
 * version of the regions that has it says; a code wins over a name.
 *
 * @example await findStoredRegion(store, 'District One') // { code: 'D01', name: 'District One', … }
 */
export async function findStoredRegion(store: Store, codeOrName: string): Promise<{ code: string; name: string } | undefined> {
  const row = await store.one(
    'SELECT code, name FROM regions WHERE code = $r OR name = $r ORDER BY code = $r DESC, load_id DESC LIMIT 1',
    { r: codeOrName },
  );
  return row && decodeRow(namedRow, row, 'regions');
}

/**
 * Regions of the latest stored version whose code or name holds `text`
 * (`Dist` → District A), or whose name `text` holds: candidates for a did-you-mean.
 */
export async function regionsLike(store: Store, text: string): Promise<{ code: string; name: string }[]> {
  const rows = await store.all(
    `SELECT code, name FROM regions WHERE load_id = (SELECT max(load_id) FROM regions)
       AND (contains(name, $t) OR contains(code, $t) OR contains($t, name)) ORDER BY ord`,
    { t: text },
  );
  return rows.map((row) => decodeRow(namedRow, row, 'regions'));
}
