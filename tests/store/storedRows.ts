import { Store } from '../../src/store/store.js';

/*
 * Stored rows written by hand, a few per test, so each store module's reads
 * can be checked against rows whose every column the test chose.
 */

export const memoryStore = (): Promise<Store> => Store.open(':memory:');

/** A file's load; `ord` places it in run `run`'s data folder (name order) when given. */
export async function addLoad(
  store: Store,
  load: { id: number; kind: string; name: string; run?: number; ord?: number; loadedAt?: string },
): Promise<void> {
  await store.run(
    `INSERT INTO loads VALUES ($id, $run, $kind, $file, $name, $sha, $sha, 0, 'loaded', CAST($at AS TIMESTAMPTZ), NULL)`,
    { id: load.id, run: load.run ?? null, kind: load.kind, file: `/data/${load.name}`, name: load.name, sha: `${load.id}`.padStart(64, '0'), at: load.loadedAt ?? '2024-01-10 09:00:00+00' },
  );
  if (load.run !== undefined && load.ord !== undefined) await addRunFile(store, { run: load.run, kind: load.kind, ord: load.ord, name: load.name, load: load.id });
}

export async function addRunFile(store: Store, f: { run: number; kind: string; ord: number; name: string; load: number }): Promise<void> {
  await store.run('INSERT INTO run_files VALUES ($run, $kind, $ord, $name, $load)', f);
}

export async function addObservation(
  store: Store,
  o: { id: number; load: number; region: string; period: string; variable: string; value: number; row: number; note?: string },
): Promise<void> {
  await store.run(
    `INSERT INTO observations VALUES ($id, $region, $period, CAST(substr($period, 1, 4) AS INTEGER), CAST(substr($period, 6, 1) AS INTEGER),
                                      $variable, $value, 'file', $note, $load, $row, 'value')`,
    { id: o.id, region: o.region, period: o.period, variable: o.variable, value: o.value, note: o.note ?? '', load: o.load, row: o.row },
  );
}
