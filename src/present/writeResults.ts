import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sql } from '../model/sql.js';
import { ident, joinSql, literal, sql } from '../model/sql.js';
import type { Store } from '../store/store.js';
import type { ResultColumn, ResultRow } from './resultColumns.js';
import { resultColumns } from './resultColumns.js';
import { resultsCsv } from './resultsCsv.js';
import { publishedSchema } from './schemas/publishedSchemas.js';
import { resultColumnDescriptions, resultRowSchema } from './schemas/resultRowSchema.js';
import { partialOf, writeAtomically } from './writeAtomically.js';

/** Rows go out in slices: one string for a million rows would pass V8's string length limit. */
const SLICE = 10_000;

/** One JSON object per line inside an array: diffable, and the same values as the CSV. */
function* jsonChunks(rows: readonly ResultRow[]): Generator<string> {
  if (rows.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < rows.length; i += SLICE) {
    yield rows.slice(i, i + SLICE).map((r, j) => `${i + j === 0 ? '' : ',\n'}${JSON.stringify(r)}`).join('');
  }
  yield '\n]\n';
}

/** DuckDB's type for each column of results.parquet (and of the warehouse export's results files). */
export const parquetTypes: Record<ResultColumn, 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'JSON'> = {
  indicator: 'VARCHAR',
  region: 'VARCHAR',
  period: 'VARCHAR',
  actual: 'DOUBLE',
  target: 'DOUBLE',
  annual_target: 'DOUBLE',
  attainment: 'DOUBLE',
  annual_progress: 'DOUBLE',
  expected_progress: 'DOUBLE',
  gap: 'DOUBLE',
  status: 'VARCHAR',
  rank: 'INTEGER',
  indicator_name: 'VARCHAR',
  region_name: 'VARCHAR',
  unit: 'VARCHAR',
  status_label: 'VARCHAR',
  target_source: 'VARCHAR',
  missing_inputs: 'VARCHAR',
  missing_children: 'VARCHAR',
  notes: 'VARCHAR',
  findings: 'JSON',
  actual_prev_year: 'DOUBLE',
  yoy_change: 'DOUBLE',
  yoy_growth: 'DOUBLE',
  projected: 'DOUBLE',
  projected_low: 'DOUBLE',
  projected_high: 'DOUBLE',
  probability: 'DOUBLE',
  projection_basis: 'VARCHAR',
  pace_so_far: 'DOUBLE',
  pace_needed: 'DOUBLE',
};

/** The columns no row leaves null (the key, the status, names and words, findings as `[]`): the results schema's columns that refuse null. */
export const notNullResultColumns: readonly ResultColumn[] = resultColumns.filter((c) => !resultRowSchema.shape[c].safeParse(null).success);

/**
 * What results.parquet says about itself, in its key-value metadata (Parquet
 * has no per-column comment): the JSON Schema of its rows, the columns that
 * are never null, and each column's description, the same words as the
 * schema's. Read them with DuckDB's `parquet_kv_metadata()` or any reader's
 * file metadata.
 */
export const resultsParquetMetadata = (): Record<string, string> => ({
  'kpi.schema': publishedSchema('results').$id,
  'kpi.not_null': JSON.stringify(notNullResultColumns),
  ...Object.fromEntries(resultColumns.map((c) => [`kpi.description.${c}`, resultColumnDescriptions[c]])),
});

/** A column's DuckDB type as SQL (the types are this file's constants). */
const sqlType = (c: ResultColumn): Sql => parquetTypes[c] as Sql;

/** The staging table of results.parquet, in the store's connection only. */
const STAGING = ident('results_parquet_rows');

/**
 * Writes results.parquet from the results.json just written at `json`: the
 * rows pass through a temporary table whose never-null columns are NOT
 * NULL, so a null there stops the write instead of being published.
 * DuckDB 1.5 still writes every column as OPTIONAL (it does not carry a
 * table's NOT NULL into the file), so `kpi.not_null` in the metadata is
 * where a reader finds which columns are never null.
 */
async function writeParquet(store: Store, json: string, parquet: string): Promise<void> {
  const columns = joinSql(resultColumns.map((c) => sql`${ident(c)}: ${literal(parquetTypes[c])}`));
  const definitions = joinSql(
    resultColumns.map((c) => (notNullResultColumns.includes(c) ? sql`${ident(c)} ${sqlType(c)} NOT NULL` : sql`${ident(c)} ${sqlType(c)}`)),
  );
  const metadata = joinSql(Object.entries(resultsParquetMetadata()).map(([key, value]) => sql`${ident(key)}: ${literal(value)}`));
  await store.run(sql`CREATE OR REPLACE TEMP TABLE ${STAGING} (${definitions})`);
  try {
    await store.run(sql`INSERT INTO ${STAGING} SELECT * FROM read_json($json, format = 'array', columns = {${columns}})`, { json });
    await store.run(sql`COPY ${STAGING} TO $parquet (FORMAT parquet, KV_METADATA {${metadata}})`, { parquet });
  } finally {
    await store.run(sql`DROP TABLE IF EXISTS ${STAGING}`);
  }
}

/**
 * Writes results.csv, results.json and results.parquet. The Parquet file is
 * DuckDB's reading of the JSON just written, with the columns typed, so the
 * three hold the same rows and values. Each file is written beside its final
 * name and renamed into place, so a crash never leaves a half-written results file.
 */
export async function writeResults(store: Store, rows: readonly ResultRow[], outFolder: string): Promise<string[]> {
  await mkdir(outFolder, { recursive: true });
  const [csv, json, parquet] = ['results.csv', 'results.json', 'results.parquet'].map((f) => join(outFolder, f)) as [string, string, string];
  await writeAtomically([
    { file: csv, content: resultsCsv(rows) },
    { file: json, content: jsonChunks(rows) },
    { file: parquet, content: (path) => writeParquet(store, partialOf(json), path) },
  ]);
  return [csv, json, parquet];
}
