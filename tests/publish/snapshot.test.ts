import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { snapshotPath } from '../../src/publish/snapshot.js';
import { lastPublished } from '../../src/store/runs.js';
import { Store } from '../../src/store/store.js';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';

const folder = () =>
  writeFolder({
    observations: { 'q1.csv': longCsv([['A', '2023Q1', 'gdp', 10], ['B', '2023Q1', 'gdp', 20], ['A', '2023Q1', 'rd_expenditure', 1], ['B', '2023Q1', 'rd_expenditure', 1]]) },
  });

describe('the published snapshot', () => {
  it('sits beside the store and is named after it', () => {
    expect(snapshotPath('out/x/kpi.duckdb')).toBe(join('out/x', 'kpi.published.duckdb'));
    expect(snapshotPath('/d/city.duckdb')).toBe('/d/city.published.duckdb');
  });

  it('is refreshed by every publication, read-only, and holds the run just published', async () => {
    const data = await folder();
    const out = await tempDir();
    const first = await runJob({ data, out });
    expect(first.snapshot).toEqual({ path: join(out, 'kpi.published.duckdb') });
    const before = await stat(join(out, 'kpi.published.duckdb'));
    const second = await runJob({ data, out });
    const after = await stat(second.snapshot?.path ?? '');
    expect(after.ino).not.toBe(before.ino); // a new file renamed into place, never the old one rewritten

    const snapshot = await Store.open(second.snapshot?.path ?? '', { readOnly: true });
    try {
      expect((await lastPublished(snapshot))?.runId).toBe(2);
      await expect(snapshot.run('CREATE TABLE x (a INTEGER)')).rejects.toThrow(/read-only/i);
    } finally {
      snapshot.close();
    }
  });

  it('is left alone by a dry run', async () => {
    const data = await folder();
    const out = await tempDir();
    await runJob({ data, out });
    const before = await stat(join(out, 'kpi.published.duckdb'));
    const rehearsal = await runJob({ data, out, dryRun: true });
    expect(rehearsal.snapshot).toBeNull();
    expect((await stat(join(out, 'kpi.published.duckdb'))).ino).toBe(before.ino);
  });

  it('failing to refresh it does not undo the publication: the run is done and says why', async () => {
    const data = await folder();
    const out = await tempDir();
    await mkdir(join(out, 'kpi.published.duckdb', 'in-the-way'), { recursive: true });
    await writeFile(join(out, 'kpi.published.duckdb', 'in-the-way', 'f'), 'x');
    const summary = await runJob({ data, out });
    expect(summary.snapshot?.problem).toMatch(/kpi\.published\.duckdb/);
    const store = await Store.open(join(out, 'kpi.duckdb'), { existing: true });
    try {
      expect((await lastPublished(store))?.runId).toBe(summary.runId);
    } finally {
      store.close();
    }
  });
});
