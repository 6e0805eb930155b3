import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorLogPath, reportInternalError } from '../../src/cli/internalError.js';
import { reportFailure } from '../../src/cli/reportFailure.js';
import { KpiInputError } from '../../src/diagnostics/diagnostic.js';
import { FileAccessError } from '../../src/diagnostics/fileAccessError.js';
import { problem } from '../../src/diagnostics/problems.js';
import { StoreBusyError, StoreUnusableError } from '../../src/store/store.js';
import { fakeTerminal } from '../support/terminal.js';

const stackLine = /^\s+at\s/m;

/** An error as Node makes them: `EACCES: permission denied, open '…'` with code, syscall and path. */
function systemError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: refused, ${syscall} '${path}'`), { code, syscall, path, errno: -13 });
}

describe('exit statuses: one meaning each', () => {
  const cases: [string, unknown, number][] = [
    ['input rejected', new KpiInputError([problem('NOT_A_NUMBER', { file: 'a.csv', row: 2, column: 'value', value: 'x' })]), 1],
    ['a FILE_ACCESS diagnostic among the problems', new KpiInputError([problem('NOT_A_NUMBER', { file: 'a.csv' }), problem('FILE_ACCESS', { file: 'b.csv' })]), 4],
    ['the database busy', new StoreBusyError('kpi.duckdb', 42), 3],
    ['no database', new StoreUnusableError('kpi.duckdb', 'missing'), 3],
    ['a FileAccessError', new FileAccessError('/out', 'write', 'EACCES'), 4],
    ['a Node system error that escaped onFile', systemError('ENOSPC', 'write', '/out/results.csv'), 4],
    ['DuckDB unable to write its file', new Error('TransactionContext Error: Failed to commit: Could not write file "/d/kpi.duckdb": No space left on device'), 4],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')"), 5],
  ];

  it.each(cases)('%s', (_name, error, status) => {
    const term = fakeTerminal();
    expect(reportFailure(error, 'run', term)).toBe(status);
    expect(term.stderr.join('\n')).not.toMatch(stackLine);
  });

  it('names the path and says what to do for a file the OS refuses', () => {
    const term = fakeTerminal();
    reportFailure(systemError('EACCES', 'open', '/data/observations/a.csv'), 'run', term);
    expect(term.stderr.join('\n')).toContain('/data/observations/a.csv');
    expect(term.stderr.join('\n')).toContain('权限');
    expect(term.stderr.join('\n')).toContain('permission');
  });
});

describe('an internal error', () => {
  it('is one plain bilingual line, with the stack in a log file', async () => {
    const term = fakeTerminal();
    const bug = new Error('something\nbroke');
    expect(reportInternalError(bug, term, {})).toBe(5);
    expect(term.stderr).toHaveLength(1);
    const [line] = term.stderr;
    expect(line).not.toMatch(stackLine);
    expect(line).toContain('内部错误');
    expect(line).toContain('internal error');
    expect(line).toContain('something broke');
    expect(line).toContain(errorLogPath());
    const log = await readFile(errorLogPath(), 'utf8');
    expect(log).toMatch(stackLine);
    expect(log).toContain('something');
    await rm(errorLogPath(), { force: true });
  });

  it('shows the stack on stderr with KPI_DEBUG=1', () => {
    const term = fakeTerminal();
    reportInternalError(new Error('boom'), term, { KPI_DEBUG: '1' });
    expect(term.stderr.join('\n')).toMatch(stackLine);
  });

  const fatal = resolve('dist/src/cli/fatal.js');
  it.skipIf(!existsSync(fatal))('thrown outside any promise (a stream, a worker): exit 5, no stack on stderr (needs `npm run build`)', async () => {
    const script = `import { installFatalHandlers } from ${JSON.stringify(fatal)}; installFatalHandlers(); setTimeout(() => { throw new Error('late failure'); }, 1);`;
    const ran = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, KPI_DEBUG: '' } }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(ran.code).toBe(5);
    expect(ran.stderr).toContain('late failure');
    expect(ran.stderr).not.toMatch(stackLine);
    const log = /\S*kpi-error-\d+\.log/.exec(ran.stderr)?.[0];
    expect(log, ran.stderr).toBeDefined();
    expect(await readFile(log ?? '', 'utf8')).toMatch(stackLine);
    await rm(log ?? '', { force: true });
  });
});
