import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusLabels } from '../../src/assess/statusRules.js';
import { ExportFolderError } from '../../src/engine/warehouse/exportFolder.js';
import { exportWarehouse } from '../../src/engine/warehouse/exportWarehouse.js';
import type { WarehouseManifest } from '../../src/engine/warehouse/warehouseManifest.js';
import { runJob } from '../../src/engine/runJob.js';
import { resultColumns } from '../../src/present/resultColumns.js';
import { Store } from '../../src/store/store.js';
import { warehouseTables } from '../../src/store/warehouse/warehouseTables.js';
import { longCsv, runFolder, tempDir } from '../support/fixture.js';
import type { CanonicalRow } from '../support/resultsCsv.js';
import { byKey, canonical, readResultsCsv } from '../support/resultsCsv.js';

const parsedFindings = (column: string, v: unknown): unknown => (column === 'findings' && typeof v === 'string' ? JSON.parse(v) : v);

describe('kpi export: the warehouse layout of a run', () => {
  let work: string;
  let store: Store;
  let csv: CanonicalRow[];
  let manifest: WarehouseManifest;

  beforeAll(async () => {
    work = await tempDir('kpi-export-');
    await runJob({ data: 'data/suqian', out: join(work, 'run') });
    csv = await readResultsCsv(join(work, 'run', 'results.csv'));
    store = await Store.open(join(work, 'run', 'kpi.duckdb'), { existing: true });
    await exportWarehouse(store, { out: join(work, 'wh'), now: new Date('2024-04-20T10:00:00Z') });
    manifest = JSON.parse(await readFile(join(work, 'wh', 'manifest.json'), 'utf8')) as WarehouseManifest;
  }, 120_000);

  afterAll(() => store.close());

  const all = async (text: string): Promise<CanonicalRow[]> => store.all(text, { dir: join(work, 'wh') });

  it('partitions the results Hive-style by year and period, one folder per period with results', async () => {
    const years = (await readdir(join(work, 'wh', 'results'))).sort();
    expect(years.every((y) => /^year=\d{4}$/.test(y))).toBe(true);
    const periods = [...new Set(csv.map((r) => String(r.period)))].sort();
    const folders = (await Promise.all(years.map(async (y) => (await readdir(join(work, 'wh', 'results', y))).map((p) => `${y}/${p}`)))).flat().sort();
    expect(folders).toEqual(periods.map((p) => `year=${p.slice(0, 4)}/period=${p}`));
  });

  it('the rows of the results partitions are the rows of results.csv, value for value; each file also carries period and year', async () => {
    const rows = await all("SELECT * FROM read_parquet($dir || '/results/**/*.parquet', hive_partitioning = false)");
    expect(rows).toHaveLength(csv.length);
    for (const r of rows) expect(r.year).toBe(Number(String(r.period).slice(0, 4)));
    expect(byKey(rows.map((r) => canonical(r, parsedFindings)))).toEqual(byKey(csv));
    const hive = await all("SELECT year, period, count(*) AS n FROM read_parquet($dir || '/results/**/*.parquet', hive_partitioning = true) GROUP BY ALL");
    expect(hive.reduce((n, r) => n + Number(r.n), 0)).toBe(csv.length);
  });

  it('the results columns have results.parquet’s types, then year', async () => {
    const types = async (files: string): Promise<string[]> =>
      (await store.all('DESCRIBE SELECT * FROM read_parquet($files, hive_partitioning = false)', { files })).map((c) => `${String(c.column_name)} ${String(c.column_type)}`);
    const exported = await types(join(work, 'wh', 'results', '**', '*.parquet'));
    expect(exported).toEqual([...(await types(join(work, 'run', 'results.parquet'))), 'year INTEGER']);
    expect(manifest.files[0]?.columns.map((c) => `${c.name} ${c.type}`)).toEqual(exported);
  });

  it('the manifest names the run, the engine, the time, and every file with its rows and columns', async () => {
    expect(manifest).toMatchObject({ format: 'kpi-warehouse', version: 1, runId: 1, createdAt: '2024-04-20T10:00:00.000Z' });
    expect(typeof manifest.engineVersion).toBe('string');
    expect(manifest.files.map((f) => f.path)).toEqual(['results/', 'regions.parquet', 'indicators.parquet', 'targets.parquet', 'observations.parquet', 'quality.parquet', 'runs.parquet']);
    expect(manifest.files[0]).toMatchObject({ rows: csv.length, partitionedBy: ['year', 'period'] });
    expect(manifest.files[0]?.parts?.reduce((n, p) => n + p.rows, 0)).toBe(csv.length);
    for (const f of manifest.files.slice(1)) {
      const [count] = await all(`SELECT count(*) AS n FROM read_parquet($dir || '/' || '${f.path}')`);
      expect(Number(count?.n), f.path).toBe(f.rows);
      expect(f.columns.map((c) => c.name), f.path).toEqual(Object.keys(warehouseTables[f.name as keyof typeof warehouseTables].columns));
    }
    expect(manifest.files.find((f) => f.name === 'regions')?.rows).toBe(10);
  });

  it('each warehouse.* view in the database returns the rows of the file of the same name', async () => {
    for (const name of Object.keys(warehouseTables)) {
      const file = await all(`SELECT * FROM read_parquet($dir || '/${name}.parquet')`);
      const view = await store.all(`SELECT * FROM warehouse.${name}`);
      expect(view, name).toEqual(file);
      expect(view.length, name).toBeGreaterThan(0);
    }
  });

  it('warehouse.results has results.csv’s rows and columns (notes aside: words are the engine’s), and says each status as results.csv does', async () => {
    const view = await store.all('SELECT * FROM warehouse.results');
    expect(Object.keys(view[0] ?? {})).toEqual([...resultColumns.filter((c) => c !== 'notes'), 'year']);
    const withoutNotes = (rows: readonly CanonicalRow[]): CanonicalRow[] => rows.map(({ notes: _notes, ...rest }) => rest);
    expect(withoutNotes(view.map((r) => canonical(r, parsedFindings)))).toEqual(withoutNotes(csv));
    const labels = await store.all('SELECT DISTINCT status, status_label FROM warehouse.results');
    for (const l of labels) expect(l.status_label).toBe(statusLabels[l.status as keyof typeof statusLabels]);
    const dictionary = await store.all("SELECT column_name FROM warehouse.dictionary WHERE view_name = 'results' AND column_name IS NOT NULL ORDER BY position");
    expect(dictionary.map((d) => d.column_name)).toEqual(Object.keys(view[0] ?? {}));
  });

  it('an export that fails half-way leaves the earlier export as it was, and nothing of its own', async () => {
    const out = join(work, 'wh');
    const before = await readFile(join(out, 'manifest.json'), 'utf8');
    const kpi = (await readdir(join(out, '.kpi'))).sort();
    await expect(
      exportWarehouse(store, {
        out,
        onProgress: (m) => {
          if (m.includes('observations.parquet')) throw new Error('stopped half-way');
        },
      }),
    ).rejects.toThrow('stopped half-way');
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect((await readdir(join(out, '.kpi'))).sort()).toEqual(kpi);
    const rows = await all("SELECT count(*) AS n FROM read_parquet($dir || '/results/**/*.parquet')");
    expect(Number(rows[0]?.n)).toBe(csv.length);
  });

  it('exporting again replaces the export whole: one publication folder, the new manifest', async () => {
    const out = join(work, 'wh');
    await exportWarehouse(store, { out, now: new Date('2024-05-01T00:00:00Z') });
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ createdAt: '2024-05-01T00:00:00.000Z' });
    expect((await readdir(join(out, '.kpi'))).filter((n) => n.startsWith('pub-'))).toHaveLength(1);
  });

  it('refuses a folder that holds anything else — a run’s output folder above all — and leaves it untouched', async () => {
    await expect(exportWarehouse(store, { out: join(work, 'run') })).rejects.toMatchObject({ problem: 'run-output' });
    const notes = join(work, 'notes');
    await mkdir(notes);
    await writeFile(join(notes, 'regions.parquet'), 'mine');
    await expect(exportWarehouse(store, { out: notes })).rejects.toMatchObject({ problem: 'occupied' });
    await expect(exportWarehouse(store, { out: join(work, 'run', 'results.csv') })).rejects.toBeInstanceOf(ExportFolderError);
    expect(existsSync(join(work, 'run', 'manifest.json'))).toBe(false);
    expect(await readdir(notes)).toEqual(['regions.parquet']);
    expect(await readFile(join(notes, 'regions.parquet'), 'utf8')).toBe('mine');
  });
});

describe('observations.parquet', () => {
  it('holds the revision in effect: of a value reported twice, the one in the file that comes later in name order, with its file, row and sha256', async () => {
    const ran = await runFolder({
      observations: {
        '01_first.csv': longCsv([['A', '2023Q1', 'gdp', 10], ['B', '2023Q1', 'gdp', 20]]),
        '02_revised.csv': longCsv([['A', '2023Q1', 'gdp', 12]]),
      },
    });
    const store = await Store.open(join(ran.out, 'kpi.duckdb'), { existing: true });
    try {
      const out = join(ran.out, '..', 'warehouse');
      await exportWarehouse(store, { out });
      const rows = await store.all("SELECT region, variable, value, file, file_row, file_sha256 FROM read_parquet($f) ORDER BY region", { f: join(out, 'observations.parquet') });
      const sha = (await store.all("SELECT name, sha256 FROM loads WHERE kind = 'observations'")).reduce<Record<string, unknown>>((m, l) => ({ ...m, [String(l.name)]: l.sha256 }), {});
      expect(rows).toEqual([
        { region: 'A', variable: 'gdp', value: 12, file: '02_revised.csv', file_row: 2, file_sha256: sha['02_revised.csv'] },
        { region: 'B', variable: 'gdp', value: 20, file: '01_first.csv', file_row: 3, file_sha256: sha['01_first.csv'] },
      ]);
    } finally {
      store.close();
    }
  }, 60_000);
});
