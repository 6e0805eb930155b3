/**
 * The operating system refused to read or write a file or folder: permission
 * denied, a missing or looping path, a full disk. It is not a problem of the
 * data's content (that is a {@link KpiInputError}, exit 1) nor of the database
 * (exit 3); the CLI exits with 4 and names the path and what to do.
 */
export class FileAccessError extends Error {
  constructor(
    /** The file or folder the operation was about. */
    readonly path: string,
    /** What was being done, in plain words: 读取 read, 写入 write, 列出 list, 创建 create. */
    readonly operation: 'read' | 'write' | 'list' | 'create' | 'rename' | 'remove',
    /** The OS error code (EACCES, ENOSPC, ELOOP, …) when there is one. */
    readonly osCode: string | undefined,
    cause?: unknown,
  ) {
    super(`${operationLabel[operation]} ${path}${osCode ? ` (${osCode})` : ''}`, cause === undefined ? undefined : { cause });
    this.name = 'FileAccessError';
  }
}

const operationLabel: Record<FileAccessError['operation'], string> = {
  read: '无法读取 cannot read',
  write: '无法写入 cannot write',
  list: '无法列出 cannot list',
  create: '无法创建 cannot create',
  rename: '无法移动 cannot rename',
  remove: '无法删除 cannot remove',
};

/** The `code` of a Node system error (`EACCES`, …), if `e` is one. */
export function osErrorCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
}

/** Runs a filesystem operation; an OS error becomes a {@link FileAccessError} naming the path. */
export async function onFile<T>(path: string, operation: FileAccessError['operation'], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = osErrorCode(e);
    if (code === undefined) throw e;
    throw new FileAccessError(path, operation, code, e);
  }
}

/** What to do about an OS error, in plain words (Chinese, then English). */
export function fileAccessAdvice(osCode: string | undefined): string {
  return (osCode === undefined ? undefined : adviceByCode[osCode]) ?? '操作系统拒绝了这一操作：检查路径和权限后重新运行 / the operating system refused: check the path and its permissions, then run again';
}

const adviceByCode: Record<string, string> = {
  EACCES: '没有权限：检查该文件或文件夹的权限，或换一个位置 / permission denied: check its permissions, or choose another place',
  EPERM: '没有权限：检查该文件或文件夹的权限，或换一个位置 / not permitted: check its permissions, or choose another place',
  EROFS: '这是只读的文件系统：换一个可写的位置 / a read-only filesystem: choose a place that can be written',
  ENOSPC: '磁盘已满：腾出空间或换一个位置后重新运行 / the disk is full: free some space or choose another place, then run again',
  EDQUOT: '磁盘配额已用完：腾出空间或换一个位置 / the disk quota is used up: free some space or choose another place',
  EFBIG: '文件超过了文件系统允许的大小：换一个位置 / the file is larger than the filesystem allows: choose another place',
  ENOTDIR: '路径中有一段是文件而不是文件夹：换一个路径，或移走那个文件 / part of the path is a file, not a folder: choose another path or move that file',
  EEXIST: '这里已有一个同名文件，而需要的是文件夹：换一个路径，或移走那个文件 / a file of that name stands where a folder is needed: choose another path or move the file',
  EISDIR: '这是文件夹，而需要的是文件：换一个路径 / it is a folder where a file is needed: choose another path',
  ELOOP: '符号链接成环：修正或删除这个链接 / the symbolic links of the path form a loop: fix or remove the link',
  ENOENT: '不存在，或符号链接指向不存在的文件，或这里不能建文件：检查路径 / it does not exist, or a symbolic link points nowhere, or no file can be made there: check the path',
  ENAMETOOLONG: '路径太长：换一个短一些的路径 / the path is too long: choose a shorter one',
  EIO: '读写出错（磁盘或网络盘故障）：检查磁盘后重新运行 / an input/output error (a failing or network disk): check the disk, then run again',
  EMFILE: '同时打开的文件太多：关闭其他程序后重新运行 / too many open files: close other programs, then run again',
  ENFILE: '同时打开的文件太多：关闭其他程序后重新运行 / too many open files: close other programs, then run again',
  EBUSY: '文件正被占用：稍后重新运行 / the file is busy: run again later',
};

const operationBySyscall: Record<string, FileAccessError['operation']> = {
  mkdir: 'create',
  mkdtemp: 'create',
  scandir: 'list',
  opendir: 'list',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  write: 'write',
  copyfile: 'write',
  symlink: 'create',
};

/**
 * A Node system error (`EACCES: permission denied, open '…'`) that escaped
 * without {@link onFile}, as a {@link FileAccessError}; `undefined` for any
 * other error. The path is the error's own, else `fallbackPath`.
 */
export function asFileAccessError(e: unknown, fallbackPath?: string): FileAccessError | undefined {
  if (e instanceof FileAccessError) return e;
  const code = osErrorCode(e);
  if (code === undefined) return undefined;
  const fields = e as Error & { path?: unknown; syscall?: unknown };
  const path = typeof fields.path === 'string' ? fields.path : fallbackPath;
  if (path === undefined) return undefined;
  const operation = (typeof fields.syscall === 'string' ? operationBySyscall[fields.syscall] : undefined) ?? (['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS'].includes(code) ? 'write' : 'read');
  return new FileAccessError(path, operation, code, e);
}
