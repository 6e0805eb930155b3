import { open, rename, rm } from 'node:fs/promises';
import { onFile } from '../diagnostics/fileAccessError.js';

/** What goes into a file: its bytes or text, text in slices (a million rows pass V8's string limit as one string), or a writer of the file at a path. */
export type FileContent = string | Uint8Array | Iterable<string> | ((path: string) => Promise<void>);

/** Where a file is written before it is renamed into place. */
export const partialOf = (file: string): string => `${file}.partial`;

/**
 * Writes each file beside its name, in order, and only once all are written
 * renames them into place: a reader never sees half a file, and a failure
 * leaves every file as it was (no `.partial` is left behind). An OS failure is
 * a FileAccessError naming the file. A writer given as a function may read
 * the partials written before it (results.parquet is DuckDB's reading of
 * results.json).
 *
 * @example await writeAtomically([{ file: 'out/a.csv', content: 'a\r\n' }, { file: 'out/b.json', content: '[]\n' }]);
 */
export async function writeAtomically(files: readonly { readonly file: string; readonly content: FileContent }[]): Promise<void> {
  try {
    for (const { file, content } of files) await onFile(file, 'write', () => writeContent(partialOf(file), content));
    for (const { file } of files) await onFile(file, 'rename', () => rename(partialOf(file), file));
  } finally {
    await Promise.all(files.map(({ file }) => rm(partialOf(file), { force: true })));
  }
}

async function writeContent(path: string, content: FileContent): Promise<void> {
  if (typeof content === 'function') return content(path);
  const handle = await open(path, 'w');
  try {
    if (typeof content === 'string') await handle.write(content);
    else if (content instanceof Uint8Array) await handle.write(content);
    else for (const chunk of content) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
