import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ENGINE_VERSION } from '../version.js';
import { exitCodes } from './exitCodes.js';
import type { Terminal } from './terminal.js';

/** Where an internal error's details go: `<os temp>/kpi-error-<pid>.log`. */
export const errorLogPath = (pid: number = process.pid): string => join(tmpdir(), `kpi-error-${pid}.log`);

/** The error, its stack and its causes, as a bug report needs them. */
function details(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : typeof current === 'string' ? current : inspect(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('原因 caused by:');
  }
  return parts.join('\n');
}

/**
 * A bug reached the top: the user sees one plain line (never a stack trace),
 * the stack goes to a log file, or to stderr with `KPI_DEBUG=1`. Returns 5.
 */
export function reportInternalError(e: unknown, term: Terminal, env: NodeJS.ProcessEnv = process.env): number {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 500);
  const text = details(e);
  if (env.KPI_DEBUG === '1') {
    term.err(`内部错误（程序缺陷，请报告）internal error (a bug, please report it): ${message}`);
    term.err(text);
    return exitCodes.internal;
  }
  const file = errorLogPath();
  let where: string;
  try {
    writeFileSync(file, `kpi ${ENGINE_VERSION} · node ${process.version} · ${new Date().toISOString()}\nkpi ${process.argv.slice(2).join(' ')}\n\n${text}\n`);
    where = `详情已写入 details written to ${file}`;
  } catch {
    where = '详情无法写入日志文件，设 KPI_DEBUG=1 重新运行可显示 the details could not be logged: run again with KPI_DEBUG=1 to see them';
  }
  term.err(`内部错误（程序缺陷，请报告）internal error (a bug, please report it): ${message}；${where}`);
  return exitCodes.internal;
}
