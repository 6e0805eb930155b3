import { csvField } from '../model/csvText.js';
import type { ResultColumn, ResultRow } from './resultColumns.js';
import { resultColumns } from './resultColumns.js';

const csvValue = (row: ResultRow, column: ResultColumn): string => (column === 'findings' ? csvField(JSON.stringify(row.findings)) : csvField(row[column]));

/** Rows go out in slices: one string for a million rows would pass V8's string length limit. */
const SLICE = 10_000;

/** results.csv's text, in slices: a BOM so Excel reads UTF-8, CRLF, numbers unrounded, nulls empty, findings as JSON text. */
export function* resultsCsv(rows: readonly ResultRow[]): Generator<string> {
  yield `\uFEFF${resultColumns.join(',')}\r\n`;
  for (let i = 0; i < rows.length; i += SLICE) {
    yield rows.slice(i, i + SLICE).map((row) => `${resultColumns.map((c) => csvValue(row, c)).join(',')}\r\n`).join('');
  }
}
