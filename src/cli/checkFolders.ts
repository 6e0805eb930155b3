import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FileAccessError, onFile, osErrorCode } from '../diagnostics/fileAccessError.js';

/**
 * Checks, before any work, that `folder` exists as a writable folder or can
 * be created: in the nearest existing ancestor this process must be able to
 * make a folder. That is tried for real (a folder made and removed at once):
 * `access()` says yes to root where the filesystem says no (/proc), and there
 * Node's recursive mkdir never returns. Leaves nothing behind. Throws a {@link FileAccessError} naming the
 * path (exit 4): a file where the folder should be (EEXIST), a file on the
 * way (ENOTDIR), no permission (EACCES), a read-only filesystem (EROFS).
 */
export async function checkWritableFolder(folder: string): Promise<void> {
  let path = folder;
  for (;;) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (e) {
      const code = osErrorCode(e);
      const parent = dirname(resolve(path));
      if (code === 'ENOENT' && parent !== resolve(path)) {
        path = parent;
        continue;
      }
      throw new FileAccessError(path, 'create', code, e);
    }
    if (!isFolder) throw new FileAccessError(path, 'create', path === folder ? 'EEXIST' : 'ENOTDIR');
    let probe: string;
    try {
      probe = await mkdtemp(join(path, '.kpi-write-check-'));
    } catch (e) {
      throw new FileAccessError(folder, path === folder ? 'write' : 'create', osErrorCode(e), e);
    }
    await rmdir(probe);
    return;
  }
}

/**
 * Makes sure the database file can be opened for writing: its folder can be
 * written (and with `createFolder` is created, as DuckDB will not), and an
 * existing file is one this process may read and write.
 */
export async function prepareDatabasePath(db: string, { createFolder }: { createFolder: boolean }): Promise<void> {
  const folder = dirname(db);
  try {
    await checkWritableFolder(folder);
  } catch (e) {
    // Named as the user wrote it: the database file, whichever folder on its way refused.
    throw e instanceof FileAccessError ? new FileAccessError(db, 'create', e.osCode === 'EEXIST' ? 'ENOTDIR' : e.osCode, e) : e;
  }
  if (createFolder) await onFile(folder, 'create', () => mkdir(folder, { recursive: true }));
  try {
    await access(db, constants.F_OK);
  } catch {
    return; // DuckDB creates it.
  }
  await onFile(db, 'write', () => access(db, constants.R_OK | constants.W_OK));
}
