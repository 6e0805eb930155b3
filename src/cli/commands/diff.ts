import { parseArgs } from 'node:util';
import { diffRuns } from '../../engine/diffRuns.js';
import { diffHelp } from '../help.js';
import { openDatabase } from '../openDatabase.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';

export async function diffCommand(args: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    term.out(diffHelp);
    return 0;
  }
  const [from, to] = positionals;
  if (!from || !to || positionals.length > 2 || !/^[1-9]\d*$/.test(from) || !/^[1-9]\d*$/.test(to)) {
    throw new UsageError('用法 usage: kpi diff <运行 run> <运行 run> --db <file>（运行编号为正整数 run ids）');
  }
  const store = await openDatabase(values.db);
  try {
    const diff = await diffRuns(store, Number(from), Number(to));
    if (values.json) {
      term.out(JSON.stringify(diff, null, 2));
      return 0;
    }
    term.out(`运行 run #${diff.from} → #${diff.to}：${diff.figures.length} 个数字变化 figures changed；${diff.revisedInputs.length} 项输入修订 inputs revised`);
    for (const r of diff.revisedInputs) term.out(`  修订 revised: ${r.region} ${r.variable} ${r.period}: ${r.before ?? '—'} → ${r.after ?? '—'}${r.file ? `（${r.file} 第${r.row}行）` : ''}`);
    for (const t of diff.changedTargets) term.out(`  目标 target: ${t}`);
    for (const c of diff.otherChanges) term.out(`  ${c}`);
    for (const f of diff.figures) {
      term.out(`${f.indicator} ${f.region} ${f.period}: ${f.changes.map((c) => `${c.field} ${c.before ?? '—'} → ${c.after ?? '—'}`).join('；')}`);
      for (const reason of f.reasons) term.out(`    因为 because: ${reason}`);
    }
    return 0;
  } finally {
    store.close();
  }
}
