import { assessResults } from '../assess/assessResults.js';
import type { Catalog } from '../catalog/catalog.js';
import { evaluateIndicators } from '../evaluate/evaluateIndicators.js';
import { resolveInputs } from '../resolve/resolveInputs.js';
import type { Settings } from '../settings.js';
import type { Store } from '../store/store.js';

/** resolve → evaluate → assess, all in DuckDB, leaving the run's rows in `results`. */
export async function computeResults(store: Store, catalog: Catalog, settings: Settings, runId: number): Promise<void> {
  await resolveInputs(store);
  await evaluateIndicators(store, catalog, settings.dataQualityTolerance);
  await assessResults(store, runId, settings.warningThreshold);
}
