/**
 * The `kpi` command line. The pipeline it drives:
 *
 *   read (src/read) → check (src/check) → store (src/store)
 *     → resolve region values (src/resolve) → evaluate formulas (src/evaluate)
 *     → assess against targets (src/assess) → present (src/present)
 *     → publish: switch the output folder to the new files in one rename (src/publish)
 *
 * orchestrated by src/engine/runJob.ts.
 */
import { ENGINE_VERSION } from '../version.js';
import { exitCodes } from './exitCodes.js';
import { mainHelp } from './help.js';
import { reportFailure } from './reportFailure.js';
import type { Terminal } from './terminal.js';
import { processTerminal } from './terminal.js';

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
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
};

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[], term: Terminal = processTerminal): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    term.out(mainHelp);
    return command === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (command === '-v' || command === '--version') {
    term.out(ENGINE_VERSION);
    return exitCodes.ok;
  }
  const load = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!load) {
    term.err(`用法错误 usage: 未知命令 unknown command "${command}"（可用 available: ${Object.keys(commands).join(' ')}）\n\n${mainHelp}`);
    return exitCodes.usage;
  }
  try {
    return await (await load())(rest, term);
  } catch (e) {
    return reportFailure(e, command, term);
  }
}
