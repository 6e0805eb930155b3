import { assessResults } from '../assess/assessResults.js';
import { findParentSumMismatches } from '../assess/quality/parentSumMismatch.js';
import { assessOutlook } from '../assess/outlook/assessOutlook.js';
import type { Catalog } from '../catalog/catalog.js';
import { evaluateIndicators } from '../evaluate/evaluateIndicators.js';
import { resolveInputs } from '../resolve/resolveInputs.js';
import type { Settings } from '../settings.js';
import { saveAssessedResults } from '../store/results.js';
import type { Store } from '../store/store.js';

/**
 * resolve → evaluate → assess over the working set, in DuckDB, then each
 * figure's outlook (同比, projection, pace: OUTLOOK.md §1–3), which reads the
 * other assessed figures; the assessed figures are stored as run `runId`'s results.
 */
export async function computeResults(store: Store, catalog: Catalog, settings: Settings, runId: number): Promise<void> {
  await resolveInputs(store);
  // Before evaluate: the figures that use a mismatching value carry the finding.
  await findParentSumMismatches(store, settings.dataQualityTolerance);
  await evaluateIndicators(store, catalog);
  await assessResults(store, settings.warningThreshold);
  await assessOutlook(store, catalog);
  await saveAssessedResults(store, runId);
}
