import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDatabases } from '../../engine/findDatabase.js';
import { reportJob } from '../../engine/reportJob.js';
import { defaultCacheFolder } from '../../present/render/renderCache.js';
import { StoreUnusableError } from '../../store/store.js';
import { checkWritableFolder } from '../checkFolders.js';
import { reportHelp } from '../help.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';

export async function reportCommand(args: string[], term: Terminal): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      period: { type: 'string' },
      db: { type: 'string' },
      run: { type: 'string' },
      png: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    term.out(reportHelp);
    return 0;
  }
  if (!values.out) throw new UsageError('需要 --out / --out is required');
  if (values.period !== undefined && !/^\d{4}Q[1-4]$/.test(values.period)) {
    throw new UsageError(`--period 应为 YYYYQn，如 2023Q2 / must look like 2023Q2: "${values.period}"`);
  }
  if (values.run !== undefined && !/^[1-9]\d*$/.test(values.run)) throw new UsageError(`--run 应为正整数 / must be a run number: "${values.run}"`);
  // Looked for here, not only in reportJob, so that a missing database is exit 3 like every command's.
  const candidates = values.db ? [values.db] : defaultDatabases(values.out);
  const db = candidates.find((f) => existsSync(f));
  if (!db) throw new StoreUnusableError(candidates.join(' 或 or '), 'missing');
  await checkWritableFolder(values.out);
  const started = performance.now();
  const summary = await reportJob({
    out: values.out,
    period: values.period,
    db,
    runId: values.run === undefined ? undefined : Number(values.run),
    png: values.png === true,
    cache: values['no-cache'] ? undefined : defaultCacheFolder(),
    onProgress: values.quiet ? () => {} : (m) => term.progress(m),
  });
  for (const w of summary.warnings) term.err(`警告 chart warning: ${w}`);
  term.out(`通报 report ${summary.period}（运行 run #${summary.runId}）:`);
  term.out(`  ${summary.html}`);
  term.out(`  ${summary.xlsx}`);
  term.out(`  ${summary.charts.length} 个图表 charts × (${values.png ? '.vl.json .svg .png' : '.vl.json .svg'}) in ${summary.folder}/charts`);
  term.progress(`完成 done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}
