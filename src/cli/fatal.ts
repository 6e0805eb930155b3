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
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
