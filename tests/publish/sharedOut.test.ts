import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedResultsCsv } from '../support/storedResults.js';
import { Store } from '../../src/store/store.js';
import { bigFolder } from '../support/bigFolder.js';
import { start, until } from '../support/cliChild.js';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';

/*
 * Two runs from two databases into one output folder (the compiled CLI, as
 * two analysts would start them): the second stops at once with exit 3 and
 * says who holds the folder, or waits with --wait; neither crashes, and the
 * folder ends as the last one's publication, whole.
 */
describe('two databases, one output folder', () => {
  it('the second run waits for the first or stops with exit 3; the folder holds one whole publication', async () => {
    const work = await tempDir('kpi-shared-out-');
    const out = join(work, 'out');
    // Big enough that the first run still holds the folder when the second has checked its data (seconds, not milliseconds).
    const slow = await bigFolder(800, [2021, 2022, 2023]);
    const small = await writeFolder({
      targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n',
      observations: { 'a.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'gdp', 50], ['B', '2023Q1', 'rd_expenditure', 1]]) },
    });
    const first = start(['run', '--data', slow, '--out', out, '--db', join(work, 'a.duckdb'), '--no-report']);
    await until(first, '写入数据库');

    const impatient = start(['run', '--data', small, '--out', out, '--db', join(work, 'b.duckdb'), '--no-report']);
    expect(await impatient.exit, impatient.stderr()).toBe(3);
    expect(impatient.stderr()).toContain('正被另一个进程');
    expect(impatient.stderr()).not.toMatch(/^\s+at /m);

    const patient = start(['run', '--data', small, '--out', out, '--db', join(work, 'b.duckdb'), '--no-report', '--wait', '300']);
    expect(await first.exit, first.stderr()).toBe(0);
    expect(await patient.exit, patient.stderr()).toBe(0);

    const store = await Store.open(join(work, 'b.duckdb'));
    try {
      expect(await readFile(join(out, 'results.csv'), 'utf8')).toBe(await storedResultsCsv(store, 1));
    } finally {
      store.close();
    }
  }, 300_000);
});
