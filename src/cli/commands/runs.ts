import { parseArgs } from 'node:util';
import { formatTime } from '../../model/clock.js';
import { listRuns } from '../../store/runs.js';
import { runsHelp } from '../help.js';
import { openDatabase } from '../openDatabase.js';
import type { Terminal } from '../terminal.js';
import { cliTimeZone } from '../timeZone.js';

export async function runsCommand(args: string[], term: Terminal): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    term.out(runsHelp);
    return 0;
  }
  const zone = cliTimeZone();
  const store = await openDatabase(values.db);
  try {
    const runs = await listRuns(store);
    if (values.json) {
      term.out(JSON.stringify(runs, null, 2));
      return 0;
    }
    for (const r of runs) {
      const loaded = r.inputs.filter((i) => i.status === 'loaded').length;
      term.out(
        `#${r.runId}  ${formatTime(new Date(r.startedMs), zone)}  ${r.status}  ${r.asOf === null ? `${r.dataDir}（${r.inputs.length} 个文件 files，新入库 ${loaded} loaded）` : `按运行 #${r.asOf} 重算 recomputed as of run #${r.asOf}`}  结果 ${r.resultRows ?? '—'} 行  定义 definitions ${r.definitionsSha256.slice(0, 12)}  引擎 engine ${r.engineVersion}`,
      );
      for (const i of r.inputs) term.out(`      ${i.kind.padEnd(12)} ${i.name}  sha256 ${i.sha256.slice(0, 12)}  ${i.status}`);
    }
    return 0;
  } finally {
    store.close();
  }
}
