import { lstat, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FileAccessError, onFile } from '../../diagnostics/fileAccessError.js';

/** The name of the export's own description, at the top of the folder. */
export const MANIFEST_FILE = 'manifest.json';
/** What `format` says in a manifest: a folder `kpi export` wrote. */
export const WAREHOUSE_FORMAT = 'kpi-warehouse';

/** Why a folder cannot receive an export. */
export type ExportFolderProblem = 'not-a-folder' | 'run-output' | 'occupied';

const words: Record<ExportFolderProblem, string> = {
  'not-a-folder': '这不是文件夹 it is not a folder',
  'run-output': '这是 kpi run 的输出文件夹，导出会替换它的发布 it is an output folder of kpi run: an export would replace its publication',
  occupied: '文件夹里已有别的文件（不是 kpi export 写的）it already holds files kpi export did not write',
};

/**
 * The folder named for an export holds something else: a file, a run's publication, or files of its own.
 *
 * @example
 * try {
 *   await exportWarehouse(store, { out: 'out/suqian' }); // a run's output folder
 * } catch (e) {
 *   if (e instanceof ExportFolderError) return e.problem; // 'run-output'
 * }
 */
export class ExportFolderError extends Error {
  constructor(
    readonly out: string,
    readonly problem: ExportFolderProblem,
  ) {
    super(`导出文件夹 export folder ${out}：${words[problem]}；请另选一个新的或空的 --out 文件夹 / choose a new or empty --out folder`);
    this.name = 'ExportFolderError';
  }
}

/**
 * Refuses a folder an export must not replace. An export switches the
 * folder's entries to the new files (src/publish/outputFolder.ts), which
 * would move aside whatever else is there; so the folder must be missing,
 * empty, or an earlier export (its `.kpi/current` holds a manifest of
 * {@link WAREHOUSE_FORMAT}). Throws {@link ExportFolderError}.
 */
export async function checkExportFolder(out: string): Promise<void> {
  const facts = await onFile(out, 'read', () => stat(out)).catch((e: unknown) => {
    if (e instanceof FileAccessError && e.osCode === 'ENOENT') return undefined;
    throw e;
  });
  if (facts === undefined) return;
  if (!facts.isDirectory()) throw new ExportFolderError(out, 'not-a-folder');
  const entries = await onFile(out, 'list', () => readdir(out));
  if (entries.every((e) => e === '.kpi') && !(await exists(join(out, '.kpi', 'current')))) return;
  const manifest = await readFile(join(out, '.kpi', 'current', MANIFEST_FILE), 'utf8').then(
    (text) => text,
    () => undefined,
  );
  if (manifest !== undefined && formatOf(manifest) === WAREHOUSE_FORMAT) return;
  throw new ExportFolderError(out, (await exists(join(out, '.kpi', 'current'))) ? 'run-output' : 'occupied');
}

const exists = (path: string): Promise<boolean> => lstat(path).then(() => true, () => false);

function formatOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { format?: unknown }).format;
  } catch {
    return undefined;
  }
}
