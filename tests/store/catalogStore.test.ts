import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedVariableNames } from '../../src/store/catalogStore.js';
import type { Store } from '../../src/store/store.js';
import { memoryStore } from './storedRows.js';

let store: Store;

beforeEach(async () => {
  store = await memoryStore();
});

afterEach(() => store.close());

describe('stored catalogs', () => {
  it('name their variables in catalog order without rebuilding the catalog', async () => {
    const variables = [{ code: 'gdp', name: '地区生产总值', unit: '亿元' }, { code: 'rd', name: '研发经费' }];
    await store.run("INSERT INTO catalogs VALUES ('abc', CAST($v AS JSON), '[]')", { v: JSON.stringify(variables) });
    expect(await storedVariableNames(store, 'abc')).toEqual([{ code: 'gdp', name: '地区生产总值' }, { code: 'rd', name: '研发经费' }]);
    expect(await storedVariableNames(store, 'nothing-stored')).toEqual([]);
  });

  it('refuse variables stored without a code or name', async () => {
    await store.run("INSERT INTO catalogs VALUES ('bad', CAST($v AS JSON), '[]')", { v: JSON.stringify([{ code: 'gdp' }]) });
    await expect(storedVariableNames(store, 'bad')).rejects.toThrow(/catalogs\.variables/);
  });
});
