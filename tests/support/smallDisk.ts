import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Mounts a tmpfs of `megabytes` at a new folder, writable by anyone (a test
 * may run the CLI as another user); a `reason` says why it could not (not
 * root, or mounting is not allowed here), for the test's "skipped" title.
 */
export function mountSmallDisk(megabytes: number): string | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'not root' };
  const dir = mkdtempSync(join(tmpdir(), 'kpi-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
    chmodSync(dir, 0o777);
    return dir;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim() || 'mount failed' };
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
}

/** Tries a mount once (and unmounts at once) so that a skip can say why; `undefined` when a small disk can be had. */
export function smallDiskUnavailable(): string | undefined {
  const probe = mountSmallDisk(1);
  if (typeof probe !== 'string') return probe.reason;
  unmount(probe);
  return undefined;
}
