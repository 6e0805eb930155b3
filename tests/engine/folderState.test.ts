import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/engine/runJob.js';
import { main } from '../../src/cli/main.js';
import { runJob } from '../../src/engine/runJob.js';
import { tempDir } from '../support/fixture.js';
import { like } from '../support/matchers.js';
import { fakeTerminal } from '../support/terminal.js';

/*
 * CONTRACT.md: the results are a function of the data folder as it is now,
 * never of the order in which its files reached the database. One folder is
 * run again and again into one long-lived database while files are added,
 * edited, copied, renamed and removed; after every step a fresh database on
 * the same folder must publish byte-identical results files.
 */
const published = ['results.csv', 'results.json', 'results.parquet', 'plan-milestones.csv', 'plan-units.csv'];
const now = new Date('2024-04-20T02:00:00Z');
/** 泗洪县 (321324) GDP for 2023H1 in the sample, the denominator of its R&D intensity. */
const gdp = 286.16;

let work: string;
let data: string;
const longLived = (): string => join(work, 'long');

async function run(out: string): Promise<RunSummary> {
  return runJob({ data, out, now });
}

/** Runs the folder into the long-lived output and into a fresh one, and asserts every results file is the same. */
async function expectSameAsFresh(step: string): Promise<{ long: RunSummary; csv: string }> {
  const long = await run(longLived());
  const fresh = join(work, `fresh-${step}`);
  await run(fresh);
  for (const file of published) {
    const [a, b] = [await readFile(join(longLived(), file)), await readFile(join(fresh, file))];
    expect(a.equals(b), `${step}: ${file} differs from a fresh database`).toBe(true);
  }
  return { long, csv: await readFile(join(longLived(), 'results.csv'), 'utf8') };
}

const cell = (csv: string, key: string, column = 3): string | undefined =>
  csv
    .split('\r\n')
    .find((l) => l.startsWith(`${key},`))
    ?.split(',')[column];

describe('the data folder as it is now decides the results', () => {
  beforeAll(async () => {
    work = await tempDir('kpi-folder-state-');
    data = join(work, 'data');
    await cp('data/suqian', data, { recursive: true });
    await run(longLived());
  });

  it('a copy of an earlier file beside itself revises nothing that a later file holds', async () => {
    await cp(join(data, 'observations/03_2023Q2.xlsx'), join(data, 'observations/03_2023Q2 - 副本.xlsx'));
    const { csv } = await expectSameAsFresh('copy');
    // 06_2023Q2_revision.csv (later in name order) still revises 泗洪县's R&D spending, 4.91 → 5.26.
    expect(Number(cell(csv, 'rd_intensity,321324,2023Q2'))).toBeCloseTo((100 * 5.26) / gdp, 9);
  });

  it('an edit of an unrelated cell in an earlier file keeps a later revision in effect', async () => {
    const file = join(data, 'observations/02_2023Q1_wide.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/\r?\n$/, '') + (text.endsWith('\r\n') ? '\r\n' : '\n'));
    const edited = text.split(/\r?\n/);
    // One cell of the last row, a figure no later file revises.
    const last = edited.length - (edited.at(-1) === '' ? 2 : 1);
    const cells = (edited[last] ?? '').split(',');
    cells[cells.length - 1] = String(Number(cells.at(-1)) + 1);
    edited[last] = cells.join(',');
    await writeFile(file, edited.join(text.includes('\r\n') ? '\r\n' : '\n'));
    await rm(join(data, 'observations/03_2023Q2 - 副本.xlsx'));
    const { csv } = await expectSameAsFresh('edit');
    expect(Number(cell(csv, 'rd_intensity,321324,2023Q2'))).toBeCloseTo((100 * 5.26) / gdp, 9);
  });

  it('a renamed file is the same data under its new name and place in the order', async () => {
    await rename(join(data, 'observations/04_2023Q3.json'), join(data, 'observations/04_2023Q3_renamed.json'));
    await expectSameAsFresh('rename');
  });

  it('a removed file withdraws its values, and the run lists the figures that changes', async () => {
    const revision = await readFile(join(data, 'observations/06_2023Q2_revision.csv'));
    await rm(join(data, 'observations/06_2023Q2_revision.csv'));
    const { long, csv } = await expectSameAsFresh('remove');
    expect(Number(cell(csv, 'rd_intensity,321324,2023Q2'))).toBeCloseTo((100 * 4.91) / gdp, 9);
    expect(long.withdrawn.files).toEqual(['06_2023Q2_revision.csv']);
    const figure = long.withdrawn.diff?.figures.find((f) => f.indicator === 'rd_intensity' && f.region === '321324' && f.period === '2023Q2');
    expect(figure?.changes.find((c) => c.field === 'actual')).toMatchObject({ after: like.closeTo((100 * 4.91) / gdp, 9) });
    expect(figure?.reasons.join('\n')).toMatch(/rd_expenditure 2023Q2 撤回 withdrawn 5\.26 → 4\.91（03_2023Q2\.xlsx 第\d+行）：06_2023Q2_revision\.csv 已不在数据文件夹中/);
    // Put back, it revises again.
    await writeFile(join(data, 'observations/06_2023Q2_revision.csv'), revision);
    const back = await expectSameAsFresh('restore');
    expect(Number(cell(back.csv, 'rd_intensity,321324,2023Q2'))).toBeCloseTo((100 * 5.26) / gdp, 9);
    expect(back.long.withdrawn.files).toEqual([]);
  });

  it('a new file revises, and a file whose only figure is withdrawn leaves no trace', async () => {
    await writeFile(join(data, 'observations/08_late.csv'), 'region,period,variable,value\n321324,2023Q2,rd_expenditure,6\n');
    const added = await expectSameAsFresh('add');
    expect(Number(cell(added.csv, 'rd_intensity,321324,2023Q2'))).toBeCloseTo((100 * 6) / gdp, 9);
    await rm(join(data, 'observations/08_late.csv'));
    const removed = await expectSameAsFresh('remove-added');
    expect(removed.long.withdrawn.files).toEqual(['08_late.csv']);
    expect(Number(cell(removed.csv, 'rd_intensity,321324,2023Q2'))).toBeCloseTo((100 * 5.26) / gdp, 9);
  });

  it('kpi run says which files were removed and lists the figures that changed since the last publication', async () => {
    await rm(join(data, 'observations/06_2023Q2_revision.csv'));
    const term = fakeTerminal();
    expect(await main(['run', '--data', data, '--out', longLived(), '--no-report', '--quiet'], term)).toBe(0);
    const out = term.stdout.join('\n');
    expect(out).toContain('已从数据文件夹移除 removed from the data folder: 06_2023Q2_revision.csv');
    expect(out).toMatch(/相比变化的结果 9 项 figures changed since run #\d+/);
    expect(out).toMatch(/^ {2}rd_intensity 321324 2023Q2: actual 1\.83\d+ → 1\.71\d+/m);
  });
});
