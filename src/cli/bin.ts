#!/usr/bin/env node
import { installFatalHandlers } from './fatal.js';
import { reportInternalError } from './internalError.js';
import { main } from './main.js';
import { processTerminal } from './terminal.js';

installFatalHandlers();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportInternalError(e, processTerminal);
  },
);
