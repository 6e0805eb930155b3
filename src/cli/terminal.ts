/** The CLI's only door to the terminal: results on stdout, progress and problems on stderr. */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  progress(line: string): void;
}

export const processTerminal: Terminal = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (line) => process.stderr.write(`· ${line}\n`),
};

/** A mistake in how the command was called (exit status 2). */
export class UsageError extends Error {}
