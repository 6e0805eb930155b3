import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observationInEffect, observationRevisions, observationSource, revisedObservations } from '../../src/store/observationHistory.js';
import type { Store } from '../../src/store/store.js';
import { addLoad, addObservation, addRunFile, memoryStore } from './storedRows.js';

/*
 * Run 1's folder holds a.csv and b.csv; run 2's holds b.csv, a revised
 * c.csv, and no longer a.csv. A's GDP for 2023Q1 is in all three files.
 */
let store: Store;
const gdp = { region: 'A', variable: 'gdp', period: '2023Q1' };

beforeEach(async () => {
  store = await memoryStore();
  await addLoad(store, { id: 1, kind: 'observations', name: 'a.csv', run: 1, ord: 0, loadedAt: '2024-01-10 09:00:00+00' });
  await addLoad(store, { id: 2, kind: 'observations', name: 'b.csv', run: 1, ord: 1, loadedAt: '2024-01-10 09:00:01+00' });
  await addRunFile(store, { run: 2, kind: 'observations', ord: 0, name: 'b.csv', load: 2 });
  await addLoad(store, { id: 3, kind: 'observations', name: 'c.csv', run: 2, ord: 1, loadedAt: '2024-01-11 09:00:00+00' });
  await addObservation(store, { id: 10, load: 1, ...gdp, value: 100, row: 2 });
  await addObservation(store, { id: 11, load: 2, ...gdp, value: 101, row: 5, note: '修订' });
  await addObservation(store, { id: 12, load: 3, ...gdp, value: 102, row: 3 });
  // Only in a.csv: withdrawn with it.
  await addObservation(store, { id: 13, load: 1, region: 'B', variable: 'gdp', period: '2023Q1', value: 50, row: 3 });
});

afterEach(() => store.close());

describe('an observation’s stored revisions', () => {
  it('are listed oldest first, each with its file, row and load time', async () => {
    const revisions = await observationRevisions(store, gdp);
    expect(revisions.map((r) => [r.obsId, r.value, r.name, r.row])).toEqual([
      [10, 100, 'a.csv', 2],
      [11, 101, 'b.csv', 5],
      [12, 102, 'c.csv', 3],
    ]);
    expect(revisions[1]).toMatchObject({ file: '/data/b.csv', runId: 1, note: '修订', column: 'value' });
    // ISO 8601 in UTC, to the millisecond: the CLI shows it on its clock.
    expect(revisions[1]?.loadedAt).toBe('2024-01-10T09:00:01.000Z');
  });

  it('the one in effect is in the file last in name order of the run’s folder', async () => {
    expect(await observationInEffect(store, 1, gdp)).toBe(11);
    expect(await observationInEffect(store, 2, gdp)).toBe(12);
    expect(await observationInEffect(store, 2, { ...gdp, region: 'B' })).toBeUndefined();
  });

  it('a source counts the revisions in the run’s folder only', async () => {
    expect(await observationSource(store, 12, 2)).toMatchObject({ value: 102, file: '/data/c.csv', row: 3, revisions: 2 });
    expect(await observationSource(store, 11, 1)).toMatchObject({ revisions: 2 });
    expect(await observationSource(store, 99, 1)).toBeUndefined();
  });

  it('between two runs, a changed value is revised and a value whose file left the folder is withdrawn', async () => {
    expect(await revisedObservations(store, 1, 2)).toEqual([
      { region: 'A', variable: 'gdp', period: '2023Q1', before: 101, after: 102, file: 'c.csv', row: 3, beforeFile: 'b.csv', withdrawn: false },
      { region: 'B', variable: 'gdp', period: '2023Q1', before: 50, after: null, file: null, row: null, beforeFile: 'a.csv', withdrawn: true },
    ]);
    expect(await revisedObservations(store, 2, 2)).toEqual([]);
  });
});
