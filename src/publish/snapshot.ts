import { randomBytes } from 'node:crypto';
import { copyFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onFile } from '../diagnostics/fileAccessError.js';
import type { Store } from '../store/store.js';

/**
 * The published snapshot of a database: a read-only copy of the store as of
 * its last publication, beside it (`kpi.duckdb` → `kpi.published.duckdb`).
 *
 * DuckDB lets one process at a time hold a database file, so a server or BI
 * tool that kept `kpi.duckdb` open would make the next `kpi run` fail. They
 * read the snapshot instead: every publication copies the store aside and
 * renames the copy over the snapshot in one `rename(2)`. A reader that has
 * the old snapshot open keeps reading it (the old file lives on until it is
 * closed) and sees the new one when it opens the path again; the run never
 * waits for a reader, nor a reader for the run.
 *
 * @example snapshotPath('out/suqian/kpi.duckdb') // 'out/suqian/kpi.published.duckdb'
 */
export const snapshotPath = (db: string): string => join(dirname(db), `${basename(db).replace(/\.duckdb$/i, '')}.published.duckdb`);

/**
 * Writes the snapshot of `store` (the process must hold it, as a run does
 * after publishing): a checkpoint folds the write-ahead log into the file,
 * the file is copied beside the snapshot and renamed over it. Returns the
 * snapshot's path.
 */
export async function publishSnapshot(store: Store): Promise<string> {
  const target = snapshotPath(store.path);
  const prefix = `.${basename(target)}.`;
  // A copy left by a run stopped mid-way is never renamed into place: this run, holding the store, clears it.
  for (const name of await readdir(dirname(target)).catch(() => [])) {
    if (name.startsWith(prefix) && name.endsWith('.partial')) await rm(join(dirname(target), name), { force: true });
  }
  const partial = join(dirname(target), `${prefix}${randomBytes(4).toString('hex')}.partial`);
  await store.run('CHECKPOINT');
  try {
    await onFile(partial, 'write', () => copyFile(store.path, partial));
    await onFile(target, 'rename', () => rename(partial, target));
  } catch (e) {
    await rm(partial, { force: true }).catch(() => {});
    throw e;
  }
  return target;
}
