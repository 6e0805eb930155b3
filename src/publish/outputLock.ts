import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileAccessError, onFile, osErrorCode } from '../diagnostics/fileAccessError.js';

/** Another process is publishing into the same output folder (possibly from another database). */
export class OutputBusyError extends Error {
  constructor(
    readonly out: string,
    readonly pid: number,
  ) {
    super(`输出文件夹 ${out} 正被另一个进程（PID ${pid}）写入，请等它完成后再运行，或加 --wait 秒数 / the output folder ${out} is being published by another process (PID ${pid}); run again when it has finished, or pass --wait <seconds>`);
    this.name = 'OutputBusyError';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return osErrorCode(e) === 'EPERM';
  }
};

/**
 * Takes `<out>/.kpi/lock` for this process, so one publisher at a time
 * writes an output folder. A lock left by a process that no longer exists
 * (a killed run) is taken over. Waits up to `waitSeconds`, then throws
 * {@link OutputBusyError}. Returns the release function.
 */
export async function lockOutput(out: string, waitSeconds = 0): Promise<() => Promise<void>> {
  const folder = join(out, '.kpi');
  const lock = join(folder, 'lock');
  await onFile(folder, 'create', () => mkdir(folder, { recursive: true }));
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    // The lock appears whole or not at all: written under a private name, then hard-linked into place.
    const mine = join(folder, `lock-${process.pid}-${randomBytes(4).toString('hex')}`);
    await onFile(mine, 'write', () => writeFile(mine, `${process.pid}\n`));
    try {
      await link(mine, lock);
      await removeStalePrivateFiles(folder);
      return async () => {
        await rm(lock, { force: true }).catch(() => {});
      };
    } catch (e) {
      const code = osErrorCode(e);
      if (code !== 'EEXIST') throw code === undefined ? e : new FileAccessError(lock, 'create', code, e);
    } finally {
      await rm(mine, { force: true });
    }
    const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new OutputBusyError(out, holder);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A process killed between writing its private lock file and removing it leaves `lock-<pid>-…` behind. */
async function removeStalePrivateFiles(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    const pid = /^lock-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) await rm(join(folder, name), { force: true });
  }
}
