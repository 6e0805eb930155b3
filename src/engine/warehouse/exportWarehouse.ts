import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { onFile } from '../../diagnostics/fileAccessError.js';
import { sql } from '../../model/sql.js';
import { resultRowsOf } from '../../present/resultColumns.js';
import { discardStaging, stagePublication, switchPublication, tidyOutput } from '../../publish/outputFolder.js';
import { lockOutput } from '../../publish/outputLock.js';
import type { Store } from '../../store/store.js';
import type { WarehouseTableName } from '../../store/warehouse/warehouseTables.js';
import { warehouseTables } from '../../store/warehouse/warehouseTables.js';
import { ENGINE_VERSION } from '../../version.js';
import { loadRunContext } from '../loadRunContext.js';
import { MANIFEST_FILE, WAREHOUSE_FORMAT, checkExportFolder } from './exportFolder.js';
import type { WarehouseFile, WarehouseManifest } from './warehouseManifest.js';
import { describeParquet, manifestPath } from './warehouseManifest.js';
import { resultPartitionColumns, resultPartitionKeys, writeResultPartitions } from './writeResultPartitions.js';

/** What to export, and where. */
export interface ExportOptions {
  /** The export folder: missing, empty, or an earlier export (docs/bi-tools.md). */
  readonly out: string;
  /** Default the latest published run. */
  readonly runId?: number | undefined;
  /** How long to wait for another export into the same folder (default 0). */
  readonly waitSeconds?: number;
  /** The export's time for the manifest; default now. */
  readonly now?: Date;
  readonly onProgress?: (message: string) => void;
}

/** What an export wrote. */
export interface ExportSummary {
  readonly out: string;
  readonly runId: number;
  /** The manifest's entries: each file with its rows and columns. */
  readonly files: readonly WarehouseFile[];
  readonly manifest: string;
}

/**
 * Writes the warehouse layout of one run into `out` for BI tools
 * (docs/bi-tools.md): `results/year=YYYY/period=YYYYQn/*.parquet` (the rows
 * of that run's results.csv), `regions.parquet`, `indicators.parquet`,
 * `targets.parquet`, `observations.parquet` (the revisions in effect, with
 * file, row and sha256), `quality.parquet`, `runs.parquet` and
 * `manifest.json`. All or nothing: everything is written into a private
 * folder `<out>/.kpi/pub-…` and switched in by one rename of
 * `<out>/.kpi/current`, as `kpi run` publishes (src/publish/outputFolder.ts),
 * so a reader never sees a partial export or a mix of two. Throws
 * ExportFolderError for a folder that holds anything else, KpiInputError
 * (NO_RUN, UNKNOWN_RUN) when there is no such run.
 *
 * @example
 * const store = await Store.open('out/suqian/kpi.duckdb', { existing: true });
 * const summary = await exportWarehouse(store, { out: 'out/suqian/warehouse' });
 */
export async function exportWarehouse(store: Store, options: ExportOptions): Promise<ExportSummary> {
  const progress = options.onProgress ?? (() => {});
  const out = resolve(options.out);
  const context = await loadRunContext(store, { runId: options.runId });
  const rows = resultRowsOf(context);
  await checkExportFolder(out);
  const release = await lockOutput(out, options.waitSeconds ?? 0);
  try {
    // Again under the lock: another export may have got here first, which is fine; anything else is not.
    await checkExportFolder(out);
    await tidyOutput(out);
    const staging = await stagePublication(out, context.runId);
    let manifest: WarehouseManifest;
    try {
      const folder = staging.folder;
      const files: WarehouseFile[] = [];
      progress(`写出 writing results/ (${rows.length} rows)`);
      const results = join(folder, 'results');
      await writeResultPartitions(store, rows, results);
      const parts = rows.length === 0 ? [] : (await describeParquet(store, join(results, '**', '*.parquet'))).parts;
      files.push({
        name: 'results',
        path: 'results/',
        rows: rows.length,
        columns: resultPartitionColumns,
        partitionedBy: resultPartitionKeys,
        parts: parts.map((p) => ({ path: manifestPath(folder, p.file), rows: p.rows })),
      });
      for (const name of Object.keys(warehouseTables) as WarehouseTableName[]) {
        const file = join(folder, `${name}.parquet`);
        progress(`写出 writing ${name}.parquet`);
        await store.run(sql`COPY (${warehouseTables[name].query(sql`$run`)}) TO $file (FORMAT parquet)`, { run: context.runId, file });
        const described = await describeParquet(store, file);
        files.push({ name, path: `${name}.parquet`, rows: described.rows, columns: described.columns });
      }
      manifest = {
        format: WAREHOUSE_FORMAT,
        version: 1,
        runId: context.runId,
        runAt: context.runAt,
        createdAt: (options.now ?? new Date()).toISOString(),
        engineVersion: ENGINE_VERSION,
        database: resolve(store.path),
        files,
      };
      const manifestFile = join(folder, MANIFEST_FILE);
      await onFile(manifestFile, 'write', () => writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`));
    } catch (e) {
      await discardStaging(staging);
      throw e;
    }
    progress(`发布 switching ${out} to run #${context.runId}`);
    await switchPublication(staging, { runId: context.runId, db: resolve(store.path), engineVersion: ENGINE_VERSION });
    await tidyOutput(out);
    return { out, runId: context.runId, files: manifest.files, manifest: join(out, MANIFEST_FILE) };
  } finally {
    await release();
  }
}
