import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportWarehouse } from '../../src/engine/warehouse/exportWarehouse.js';
import { runJob } from '../../src/engine/runJob.js';
import { resultColumns } from '../../src/present/resultColumns.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../support/fixture.js';
import type { CanonicalRow } from '../support/resultsCsv.js';
import { byKey, canonical, numericResultColumns, readResultsCsv } from '../support/resultsCsv.js';

const run = promisify(execFile);
const python = '/usr/bin/python3';

/**
 * Python with its standard library only, as Debian ships it: results.csv
 * read with `csv` (utf-8-sig drops the BOM), empty cells as None, numeric
 * columns as floats (rank as int), findings parsed; results.json with
 * `json`. Prints both as canonical JSON rows.
 */
const pythonReader = String.raw`
import csv, json, sys
folder, columns, numeric = sys.argv[1], json.loads(sys.argv[2]), set(json.loads(sys.argv[3]))
def cell(column, text):
    if text == '':
        return None
    if column == 'findings':
        return json.loads(text)
    if column in numeric:
        number = float(text)
        return int(number) if column == 'rank' else number
    return text[1:] if text[:1] == "'" and text[1:2] in '=+-@' and len(text) > 1 else text
with open(folder + '/results.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.DictReader(f))
from_csv = [{c: cell(c, r[c]) for c in columns} for r in rows]
with open(folder + '/results.json', encoding='utf-8') as f:
    from_json = [{c: r.get(c) for c in columns} for r in json.load(f)]
print(json.dumps({'csv': from_csv, 'json': from_json}, ensure_ascii=False, allow_nan=False))
`;

/** A fresh Node process with DuckDB's own reader, nothing of ours: prints the rows of `read_parquet(<glob>)` as JSON. */
const duckdbReader = String.raw`
import { DuckDBInstance } from '@duckdb/node-api';
const [glob, hive] = process.argv.slice(1);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($glob, hive_partitioning = ' + (hive === 'hive' ? 'true' : 'false') + ')', { glob });
process.stdout.write(JSON.stringify(reader.getRowObjectsJS(), (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
`;

async function readWithDuckdb(glob: string, hive: 'hive' | 'plain'): Promise<CanonicalRow[]> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', duckdbReader, glob, hive], { cwd: process.cwd(), maxBuffer: 256 << 20 });
  return (JSON.parse(stdout) as CanonicalRow[]).map((r) => canonical(r, (column, v: unknown) => (column === 'findings' && typeof v === 'string' ? JSON.parse(v) : v)));
}

async function readWithHyparquet(file: string): Promise<CanonicalRow[]> {
  const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Record<string, unknown>[];
  return rows.map((r) => canonical(r, (column, v: unknown) => (column === 'rank' && typeof v === 'bigint' ? Number(v) : column === 'findings' && typeof v === 'string' ? JSON.parse(v) : v)));
}

async function partitionFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.parquet')) found.push(join(entry.parentPath, entry.name));
  return found.sort();
}

describe('clients that are not ours read the outputs and get the rows of results.csv', () => {
  let out: string;
  let warehouse: string;
  let expected: CanonicalRow[];

  beforeAll(async () => {
    const work = await tempDir('kpi-clients-');
    out = join(work, 'out');
    warehouse = join(work, 'warehouse');
    await runJob({ data: 'data/suqian', out });
    expected = await readResultsCsv(join(out, 'results.csv'));
    const store = await Store.open(join(out, 'kpi.duckdb'), { existing: true });
    try {
      await exportWarehouse(store, { out: warehouse });
    } finally {
      store.close();
    }
  }, 120_000);

  it.skipIf(!existsSync(python))(`${existsSync(python) ? '' : 'skipped: /usr/bin/python3 missing — '}Debian's Python (csv, json) reads results.csv and results.json: the same rows, numbers as numbers, nulls as null`, async () => {
    const { stdout } = await run(python, ['-c', pythonReader, out, JSON.stringify(resultColumns), JSON.stringify(numericResultColumns)], { maxBuffer: 256 << 20 });
    const read = JSON.parse(stdout) as { csv: CanonicalRow[]; json: CanonicalRow[] };
    expect(read.csv).toHaveLength(expected.length);
    expect(read.csv).toEqual(expected);
    expect(read.json).toEqual(expected);
    // Not vacuous: the sample has numbers, nulls, ranks and findings.
    expect(read.csv.some((r) => typeof r.attainment === 'number')).toBe(true);
    expect(read.csv.some((r) => r.attainment === null)).toBe(true);
    expect(read.csv.some((r) => Number.isInteger(r.rank))).toBe(true);
    expect(read.csv.some((r) => Array.isArray(r.findings) && r.findings.length > 0)).toBe(true);
  });

  it('hyparquet (pure JS) reads results.parquet: the same rows', async () => {
    expect(await readWithHyparquet(join(out, 'results.parquet'))).toEqual(expected);
  });

  it('hyparquet reads every exported partition file: together, the same rows', async () => {
    const files = await partitionFiles(join(warehouse, 'results'));
    expect(files.length).toBeGreaterThan(1);
    const rows = (await Promise.all(files.map(readWithHyparquet))).flat();
    expect(byKey(rows)).toEqual(byKey(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it("DuckDB's read_parquet in a fresh process reads results.parquet, and the partitions with and without Hive partitioning: the same rows", async () => {
    expect(await readWithDuckdb(join(out, 'results.parquet'), 'plain')).toEqual(expected);
    for (const mode of ['plain', 'hive'] as const) {
      const rows = await readWithDuckdb(join(warehouse, 'results', '**', '*.parquet'), mode);
      expect(rows, mode).toHaveLength(expected.length);
      expect(byKey(rows), mode).toEqual(byKey(expected));
    }
  }, 60_000);
});
