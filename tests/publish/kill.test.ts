import { cp, lstat, readFile, readdir, readlink, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storedResultsCsv } from '../support/storedResults.js';
import { lastPublished } from '../../src/store/runs.js';
import { Store } from '../../src/store/store.js';
import { start, until } from '../support/cliChild.js';
import { tempDir } from '../support/fixture.js';

/*
 * A publication is all or nothing: `kpi run` (the compiled CLI, with its
 * report) is killed with SIGKILL at instants spread over the whole run —
 * checking, storing, computing, writing results, tracking the plan,
 * drawing charts, writing the page and workbook, and the switch itself —
 * and after each kill the store and <out> must both be the old publication
 * or both the new one; then the next run must succeed.
 */
/** Kills at these fractions of a full run's duration, plus one right at each progress message. */
const fractions = Array.from({ length: 20 }, (_, i) => (i + 0.5) / 20);
const phases = ['检查数据', '写入数据库', '计算指标', '写出结果', '计划进度', '生成', '绘制图表', '写出网页与工作簿', '提交数据库', '发布运行', '完成'];

let work: string;
let data: string;
let out: string;
let db: string;
let fullRunMs: number;

const runArgs = (report: boolean) => ['run', '--data', data, '--out', out, '--db', db, ...(report ? [] : ['--no-report'])];

/** Makes the next publication differ from the last: 泗洪县's 2023Q4 GDP takes a new value. */
async function revise(value: number): Promise<void> {
  await writeFile(join(data, 'observations/09_kill_revision.csv'), `region,period,variable,value\n321324,2023Q4,gdp,${value}\n`);
}

interface State {
  /** The run the store says is published (done, or staged and named by <out>/.kpi/current). */
  readonly storeRun: number | null;
  /** The run <out>/.kpi/current's manifest names. */
  readonly outRun: number | null;
  readonly highestRun: number | null;
}

/** Reads the store and <out> as they are, with no recovery: what an outside reader would find. */
async function observe(): Promise<State> {
  const current = await readlink(join(out, '.kpi/current')).catch(() => null);
  const manifest = current === null ? null : (JSON.parse(await readFile(join(out, '.kpi', current, '.publication.json'), 'utf8')) as { runId: number; entries: string[] });
  const store = await Store.open(db);
  try {
    const runs = await store.all<{ run_id: number; status: string; publication: string | null }>('SELECT run_id, status, publication FROM runs ORDER BY run_id');
    const published = runs.filter((r) => r.status === 'done' || (r.status === 'staged' && r.publication === current));
    const storeRun = published.at(-1)?.run_id ?? null;
    if (manifest && storeRun === manifest.runId) {
      // Every file <out> shows is that run's: the results as the store holds them, and nothing else resolves.
      const csv = await storedResultsCsv(store, storeRun);
      expect(await readFile(join(out, 'results.csv'), 'utf8')).toBe(csv);
      const visible: string[] = [];
      for (const name of await readdir(out)) {
        // The store, and its published snapshot (with a copy a kill left half-made: the next run clears it).
        if (name === '.kpi' || name === 'kpi.duckdb' || name === 'kpi.duckdb.wal' || name === 'kpi.published.duckdb' || /^\.kpi\.published\.duckdb\.\w+\.partial$/.test(name)) continue;
        const isLink = await lstat(join(out, name)).then((s) => s.isSymbolicLink());
        const resolves = await stat(join(out, name)).then(() => true, () => false);
        if (!isLink || resolves) visible.push(name);
      }
      expect(visible.sort()).toEqual([...manifest.entries].sort());
      if (manifest.entries.includes('report-2023Q4')) {
        expect(await readFile(join(out, 'report-2023Q4/report.html'), 'utf8')).toContain(`运行 #${storeRun}`);
      }
    }
    return { storeRun, outRun: manifest?.runId ?? null, highestRun: runs.at(-1)?.run_id ?? null };
  } finally {
    store.close();
  }
}

describe('kpi run killed at any instant', () => {
  beforeAll(async () => {
    work = await tempDir('kpi-kill-publication-');
    data = join(work, 'data');
    out = join(work, 'out');
    db = join(out, 'kpi.duckdb');
    await cp('data/suqian', data, { recursive: true });
    await revise(300);
    const first = start(runArgs(true));
    const started = performance.now();
    expect(await first.exit, first.stderr()).toBe(0);
    fullRunMs = performance.now() - started;
  }, 120_000);

  it(`leaves the store and <out> both old or both new, after ${fractions.length + phases.length} kills, and the next run succeeds`, async () => {
    const instants = [...phases.map((p) => ({ after: p, ms: 0 })), ...fractions.map((f) => ({ after: null, ms: Math.round(f * fullRunMs) }))];
    const outcomes = { old: 0, new: 0 };
    for (const [i, instant] of instants.entries()) {
      const before = await observe();
      expect(before.storeRun).toBe(before.outRun);
      await revise(300 + i + 1);
      const child = start(runArgs(true));
      if (instant.after !== null) await until(child, instant.after);
      else await new Promise((r) => setTimeout(r, instant.ms));
      child.process.kill('SIGKILL');
      await child.exit;

      const after = await observe();
      const where = `kill ${i} (${instant.after ?? `${instant.ms} ms`}): ${JSON.stringify(after)}`;
      expect(after.storeRun, where).toBe(after.outRun);
      expect([before.storeRun, after.highestRun], where).toContain(after.storeRun);
      outcomes[after.storeRun === before.storeRun ? 'old' : 'new'] += 1;

      // The next run goes through (without the report, to keep the test short) and is published whole.
      const next = start(runArgs(false));
      expect(await next.exit, `${where}\n${next.stderr()}`).toBe(0);
      const settled = await observe();
      expect(settled.storeRun, where).toBe(settled.outRun);
      expect(settled.storeRun, where).toBe(settled.highestRun);
      // Nothing of an interrupted run is left behind: one publication folder, the link, the lock-free folder.
      expect((await readdir(join(out, '.kpi'))).sort(), where).toEqual(['current', (await readlink(join(out, '.kpi/current')))].sort());
      expect((await readdir(out)).filter((name) => name.endsWith('.partial')), where).toEqual([]);
      // and the snapshot kpi serve reads is that publication
      const snapshot = await Store.open(join(out, 'kpi.published.duckdb'), { readOnly: true });
      try {
        expect((await lastPublished(snapshot))?.runId, where).toBe(settled.storeRun);
      } finally {
        snapshot.close();
      }
    }
    // The kills were spread: some before the switch (old), and — killed after it — some already new.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
    expect(outcomes.old + outcomes.new).toBe(instants.length);
  }, 900_000);
});
