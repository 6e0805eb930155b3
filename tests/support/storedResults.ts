import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRunContext } from '../../src/engine/loadRunContext.js';
import { resultRowsOf } from '../../src/present/resultColumns.js';
import { writeResults } from '../../src/present/writeResults.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from './fixture.js';

/** results.csv as the engine writes it for a stored run, from the store alone (to compare with a published one). */
export async function storedResultsCsv(store: Store, runId: number): Promise<string> {
  const dir = await tempDir('kpi-stored-');
  try {
    await writeResults(store, resultRowsOf(await loadRunContext(store, { runId })), dir);
    return await readFile(join(dir, 'results.csv'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
