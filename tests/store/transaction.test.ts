import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/diagnostics/fileAccessError.js';
import { Store } from '../../src/store/store.js';
import { mountSmallDisk, smallDiskUnavailable, unmount } from '../support/smallDisk.js';

describe('Store.transaction', () => {
  it('throws the error that stopped the work, not the ROLLBACK\'s "no transaction is active"', async () => {
    const store = await Store.open(':memory:');
    try {
      const failing = store.transaction(async () => {
        // DuckDB ends the transaction by itself after a failed COMMIT or a fatal error; this does the same.
        await store.run('COMMIT');
        throw new Error('the real problem');
      });
      await expect(failing).rejects.toThrow('the real problem');
      // And the store is still usable.
      expect(await store.one<{ x: number }>('SELECT 1 AS x')).toEqual({ x: 1 });
    } finally {
      store.close();
    }
  });

  it('still rolls back whole when the work fails', async () => {
    const store = await Store.open(':memory:');
    try {
      await store.run('CREATE TABLE t (x INTEGER)');
      await expect(
        store.transaction(async () => {
          await store.run('INSERT INTO t VALUES (1)');
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await store.all('SELECT * FROM t')).toEqual([]);
    } finally {
      store.close();
    }
  });
});


const diskSkip = smallDiskUnavailable();

describe('a full disk at COMMIT', () => {
  let dir: string | undefined;

  beforeAll(() => {
    const mounted = mountSmallDisk(1);
    if (typeof mounted !== 'string') throw new Error(`cannot mount a small tmpfs (${mounted.reason})`);
    dir = mounted;
  });

  afterAll(() => {
    if (dir !== undefined) unmount(dir);
  });

  const title = diskSkip === undefined ? 'is a FileAccessError (ENOSPC) naming the database file' : `skipped: cannot mount a small tmpfs (${diskSkip})`;
  it.skipIf(diskSkip !== undefined)(title, async () => {
    const db = join(dir ?? '', 'kpi.duckdb');
    const store = await Store.open(db);
    try {
      await store.run('CREATE TABLE big (x VARCHAR)');
      const error: unknown = await store
        .transaction(() => store.run('INSERT INTO big SELECT md5(i::VARCHAR) || md5((i + 1)::VARCHAR) FROM range(200000) t(i)'))
        .then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(FileAccessError);
      expect((error as FileAccessError).osCode).toBe('ENOSPC');
      expect((error as FileAccessError).path).toBe(db);
    } finally {
      store.close();
    }
  });
});
