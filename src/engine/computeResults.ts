import { assessResults } from '../assess/assessResults.js';
import type { Catalog } from '../catalog/catalog.js';
import { evaluateIndicators } from '../evaluate/evaluateIndicators.js';
import { resolveInputs } from '../resolve/resolveInputs.js';
import type { Settings } from '../settings.js';
import { saveAssessedResults } from '../store/results.js';
import type { Store } from '../store/store.js';

/** resolve → evaluate → assess over the working set, all in DuckDB; the assessed figures are stored as run `runId`'s results. */
export async function computeResults(store: Store, catalog: Catalog, settings: Settings, runId: number): Promise<void> {
  await resolveInputs(store);
  await evaluateIndicators(store, catalog, settings.dataQualityTolerance);
  await assessResults(store, settings.warningThreshold);
  await saveAssessedResults(store, runId);
}
