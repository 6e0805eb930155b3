import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { csvField } from '../model/csvText.js';
import { ident, joinSql, literal, sql } from '../model/sql.js';
import type { Store } from '../store/store.js';
import type { ResultColumn, ResultRow } from './resultColumns.js';
import { resultColumns } from './resultColumns.js';
import { partialOf, writeAtomically } from './writeAtomically.js';

const csvValue = (row: ResultRow, column: ResultColumn): string => (column === 'findings' ? csvField(JSON.stringify(row.findings)) : csvField(row[column]));

/** Rows go out in slices: one string for a million rows would pass V8's string length limit. */
const SLICE = 10_000;

/** CSV with a BOM so Excel reads UTF-8; numbers unrounded, nulls empty, findings as JSON text. */
function* csvChunks(rows: readonly ResultRow[]): Generator<string> {
  yield `\uFEFF${resultColumns.join(',')}\r\n`;
  for (let i = 0; i < rows.length; i += SLICE) {
    yield rows.slice(i, i + SLICE).map((row) => `${resultColumns.map((c) => csvValue(row, c)).join(',')}\r\n`).join('');
  }
}

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

/** DuckDB's type for each column of results.parquet. */
const parquetTypes: Record<ResultColumn, string> = {
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

/**
 * Writes results.csv, results.json and results.parquet. The Parquet file is
 * DuckDB's reading of the JSON just written, with the columns typed, so the
 * three hold the same rows and values. Each file is written beside its final
 * name and renamed into place, so a crash never leaves a half-written results file.
 */
export async function writeResults(store: Store, rows: readonly ResultRow[], outFolder: string): Promise<string[]> {
  await mkdir(outFolder, { recursive: true });
  const [csv, json, parquet] = ['results.csv', 'results.json', 'results.parquet'].map((f) => join(outFolder, f)) as [string, string, string];
  const columns = joinSql(resultColumns.map((c) => sql`${ident(c)}: ${literal(parquetTypes[c])}`));
  await writeAtomically([
    { file: csv, content: csvChunks(rows) },
    { file: json, content: jsonChunks(rows) },
    {
      file: parquet,
      content: (path) =>
        store.run(sql`COPY (SELECT * FROM read_json($json, format = 'array', columns = {${columns}})) TO $parquet (FORMAT parquet)`, { json: partialOf(json), parquet: path }),
    },
  ]);
  return [csv, json, parquet];
}
