import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findStoredRegion, storedRegions } from '../../src/store/regionsStore.js';
import type { Store } from '../../src/store/store.js';
import { addLoad, memoryStore } from './storedRows.js';

let store: Store;

async function addRegion(load: number, code: string, name: string, parent: string | null, ord: number, rollup = true): Promise<void> {
  await store.run('INSERT INTO regions VALUES ($load, $code, $name, $parent, $level, $rollup, $ord)', { load, code, name, parent, level: parent ? 'district' : 'city', rollup, ord });
}

beforeEach(async () => {
  store = await memoryStore();
  await addLoad(store, { id: 1, kind: 'regions', name: 'regions.csv' });
  await addLoad(store, { id: 2, kind: 'regions', name: 'regions.csv' });
  // Listed B before A; the zone is not summed into the city.
  await addRegion(1, 'C', 'City', null, 0);
  await addRegion(1, 'B', 'District B', 'C', 1);
  await addRegion(1, 'A', 'District A', 'C', 2);
  await addRegion(1, 'Z', 'Zone', 'C', 3, false);
  // The second version renames A, and names a new region with A's old name's code.
  await addRegion(2, 'C', 'City', null, 0);
  await addRegion(2, 'A', 'Old Town', 'C', 1);
  await addRegion(2, 'B', 'A', 'C', 2);
});

afterEach(() => store.close());

describe('stored regions', () => {
  it('one version reads as regions.csv listed it, with parent and rollup', async () => {
    expect(await storedRegions(store, 1)).toEqual([
      { code: 'C', name: 'City', parent: null, level: 'city', rollup: true, order: 0 },
      { code: 'B', name: 'District B', parent: 'C', level: 'district', rollup: true, order: 1 },
      { code: 'A', name: 'District A', parent: 'C', level: 'district', rollup: true, order: 2 },
      { code: 'Z', name: 'Zone', parent: 'C', level: 'district', rollup: false, order: 3 },
    ]);
    expect(await storedRegions(store, 9)).toEqual([]);
  });

  it('a region named by code or name is found in the latest version that has it; a code beats a name', async () => {
    expect(await findStoredRegion(store, 'A')).toEqual({ code: 'A', name: 'Old Town' });
    expect(await findStoredRegion(store, 'District A')).toEqual({ code: 'A', name: 'District A' });
    expect(await findStoredRegion(store, 'Zone')).toEqual({ code: 'Z', name: 'Zone' });
    expect(await findStoredRegion(store, 'nowhere')).toBeUndefined();
  });
});
