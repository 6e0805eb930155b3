import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { resultColumns } from '../../src/present/resultColumns.js';
import type { ResultRow } from '../../src/present/resultColumns.js';
import { resultColumnDescriptions } from '../../src/present/schemas/resultRowSchema.js';
import { notNullResultColumns, writeResults } from '../../src/present/writeResults.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../support/fixture.js';
import { sampleRunAt } from '../support/sampleReport.js';

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

describe('results.parquet of a run of the sample', () => {
  let file: string;
  let instance: DuckDBInstance;
  const query = async (text: string, params: Record<string, string> = {}): Promise<Record<string, unknown>[]> => {
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(text, params)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
    } finally {
      connection.closeSync();
    }
  };

  beforeAll(async () => {
    const out = await tempDir('kpi-parquet-');
    await runJob({ data: 'data/suqian', out, now: sampleRunAt });
    file = join(out, 'results.parquet');
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('never null: the key, the status, the names and words, and findings — the columns its metadata lists as not null', async () => {
    expect(notNullResultColumns).toEqual(['indicator', 'region', 'period', 'status', 'indicator_name', 'region_name', 'unit', 'status_label', 'findings']);
    const [kv] = await query(`SELECT decode(value) AS v FROM parquet_kv_metadata($f) WHERE decode(key) = 'kpi.not_null'`, { f: file });
    expect(JSON.parse(String(kv?.v))).toEqual(notNullResultColumns);
    const nulls = await query(`SELECT ${notNullResultColumns.map((c) => `count(*) FILTER (WHERE "${c}" IS NULL) AS "${c}"`).join(', ')} FROM read_parquet($f)`, { f: file });
    expect(nulls[0]).toEqual(Object.fromEntries(notNullResultColumns.map((c) => [c, 0])));
  });

  it('says in parquet_schema() that every column is OPTIONAL: DuckDB 1.5 does not write a NOT NULL column as REQUIRED', async () => {
    // When this fails, DuckDB has learnt to carry NOT NULL into the file: expect REQUIRED for notNullResultColumns, and say so in docs/schemas/README.md.
    const schema = await query(`SELECT name, repetition_type FROM parquet_schema($f) WHERE name <> 'duckdb_schema'`, { f: file });
    expect(schema.map((r) => r.name)).toEqual([...resultColumns]);
    expect(new Set(schema.map((r) => r.repetition_type))).toEqual(new Set(['OPTIONAL']));
  });

  it('carries each column\'s description in its key-value metadata, the same words as the results schema', async () => {
    const kv = await query(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata($f)`, { f: file });
    const metadata = Object.fromEntries(kv.map((r) => [String(r.k), String(r.v)]));
    for (const column of resultColumns) expect(metadata[`kpi.description.${column}`], column).toBe(resultColumnDescriptions[column]);
    expect(metadata['kpi.description.attainment']).toContain('完成率 attainment');
    expect(metadata['kpi.schema']).toBe('urn:kpi-engine:schema:results:v1');
  });
});

describe('writeResults', () => {
  it('refuses to publish a row with a null key column: no results file is left behind', async () => {
    const store = await Store.open(':memory:');
    const out = await tempDir('kpi-parquet-null-');
    const row = Object.fromEntries(resultColumns.map((c) => [c, null])) as unknown as ResultRow;
    const broken = { ...row, indicator: 'x', period: '2023Q1', status: 'no_data', indicator_name: 'X', region_name: 'R', unit: '', status_label: '无数据', findings: [] } as ResultRow;
    try {
      await expect(writeResults(store, [broken], out)).rejects.toThrow(/NOT NULL/);
    } finally {
      store.close();
    }
    for (const f of ['results.csv', 'results.json', 'results.parquet']) expect(existsSync(join(out, f)), f).toBe(false);
  });
});
