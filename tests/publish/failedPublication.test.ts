import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileAccessError } from '../../src/diagnostics/fileAccessError.js';
import type * as WriteResults from '../../src/present/writeResults.js';
import type * as RenderReport from '../../src/present/report/renderReport.js';
import { Store } from '../../src/store/store.js';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';

/*
 * A run that fails after its data were read — a full disk while writing
 * results, a report that cannot be drawn — publishes nothing: the store
 * holds neither its observations nor a run, <out> still shows the previous
 * publication, and the next run goes through.
 */
const folder = (data: string | undefined, gdp: number) =>
  writeFolder(
    {
      targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n',
      observations: { 'a.csv': longCsv([['A', '2023Q1', 'gdp', gdp], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q1', 'rd_expenditure', 1]]) },
    },
    data,
  );

/** Everything stored, serialized: equal dumps mean nothing was added, changed or lost. */
async function dump(db: string): Promise<string> {
  const store = await Store.open(db);
  try {
    const parts = [];
    for (const t of ['loads', 'regions', 'targets', 'observations', 'runs', 'run_files', 'results']) parts.push(JSON.stringify(await store.all(`SELECT * FROM ${t} ORDER BY ALL`)));
    return parts.join('\n');
  } finally {
    store.close();
  }
}

afterEach(() => {
  vi.doUnmock('../../src/present/writeResults.js');
  vi.doUnmock('../../src/present/report/renderReport.js');
  vi.resetModules();
});

async function failingRun(data: string, out: string, report: boolean): Promise<unknown> {
  const { runJob } = await import('../../src/engine/runJob.js');
  return runJob({ data, out, report }).then(
    () => null,
    (e: unknown) => e,
  );
}

/** A folder published once, with what the store and <out> then hold. */
async function firstPublication() {
  const { runJob } = await import('../../src/engine/runJob.js');
  const data = await folder(undefined, 100);
  const out = await tempDir('kpi-fail-');
  const first = await runJob({ data, out });
  return { data, out, first, before: await dump(first.db), csv: await readFile(join(out, 'results.csv')) };
}

describe('a run that fails while publishing', () => {
  it('a full disk while writing results leaves the store and <out> as they were', async () => {
    const { data, out, first, before, csv } = await firstPublication();

    vi.resetModules();
    vi.doMock('../../src/present/writeResults.js', async (importOriginal) => {
      const original = await importOriginal<typeof WriteResults>();
      return { ...original, writeResults: async () => Promise.reject(new FileAccessError(join(out, 'results.json'), 'write', 'ENOSPC')) };
    });
    await folder(data, 200);
    const error = await failingRun(data, out, false);
    expect(error).toBeInstanceOf(Error);
    expect((error as FileAccessError).osCode).toBe('ENOSPC');

    expect(await dump(first.db)).toBe(before);
    expect((await readFile(join(out, 'results.csv'))).equals(csv)).toBe(true);
    expect((await readdir(join(out, '.kpi'))).filter((n) => n.startsWith('pub-'))).toHaveLength(1);

    vi.doUnmock('../../src/present/writeResults.js');
    vi.resetModules();
    const { runJob: again } = await import('../../src/engine/runJob.js');
    const next = await again({ data, out });
    expect(next.runId).toBe(2);
    expect((await readFile(join(out, 'results.csv'))).equals(csv)).toBe(false);
  });

  it('a report that fails to render publishes neither the new results nor a half-drawn report', async () => {
    const { data, out, first, before, csv } = await firstPublication();

    vi.resetModules();
    vi.doMock('../../src/present/report/renderReport.js', async (importOriginal) => {
      const original = await importOriginal<typeof RenderReport>();
      return { ...original, renderReport: async () => Promise.reject(new Error('drawing failed')) };
    });
    await folder(data, 200);
    expect(await failingRun(data, out, true)).toMatchObject({ message: 'drawing failed' });
    expect(await dump(first.db)).toBe(before);
    expect((await readFile(join(out, 'results.csv'))).equals(csv)).toBe(true);
    expect((await readdir(out)).filter((n) => n.startsWith('report-'))).toEqual([]);
  });
});
