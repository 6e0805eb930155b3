import { parseArgs } from 'node:util';
import { observationHistory } from '../../engine/history.js';
import { formatTime } from '../../model/clock.js';
import { historyHelp } from '../help.js';
import { openDatabase } from '../openDatabase.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';
import { cliTimeZone } from '../timeZone.js';

export async function historyCommand(args: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    term.out(historyHelp());
    return 0;
  }
  const [region, variable, period] = positionals;
  if (!region || !variable || !period || positionals.length > 3) throw new UsageError('用法 usage: kpi history <地区 region> <基础数据项 variable> <期别 period> --db <file>');
  const zone = cliTimeZone();
  const store = await openDatabase(values.db);
  try {
    const history = await observationHistory(store, region, variable, period);
    if (values.json) {
      term.out(JSON.stringify(history, null, 2));
      return 0;
    }
    term.out(`${history.regionName ?? ''}(${history.region}) ${history.variableName ?? ''}(${history.variable}) ${history.period}：共 ${history.revisions.length} 个版本 revisions`);
    for (const [i, r] of history.revisions.entries()) {
      term.out(
        `${r.current ? '* ' : '  '}#${i + 1}  值 value ${r.value}  ${formatTime(new Date(r.loadedAt), zone)}  运行 run #${r.runId ?? '—'}  ${r.name} 第${r.row}行 row ${r.row} 列 "${r.column}"  sha256 ${r.sha256.slice(0, 12)}${r.note ? `  备注 ${r.note}` : ''}`,
      );
    }
    term.out('（* 为当前有效版本 the revision in effect）');
    return 0;
  } finally {
    store.close();
  }
}
