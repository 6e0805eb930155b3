import { KpiInputError, formatDiagnostic, isError } from '../diagnostics/diagnostic.js';
import type { FileAccessError } from '../diagnostics/fileAccessError.js';
import { asFileAccessError, fileAccessAdvice } from '../diagnostics/fileAccessError.js';
import { OutputBusyError } from '../publish/outputLock.js';
import { StoreBusyError, StoreUnusableError, StoreVersionError, duckdbFileAccessError } from '../store/store.js';
import { exitCodes } from './exitCodes.js';
import { reportInternalError } from './internalError.js';
import type { Terminal } from './terminal.js';
import { UsageError } from './terminal.js';

type ParseArgsError = TypeError & { readonly code: string };
const isParseArgsError = (e: unknown): e is ParseArgsError => e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');

/** Node's parseArgs error in Chinese and English: which option, and what was wrong with it. */
function parseArgsMessage(e: ParseArgsError): string {
  const named = /'([^']+)'/.exec(e.message)?.[1];
  const option = named === undefined ? '' : ` "${named}"`;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知的选项${option} / unknown option${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项${option}的值不对或缺少值 / option${option} needs a value of its kind (${e.message})`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数${option} / unexpected argument${option}`;
    default:
      return `命令行参数有误 / the arguments cannot be read: ${e.message}`;
  }
}

/** One line for a file the operating system refused: what, which path, what to do. */
export const fileAccessLine = (e: FileAccessError): string => `文件无法访问 file access: ${e.message}：${fileAccessAdvice(e.osCode)}`;

/** The last line of a rejected command: what was left as it was depends on what the command would have written. */
function rejectedFooter(command: string, errors: number): string {
  if (command === 'run' || command === 'plan') return `输入被拒绝，共 ${errors} 个错误；数据库未作任何改动。 Input rejected: ${errors} error(s); nothing was stored.`;
  if (command === 'report') return `通报未生成，共 ${errors} 个错误；未写出任何文件。 No report: ${errors} error(s); nothing was written.`;
  return `查询未完成，共 ${errors} 个错误（只读命令，数据库未改动）。 Nothing to show: ${errors} error(s) (a read-only command: the database is unchanged).`;
}

/**
 * Says on the terminal why a command stopped, and returns its exit status:
 * 1 input rejected, 2 usage, 3 database unusable, 4 a file or folder the
 * operating system refused, 5 a bug (one line; the stack goes to a log file).
 */
export function reportFailure(e: unknown, command: string, term: Terminal): number {
  if (e instanceof KpiInputError) {
    const errors = e.diagnostics.filter(isError);
    for (const d of e.diagnostics) term.err(formatDiagnostic(d));
    const inaccessible = errors.filter((d) => d.code === 'FILE_ACCESS').length;
    if (inaccessible > 0) {
      term.err(`\n${inaccessible} 个文件无法访问（共 ${errors.length} 个错误）；数据库未作任何改动。 ${inaccessible} file(s) cannot be accessed (${errors.length} error(s) in all); nothing was stored.`);
      return exitCodes.fileAccess;
    }
    term.err(`\n${rejectedFooter(command, errors.length)}`);
    return exitCodes.inputRejected;
  }
  if (e instanceof StoreBusyError || e instanceof StoreVersionError || e instanceof StoreUnusableError) {
    term.err(`数据库不可用 database unavailable: ${e.message}`);
    return exitCodes.databaseUnusable;
  }
  if (e instanceof OutputBusyError) {
    term.err(`输出文件夹正被占用 output folder busy: ${e.message}`);
    return exitCodes.databaseUnusable;
  }
  if (e instanceof UsageError || isParseArgsError(e)) {
    term.err(`用法错误 usage: ${isParseArgsError(e) ? parseArgsMessage(e) : e.message}\n（kpi ${command} --help 查看帮助 for help）`);
    return exitCodes.usage;
  }
  const access = asFileAccessError(e) ?? duckdbFileAccessError(e, undefined, 'write');
  if (access) {
    term.err(fileAccessLine(access));
    return exitCodes.fileAccess;
  }
  if (isOutOfMemory(e)) {
    const stored = command === 'run' || command === 'plan' ? '数据库未作任何改动 nothing was stored' : '未写出任何文件 nothing was written';
    term.err(
      `内存不足 out of memory: DuckDB 用满了内存上限 reached its memory limit (${process.env.KPI_MEMORY_LIMIT ?? '1GB'})；${stored}。` +
        `设 KPI_MEMORY_LIMIT 加大上限再试 raise it and run again, e.g. KPI_MEMORY_LIMIT=8GB`,
    );
    return exitCodes.internal;
  }
  return reportInternalError(e, term);
}

/** DuckDB's error when an operator that cannot spill needs more than the memory limit (src/model/duckdbSettings.ts). */
const isOutOfMemory = (e: unknown): boolean => e instanceof Error && e.message.startsWith('Out of Memory Error');
