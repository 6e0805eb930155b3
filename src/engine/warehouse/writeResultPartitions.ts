import { mkdir, open, rm } from 'node:fs/promises';
import { onFile } from '../../diagnostics/fileAccessError.js';
import { ident, joinSql, literal, sql } from '../../model/sql.js';
import type { ResultRow } from '../../present/resultColumns.js';
import { resultColumns } from '../../present/resultColumns.js';
import { parquetTypes } from '../../present/writeResults.js';
import type { Store } from '../../store/store.js';

/** The partition keys of the exported results, outermost first: `results/year=2023/period=2023Q2/`. */
export const resultPartitionKeys = ['year', 'period'] as const;


/** The columns of every results partition file: results.csv's, then `year`. */
export const resultPartitionColumns: readonly { readonly name: string; readonly type: string }[] = [
  ...resultColumns.map((name) => ({ name, type: parquetTypes[name] })),
  { name: 'year', type: 'INTEGER' },
];

/** Rows go to the staging file in slices: one string for a million rows would pass V8's limit. */
const SLICE = 10_000;

/**
 * Writes the rows of results.csv as Parquet files partitioned Hive-style,
 * `<folder>/year=YYYY/period=YYYYQn/*.parquet`. Each file keeps every column
 * of results.csv, in its order and with results.parquet's types, `period`
 * included, and adds `year` (INTEGER) last: a file read on its own is
 * complete, and a reader that takes the keys from the folder names gets the
 * same values. The rows pass through a JSON file beside `folder`, removed after.
 */
export async function writeResultPartitions(store: Store, rows: readonly ResultRow[], folder: string): Promise<void> {
  await onFile(folder, 'create', () => mkdir(folder, { recursive: true }));
  const staged = `${folder}.rows.json`;
  try {
    await onFile(staged, 'write', async () => {
      const handle = await open(staged, 'w');
      try {
        for (let i = 0; i < rows.length; i += SLICE) await handle.write(rows.slice(i, i + SLICE).map((r) => `${JSON.stringify(r)}\n`).join(''));
      } finally {
        await handle.close();
      }
    });
    if (rows.length === 0) return;
    const columns = joinSql(resultColumns.map((c) => sql`${ident(c)}: ${literal(parquetTypes[c])}`));
    await store.run(
      sql`COPY (SELECT *, CAST(substr(period, 1, 4) AS INTEGER) AS year
                FROM read_json($rows, format = 'newline_delimited', columns = {${columns}}))
          TO $folder (FORMAT parquet, PARTITION_BY (${joinSql(resultPartitionKeys.map(ident))}), WRITE_PARTITION_COLUMNS true)`,
      { rows: staged, folder },
    );
  } finally {
    await rm(staged, { force: true });
  }
}

