import { lstat, readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { osErrorCode } from '../diagnostics/fileAccessError.js';
import { problem } from '../diagnostics/problems.js';

/** What the OS says an error code means, in plain words, for FILE_ACCESS messages. */
const osReasons: Readonly<Record<string, string>> = {
  EACCES: '没有读取权限 / permission denied',
  EPERM: '操作不被允许 / operation not permitted',
  ENOENT: '符号链接指向不存在的文件 / a symbolic link to nothing',
  ELOOP: '符号链接成环 / a symbolic link that loops',
  EISDIR: '是文件夹，不是文件 / a folder, not a file',
  ENOTDIR: '不是文件夹 / not a folder',
  EIO: '读写出错 / an input/output error',
};

/** A FILE_ACCESS diagnostic for an OS failure (`value` is the OS code: EACCES, ELOOP, …), never a stack trace. */
export function fileAccessProblem(file: string, code: string, detail?: string): Diagnostic {
  return problem('FILE_ACCESS', { file, value: code, detail: detail ?? osReasons[code] ?? code });
}

/** What is at a path: nothing (`missing`), a regular file, a folder, or an OS fault already pushed as FILE_ACCESS (`fault`). */
export type PathKind = 'missing' | 'file' | 'folder' | 'fault';

/**
 * Looks at a path without reading it. Only a path that is not there at all is
 * `missing` (the caller says FOLDER_MISSING); a dangling or looping symbolic
 * link, or one the OS will not show us, is a FILE_ACCESS fault.
 */
export async function probePath(path: string, diagnostics: Diagnostic[]): Promise<PathKind> {
  try {
    const s = await stat(path);
    if (s.isFile()) return 'file';
    if (s.isDirectory()) return 'folder';
    diagnostics.push(fileAccessProblem(path, 'ENOTREG', '不是普通文件 / not a regular file'));
    return 'fault';
  } catch (e) {
    const code = osErrorCode(e) ?? 'EIO';
    if (code === 'ENOENT') {
      const link = await lstat(path).then(
        () => true,
        () => false,
      );
      if (!link) return 'missing';
    }
    diagnostics.push(fileAccessProblem(path, code));
    return 'fault';
  }
}

/** The bytes of a file, or undefined with a FILE_ACCESS diagnostic pushed (EACCES, EISDIR, …). */
export async function readBytes(file: string, diagnostics: Diagnostic[]): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = osErrorCode(e);
    if (code === undefined) throw e;
    diagnostics.push(fileAccessProblem(file, code));
    return undefined;
  }
}
