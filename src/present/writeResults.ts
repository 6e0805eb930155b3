import { mkdir, open, rename, rm } from 'node:fs/promises';
import { onFile } from '../diagnostics/fileAccessError.js';
import { join } from 'node:path';
import { literal, numberLiteral } from '../store/sql.js';
import type { Store } from '../store/store.js';
import type { ResultRow } from './resultColumns.js';
import { resultColumns } from './resultColumns.js';

/** Text a spreadsheet would run as a formula is written with a leading apostrophe. */
const neutralize = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with a BOM so Excel reads UTF-8; numbers unrounded, nulls empty. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  return [...csvChunks(rows)].join('');
}

/** One JSON object per line inside an array: diffable, and the same values as the CSV. */
export function resultsJson(rows: readonly ResultRow[]): string {
  return [...jsonChunks(rows)].join('');
}

/** Rows go out in slices: one string for a million rows would pass V8's string length limit. */
const SLICE = 10_000;

function* csvChunks(rows: readonly ResultRow[]): Generator<string> {
  yield `\uFEFF${resultColumns.join(',')}\r\n`;
  for (let i = 0; i < rows.length; i += SLICE) {
    yield rows.slice(i, i + SLICE).map((row) => `${resultColumns.map((c) => csvField(row[c])).join(',')}\r\n`).join('');
  }
}

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

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

/** Reads one run's results in output order. */
export async function readResults(store: Store, runId: number): Promise<ResultRow[]> {
  return store.all<ResultRow>(`SELECT ${resultColumns.join(', ')} FROM results WHERE run_id = $run ORDER BY ord`, { run: runId });
}

/**
 * Writes results.csv, results.json and results.parquet for a run. Each file
 * is written beside its final name and renamed into place, so a crash never
 * leaves a half-written results file.
 */
export async function writeResults(store: Store, runId: number, outFolder: string): Promise<{ files: string[]; rows: ResultRow[] }> {
  await mkdir(outFolder, { recursive: true });
  const rows = await readResults(store, runId);
  const files = ['results.csv', 'results.json', 'results.parquet'].map((f) => join(outFolder, f));
  const [csv, json, parquet] = files as [string, string, string];
  const pending = files.map((f) => `${f}.partial`);
  try {
    await onFile(csv, 'write', () => writeChunks(`${csv}.partial`, csvChunks(rows)));
    await onFile(json, 'write', () => writeChunks(`${json}.partial`, jsonChunks(rows)));
    await store.run(
      `COPY (SELECT ${resultColumns.join(', ')} FROM results WHERE run_id = ${numberLiteral(Math.trunc(runId))} ORDER BY ord)
       TO ${literal(`${parquet}.partial`)} (FORMAT parquet)`,
    );
    for (const f of files) await rename(`${f}.partial`, f);
  } finally {
    await Promise.all(pending.map((p) => rm(p, { force: true })));
  }
  return { files, rows };
}
