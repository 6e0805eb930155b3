import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { targetChanges, targetRowsFor } from '../../src/store/targetsStore.js';
import { addLoad, memoryStore } from './storedRows.js';

let store: Store;

async function addTarget(load: number, t: { indicator?: string; region: string; year?: number; period?: string | null; value: number; row: number; note?: string }): Promise<void> {
  await store.run('INSERT INTO targets VALUES ($load, $indicator, $region, $year, $period, $value, $note, $row)', {
    load,
    indicator: t.indicator ?? 'rd',
    region: t.region,
    year: t.year ?? 2023,
    period: t.period ?? null,
    value: t.value,
    note: t.note ?? '',
    row: t.row,
  });
}

beforeEach(async () => {
  store = await memoryStore();
  await addLoad(store, { id: 1, kind: 'targets', name: 'targets.csv' });
  await addLoad(store, { id: 2, kind: 'targets', name: 'targets.csv' });
  await addTarget(1, { region: 'C', value: 2.5, row: 2, note: '市定' });
  await addTarget(1, { region: 'A', period: '2023Q2', value: 1.1, row: 3 });
  await addTarget(1, { region: 'A', period: '2023Q1', value: 0.5, row: 4 });
  await addTarget(1, { region: 'C', year: 2024, value: 2.8, row: 5 });
  await addTarget(1, { region: 'B', value: 1, row: 6 });
  // Version 2: C's 2023 target changed, A's Q1 point dropped, a new indicator's target added.
  await addTarget(2, { region: 'C', value: 2.6, row: 2 });
  await addTarget(2, { region: 'A', period: '2023Q2', value: 1.1, row: 3 });
  await addTarget(2, { region: 'C', year: 2024, value: 2.8, row: 4 });
  await addTarget(2, { region: 'B', value: 1, row: 5 });
  await addTarget(2, { indicator: 'gdp_growth', region: 'C', value: 6, row: 6 });
});

afterEach(() => store.close());

describe('stored targets', () => {
  it('a figure’s target rows: the annual target of the region it is taken from and its own schedule point, in file order', async () => {
    const rows = await targetRowsFor(store, 1, { indicator: 'rd', region: 'A', annualFrom: 'C', period: '2023Q2' });
    expect(rows).toEqual([
      { file: '/data/targets.csv', row: 2, year: 2023, period: null, value: 2.5, note: '市定' },
      { file: '/data/targets.csv', row: 3, year: 2023, period: '2023Q2', value: 1.1, note: '' },
    ]);
  });

  it('changes between two versions: changed, removed and added rows, by indicator, region, year and period', async () => {
    expect(await targetChanges(store, 1, 2)).toEqual([
      { indicator: 'gdp_growth', region: 'C', year: 2023, period: null, before: null, after: 6 },
      { indicator: 'rd', region: 'A', year: 2023, period: '2023Q1', before: 0.5, after: null },
      { indicator: 'rd', region: 'C', year: 2023, period: null, before: 2.5, after: 2.6 },
    ]);
    expect(await targetChanges(store, 2, 2)).toEqual([]);
  });
});
