import { rename, rm, writeFile } from 'node:fs/promises';
import { onFile } from '../diagnostics/fileAccessError.js';

/**
 * Writes `file` beside its name and renames it into place, so a reader never
 * sees half a file; an OS failure is a FileAccessError naming the file.
 */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await onFile(file, 'write', () => writeFile(partial, content));
    await onFile(file, 'rename', () => rename(partial, file));
  } finally {
    await rm(partial, { force: true });
  }
}
