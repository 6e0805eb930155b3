import { reportInternalError } from './internalError.js';
import { processTerminal } from './terminal.js';

/**
 * Errors outside the command's promise (a stream's 'error' event, a worker
 * thread) would make Node print a stack trace and exit 1; report them as
 * internal errors instead (exit 5).
 */
export function installFatalHandlers(): void {
  const fail = (e: unknown): void => {
    process.exitCode = reportInternalError(e, processTerminal);
    process.exit();
  };
  // A reader that stops early (`kpi runs | head -1`) closes the pipe: not a failure of kpi.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') fail(e);
      else process.exit();
    });
  }
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
