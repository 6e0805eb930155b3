import { spawnSync } from 'node:child_process';

/**
 * Why the permission tests, which run a child as nobody (uid 65534) when the
 * suite runs as root, cannot run here; undefined when they can. A checkout
 * under a private folder (`mktemp -d` makes it 0700) is out of nobody's
 * reach, and every such child would fail for that reason alone.
 */
export function nobodySkip(): string | undefined {
  if (process.getuid === undefined) return 'skipped: no POSIX users on this platform';
  if (process.getuid() !== 0) return undefined;
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(process.cwd())}, require('node:fs').constants.R_OK | require('node:fs').constants.X_OK)`], { uid: 65534, gid: 65534 });
  return probe.status === 0 ? undefined : `skipped: nobody (uid 65534) cannot reach the checkout ${process.cwd()} (a parent folder is private, e.g. mktemp -d's 0700)`;
}
