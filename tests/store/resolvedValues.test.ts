import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvedValue } from '../../src/store/resolvedValues.js';
import type { Store } from '../../src/store/store.js';
import { memoryStore } from './storedRows.js';

let store: Store;
const q1 = 2023 * 4;

beforeEach(async () => {
  store = await memoryStore();
  // The shape src/resolve/resolveInputs.ts leaves.
  await store.run(`CREATE TEMP TABLE resolved (
      region VARCHAR, period VARCHAR, year INTEGER, quarter INTEGER, pidx INTEGER, variable VARCHAR,
      value DOUBLE, origin VARCHAR, own_obs_id BIGINT, children_sum DOUBLE, children_count INTEGER, missing_children VARCHAR[])`);
  await store.run(`INSERT INTO resolved VALUES
      ('C', '2023Q1', 2023, 1, $q1, 'gdp', 150, 'sum', NULL, 150, 2, NULL),
      ('A', '2023Q1', 2023, 1, $q1, 'gdp', 100, 'reported', 7, NULL, 0, NULL),
      ('C', '2023Q1', 2023, 1, $q1, 'rd', NULL, 'missing', NULL, NULL, 2, ['B'])`, { q1 });
});

afterEach(() => store.close());

describe('resolved values', () => {
  it('read as how each value was obtained', async () => {
    expect(await resolvedValue(store, { region: 'A', variable: 'gdp', pidx: q1 })).toEqual({
      region: 'A', period: '2023Q1', value: 100, origin: 'reported', ownObsId: 7, childrenSum: null, missingChildren: null,
    });
    expect(await resolvedValue(store, { region: 'C', variable: 'rd', pidx: q1 })).toMatchObject({ value: null, origin: 'missing', missingChildren: ['B'] });
    expect(await resolvedValue(store, { region: 'C', variable: 'gdp', pidx: q1 + 1 })).toBeUndefined();
  });

  it('an origin the resolve step does not make is refused', async () => {
    await store.run("INSERT INTO resolved VALUES ('B', '2023Q1', 2023, 1, $q1, 'gdp', 50, 'guessed', NULL, NULL, 0, NULL)", { q1 });
    await expect(resolvedValue(store, { region: 'B', variable: 'gdp', pidx: q1 })).rejects.toThrow(/resolved\.origin/);
  });
});
