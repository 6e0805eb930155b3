import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { resultColumns } from '../../src/present/resultColumns.js';

/** The columns of results.csv that hold numbers (DOUBLE, and rank INTEGER, in results.parquet). */
export const numericResultColumns: readonly string[] = [
  'actual', 'target', 'annual_target', 'attainment', 'annual_progress', 'expected_progress', 'gap', 'rank',
  'actual_prev_year', 'yoy_change', 'yoy_growth', 'projected', 'projected_low', 'projected_high', 'probability', 'pace_so_far', 'pace_needed',
];

export type CanonicalRow = Record<string, unknown>;

/**
 * results.csv read back as typed rows, the way any reader of the contract
 * would: the BOM dropped, empty cells null, numeric columns as numbers,
 * `findings` parsed from its JSON text, and the apostrophe the engine puts
 * before text that begins with `= + - @` taken off again.
 */
export async function readResultsCsv(file: string): Promise<CanonicalRow[]> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const records: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });
  return records.map((record) => canonical(record, (column, value) => {
    const cell = String(value);
    if (cell === '') return null;
    if (column === 'findings') return JSON.parse(cell) as unknown;
    if (numericResultColumns.includes(column)) return Number(cell);
    return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
  }));
}

/** A row with exactly results.csv's columns, in order, each value converted by `value` (nulls and undefined as null). */
export function canonical(row: Record<string, unknown>, value: (column: string, v: unknown) => unknown = (_c, v) => v): CanonicalRow {
  return Object.fromEntries(resultColumns.map((c) => [c, value(c, row[c]) ?? null]));
}

/** Rows keyed `indicator|region|period`, for comparing files whose row order may differ (partitions). */
export const byKey = (rows: readonly CanonicalRow[]): Map<string, CanonicalRow> => new Map(rows.map((r) => [`${String(r.indicator)}|${String(r.region)}|${String(r.period)}`, r]));
