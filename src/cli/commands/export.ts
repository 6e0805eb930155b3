import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDatabases } from '../../engine/findDatabase.js';
import { ExportFolderError } from '../../engine/warehouse/exportFolder.js';
import { exportWarehouse } from '../../engine/warehouse/exportWarehouse.js';
import { StoreUnusableError } from '../../store/store.js';
import { checkWritableFolder } from '../checkFolders.js';
import { exportHelp } from '../help.js';
import { openDatabase } from '../openDatabase.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';

/** `kpi export --out <folder>`: the warehouse layout of one run, for BI tools (docs/bi-tools.md). */
export async function exportCommand(args: string[], term: Terminal): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      db: { type: 'string' },
      run: { type: 'string' },
      wait: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    term.out(exportHelp);
    return 0;
  }
  if (!values.out) throw new UsageError('需要 --out 指定导出文件夹，如 out/suqian/warehouse / --out <folder> is required');
  if (values.run !== undefined && !/^[1-9]\d*$/.test(values.run)) throw new UsageError(`--run 应为正整数 / must be a run number: "${values.run}"`);
  if (values.wait !== undefined && !/^\d+(\.\d+)?$/.test(values.wait)) throw new UsageError(`--wait 应为秒数 / must be a number of seconds: "${values.wait}"`);
  const candidates = values.db ? [values.db] : defaultDatabases(values.out);
  const db = candidates.find((f) => existsSync(f));
  if (!db) throw new StoreUnusableError(candidates.join(' 或 or '), 'missing');
  await checkWritableFolder(values.out);
  const started = performance.now();
  const store = await openDatabase(db);
  try {
    const summary = await exportWarehouse(store, {
      out: values.out,
      runId: values.run === undefined ? undefined : Number(values.run),
      waitSeconds: values.wait === undefined ? 0 : Number(values.wait),
      onProgress: values.quiet ? () => {} : (m) => term.progress(m),
    });
    term.out(`导出 exported run #${summary.runId} → ${values.out}:`);
    const width = Math.max(...summary.files.map((f) => f.path.length));
    for (const f of summary.files) {
      const parts = f.parts === undefined ? '' : `，${f.parts.length} 个分区文件 partition files (${(f.partitionedBy ?? []).join(', ')})`;
      term.out(`  ${f.path.padEnd(width)}  ${f.rows} 行 rows${parts}`);
    }
    term.out(`  manifest.json`);
    term.progress(`完成 done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return 0;
  } catch (e) {
    if (e instanceof ExportFolderError) throw new UsageError(e.message);
    throw e;
  } finally {
    store.close();
  }
}
