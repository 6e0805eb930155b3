import { cp, readFile, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { settleStagedRuns } from '../../src/publish/settleRuns.js';
import { Store } from '../../src/store/store.js';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';

/*
 * The switch of <out>/.kpi/current is the moment of publication. A run
 * stopped after its results were committed as `staged` is published if and
 * only if the link names its files; the next open of the store says so.
 */
const folder = (gdp: number) =>
  writeFolder({
    targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n',
    observations: { 'a.csv': longCsv([['A', '2023Q1', 'gdp', gdp], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q1', 'rd_expenditure', 1]]) },
  });

async function statuses(db: string): Promise<{ run_id: number; status: string }[]> {
  const store = await Store.open(db);
  try {
    await settleStagedRuns(store);
    return await store.all<{ run_id: number; status: string }>('SELECT run_id, status FROM runs ORDER BY run_id');
  } finally {
    store.close();
  }
}

async function markStaged(db: string, run: number): Promise<void> {
  const store = await Store.open(db);
  try {
    await store.run("UPDATE runs SET status = 'staged' WHERE run_id = $run", { run });
  } finally {
    store.close();
  }
}

describe('settling a run stopped around the switch', () => {
  it('a staged run whose files the current link names is published', async () => {
    const out = await tempDir('kpi-settle-');
    const first = await runJob({ data: await folder(100), out });
    // As if killed after the switch and before the status update.
    await markStaged(first.db, first.runId);
    expect(await statuses(first.db)).toEqual([{ run_id: 1, status: 'done' }]);
  });

  it('a staged run the link does not name was never published, and the next run neither uses nor shows it', async () => {
    const out = await tempDir('kpi-settle-');
    const first = await runJob({ data: await folder(100), out });
    const published = await readFile(join(out, 'results.csv'));
    const firstFiles = await readlink(join(out, '.kpi/current'));
    await cp(join(out, '.kpi', firstFiles), join(out, 'kept'), { recursive: true });
    const second = await runJob({ data: await folder(200), out });
    // As if killed after the commit and before the switch: the link still names run 1's files.
    await cp(join(out, 'kept'), join(out, '.kpi', firstFiles), { recursive: true });
    await rm(join(out, 'kept'), { recursive: true });
    await markStaged(second.db, second.runId);
    await rm(join(out, '.kpi/current'));
    await symlink(firstFiles, join(out, '.kpi/current'));
    expect((await readFile(join(out, 'results.csv'))).equals(published)).toBe(true);
    expect(await statuses(first.db)).toEqual([
      { run_id: 1, status: 'done' },
      { run_id: 2, status: 'abandoned' },
    ]);
    const third = await runJob({ data: await folder(100), out });
    expect(third.runId).toBe(3);
    expect((await readFile(join(out, 'results.csv'))).equals(published)).toBe(true);
    expect((await readdir(join(out, '.kpi'))).filter((n) => n.startsWith('pub-'))).toEqual([await readlink(join(out, '.kpi/current'))]);
  });
});
