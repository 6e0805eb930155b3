import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

/*
 * The compiled CLI (`npm run build` first; `npm test` does) in a child
 * process, as a scheduler or a second analyst would start it.
 */
const bin = 'dist/src/cli/bin.js';

export interface Child {
  readonly process: ChildProcess;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

export function start(args: readonly string[]): Child {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, stderr: () => stderr, exit };
}

/** Resolves once the child's stderr contains `text` (its progress lines), or once it has exited. */
export async function until(child: Child, text: string): Promise<void> {
  let exited = false;
  void child.exit.then(() => (exited = true));
  while (!exited && !child.stderr().includes(text)) await new Promise((r) => setTimeout(r, 5));
}
