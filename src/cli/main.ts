/**
 * The `kpi` command line. The pipeline it drives:
 *
 *   read (src/read) → check (src/check) → store (src/store)
 *     → resolve region values (src/resolve) → evaluate formulas (src/evaluate)
 *     → assess against targets (src/assess) → present (src/present)
 *
 * orchestrated by src/engine/runJob.ts.
 */
import { KpiInputError, formatDiagnostic, isError } from '../diagnostics/diagnostic.js';
import { StoreBusyError, StoreVersionError } from '../store/store.js';
import { ENGINE_VERSION } from '../version.js';
import { mainHelp } from './help.js';
import type { Terminal } from './terminal.js';
import { UsageError, processTerminal } from './terminal.js';

type Command = (args: string[], term: Terminal) => Promise<number>;

/** Each command is imported when called, so `kpi run` does not pay for the charting libraries. */
const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  runs: async () => (await import('./commands/runs.js')).runsCommand,
  history: async () => (await import('./commands/history.js')).historyCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
};

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[], term: Terminal = processTerminal): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    term.out(mainHelp);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    term.out(ENGINE_VERSION);
    return 0;
  }
  const load = commands[command];
  if (!load) {
    term.err(`未知命令 unknown command "${command}"\n\n${mainHelp}`);
    return 2;
  }
  try {
    return await (await load())(rest, term);
  } catch (e) {
    if (e instanceof KpiInputError) {
      const errors = e.diagnostics.filter(isError);
      for (const d of e.diagnostics) term.err(formatDiagnostic(d));
      term.err(`\n输入被拒绝，共 ${errors.length} 个错误；数据库未作任何改动。 Input rejected: ${errors.length} error(s); nothing was stored.`);
      return 1;
    }
    if (e instanceof StoreBusyError || e instanceof StoreVersionError) {
      term.err(`数据库不可用 database unavailable: ${e.message}`);
      return 3;
    }
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      term.err(`用法错误 usage: ${e.message}\n（kpi ${command} --help 查看帮助）`);
      return 2;
    }
    throw e;
  }
}
