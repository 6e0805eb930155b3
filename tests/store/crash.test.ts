import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { bigFolder } from '../support/bigFolder.js';
import { start, until } from '../support/cliChild.js';
import { tempDir, writeFolder, longCsv } from '../support/fixture.js';

/** Everything stored, serialized: two equal dumps mean nothing was added, changed or lost. */
async function dump(db: string): Promise<string> {
  const store = await Store.open(db);
  try {
    const tables = ['loads', 'regions', 'targets', 'catalogs', 'observations', 'runs', 'results'];
    const parts = [];
    for (const t of tables) parts.push(JSON.stringify(await store.all(`SELECT * FROM ${t} ORDER BY ALL`)));
    return parts.join('\n');
  } finally {
    store.close();
  }
}

const small = () =>
  writeFolder({
    targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n',
    observations: { 'a.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q1', 'rd_expenditure', 1]]) },
  });

let big: string;

beforeAll(async () => {
  big = await bigFolder(2000, Array.from({ length: 30 }, (_, i) => 1994 + i));
}, 60_000);

describe('a run killed in the middle', () => {
  it('kill -9 during the load leaves the database usable and the previous results intact', async () => {
    const out = await tempDir('kpi-kill-');
    const db = join(out, 'kpi.duckdb');
    await runJob({ data: await small(), out, db });
    const before = await dump(db);
    const resultsBefore = await readFile(join(out, 'results.csv'));

    const child = start(['run', '--data', big, '--out', out, '--db', db, '--no-report']);
    await until(child, '写入数据库 storing observations');
    // Storing 480,000 observations takes over a second: 200 ms in, the transaction is open and half written.
    await new Promise((r) => setTimeout(r, 200));
    child.process.kill('SIGKILL');
    expect(await child.exit).toBe(null); // killed, not finished

    expect(await dump(db)).toBe(before);
    expect((await readFile(join(out, 'results.csv'))).equals(resultsBefore)).toBe(true);
    // And it is usable: the next run goes through.
    const next = await runJob({ data: await small(), out, db });
    expect(next.runId).toBe(2);
  }, 120_000);
});

describe('two runs on one database at once', () => {
  it('the second stops at once with a clear message and exit 3, or waits with --wait; nothing is corrupted', async () => {
    const out = await tempDir('kpi-lock-');
    const db = join(out, 'kpi.duckdb');
    const medium = await bigFolder(300, [2021, 2022, 2023]);
    const first = start(['run', '--data', medium, '--out', join(out, 'first'), '--db', db, '--no-report']);
    await until(first, '写入数据库 storing observations');

    const second = start(['run', '--data', await small(), '--out', join(out, 'second'), '--db', db, '--no-report']);
    expect(await second.exit).toBe(3);
    expect(second.stderr()).toContain('数据库正被另一个进程');
    expect(second.stderr()).toContain('--wait');

    const patient = start(['run', '--data', await small(), '--out', join(out, 'patient'), '--db', db, '--no-report', '--wait', '120']);
    expect(await first.exit).toBe(0);
    expect(await patient.exit).toBe(0);

    const store = await Store.open(db);
    try {
      const runs = await store.all<{ run_id: number; status: string }>('SELECT run_id, status FROM runs ORDER BY run_id');
      expect(runs).toEqual([
        { run_id: 1, status: 'done' },
        { run_id: 2, status: 'done' },
      ]);
    } finally {
      store.close();
    }
  }, 240_000);
});
