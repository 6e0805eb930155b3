import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { osErrorCode } from '../diagnostics/fileAccessError.js';
import { problem } from '../diagnostics/problems.js';
import type { TableFormat } from '../read/readTable.js';
import { formatOf } from '../read/readTable.js';
import { fileAccessProblem } from './fileAccess.js';

/** A data file of a folder the engine will read. */
export interface DataFile {
  readonly name: string;
  /** The folder joined with the name. */
  readonly file: string;
  readonly format: TableFormat;
}

/** A file name as a user can read it: UTF-8 if it is, else GB18030 (what Chinese Windows writes), else UTF-8 with �. */
function readableName(bytes: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
  } catch {
    try {
      return { name: new TextDecoder('gb18030', { fatal: true }).decode(bytes), utf8: false };
    } catch {
      return { name: new TextDecoder('utf-8').decode(bytes), utf8: false };
    }
  }
}

/** Hidden files (`.DS_Store`) and the lock files Office keeps beside an open workbook (`~$data.xlsx`). */
const isSkipped = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

/**
 * The data files of a folder (observations/, plan/reports/), in name order.
 * Everything else is said, located, and never silently dropped: a file of a
 * type the engine does not read is UNSUPPORTED_DATA_FILE (its figures would
 * vanish); hidden files and Office lock files are skipped with a FILE_SKIPPED
 * note; a name that is not UTF-8 is BAD_FILE_NAME; a folder, a dangling or
 * looping symbolic link, or anything the OS refuses is FILE_ACCESS with the
 * OS code. Every such file is listed, not just the first.
 */
export async function listDataFiles(folder: string, diagnostics: Diagnostic[]): Promise<DataFile[]> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(folder, { encoding: 'buffer', withFileTypes: true });
  } catch (e) {
    diagnostics.push(fileAccessProblem(folder, osErrorCode(e) ?? 'EIO', '无法列出文件夹 / cannot list the folder'));
    return [];
  }
  const named = entries.map((entry) => ({ entry, ...readableName(entry.name) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: DataFile[] = [];
  for (const { name, utf8 } of named) {
    const file = join(folder, name);
    if (!utf8) {
      diagnostics.push(problem('BAD_FILE_NAME', { file, value: name, detail: '文件名不是 UTF-8（像是 GBK）/ the name is not UTF-8 (GBK?)' }));
      continue;
    }
    if (isSkipped(name)) {
      diagnostics.push(problem('FILE_SKIPPED', { file, value: name }));
      continue;
    }
    try {
      const s = await stat(file);
      if (s.isDirectory()) {
        diagnostics.push(fileAccessProblem(file, 'EISDIR', '是文件夹，不是文件：其中的文件不会被读取 / a folder, not a file: the files in it are not read'));
        continue;
      }
      if (!s.isFile()) {
        diagnostics.push(fileAccessProblem(file, 'ENOTREG', '不是普通文件 / not a regular file'));
        continue;
      }
    } catch (e) {
      diagnostics.push(fileAccessProblem(file, osErrorCode(e) ?? 'EIO'));
      continue;
    }
    const format = formatOf(name);
    if (!format) {
      diagnostics.push(problem('UNSUPPORTED_DATA_FILE', { file, value: name }));
      continue;
    }
    files.push({ name, file, format });
  }
  return files;
}
