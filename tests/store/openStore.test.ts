import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/diagnostics/fileAccessError.js';
import { Store, StoreUnusableError } from '../../src/store/store.js';
import { tempDir } from '../support/fixture.js';

async function openError(path: string, options: { existing?: boolean } = {}): Promise<unknown> {
  return Store.open(path, options).then(
    (store) => {
      store.close();
      return undefined;
    },
    (e: unknown) => e,
  );
}

describe('Store.open refuses a file that is not a DuckDB database, and leaves it alone', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('kpi-store-open-');
  });

  it('a CSV file (which DuckDB 1.5 would open as an in-memory database, storing nothing)', async () => {
    const csv = join(dir, 'regions.csv');
    await writeFile(csv, 'code,name\nA,x\n');
    const e = await openError(csv);
    expect(e).toBeInstanceOf(StoreUnusableError);
    expect((e as StoreUnusableError).reason).toBe('foreign');
    expect((e as Error).message).toContain(csv);
    expect((e as Error).message).toContain('CSV');
    expect(await readFile(csv, 'utf8')).toBe('code,name\nA,x\n');
  });

  it('a SQLite file, named as one, without DuckDB trying to load (or download) its sqlite extension', async () => {
    const lite = join(dir, 'old.db');
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 1)]);
    await writeFile(lite, bytes);
    const e = await openError(lite);
    expect(e).toBeInstanceOf(StoreUnusableError);
    expect((e as Error).message).toContain('SQLite');
    expect((await readFile(lite)).equals(bytes)).toBe(true);
  });

  it('an empty file: refused (DuckDB would too), never taken as a new database', async () => {
    const empty = join(dir, 'empty.duckdb');
    await writeFile(empty, '');
    expect(((await openError(empty)) as StoreUnusableError).reason).toBe('empty');
    expect((await readFile(empty)).length).toBe(0);
  });

  it('a folder: a FileAccessError (EISDIR) naming it', async () => {
    const folder = join(dir, 'a-folder.duckdb');
    await mkdir(folder);
    const e = await openError(folder);
    expect(e).toBeInstanceOf(FileAccessError);
    expect((e as FileAccessError).osCode).toBe('EISDIR');
    expect((e as FileAccessError).path).toBe(folder);
  });

  it('a new path still creates a database, whose DuckDB never installs or loads extensions by itself', async () => {
    const store = await Store.open(join(dir, 'new.duckdb'));
    try {
      const settings = await store.all<{ name: string; value: string }>(
        "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY name",
      );
      expect(settings).toEqual([
        { name: 'autoinstall_known_extensions', value: 'false' },
        { name: 'autoload_known_extensions', value: 'false' },
      ]);
    } finally {
      store.close();
    }
    const again = await Store.open(join(dir, 'new.duckdb'));
    again.close();
  });
});

describe('Store.open with `existing` (the read-only commands)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('kpi-store-existing-');
  });

  it('a missing file is StoreUnusableError "missing", and no file appears', async () => {
    const path = join(dir, 'none.duckdb');
    expect(((await openError(path, { existing: true })) as StoreUnusableError).reason).toBe('missing');
    expect(await readFile(path).catch(() => 'absent')).toBe('absent');
  });

  it('a DuckDB database kpi did not write is refused and gets no kpi tables', async () => {
    const path = join(dir, 'other.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE mine (x INTEGER)');
    connection.closeSync();
    instance.closeSync();

    expect(((await openError(path, { existing: true })) as StoreUnusableError).reason).toBe('not-kpi');
    const check = await DuckDBInstance.create(path);
    const c = await check.connect();
    const tables = (await c.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).getRowObjectsJS();
    c.closeSync();
    check.closeSync();
    expect(tables).toEqual([{ table_name: 'mine' }]);
  });

  it('a kpi database opens', async () => {
    const path = join(dir, 'kpi.duckdb');
    (await Store.open(path)).close();
    const store = await Store.open(path, { existing: true });
    store.close();
  });
});
