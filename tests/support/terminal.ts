import type { Terminal } from '../../src/cli/terminal.js';

/** A terminal that keeps what the CLI writes: stdout lines, and stderr lines (problems and progress). */
export function fakeTerminal(): Terminal & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: (l) => stderr.push(l) };
}
