import type { Catalog } from '../../catalog/catalog.js';
import type { FigureResult } from '../../model/figureResult.js';
import type { QualityCode, QualityFinding, QualitySeverity } from '../../model/qualityFinding.js';
import type { Region } from '../../model/region.js';
import type { Settings } from '../../settings.js';
import type { Store } from '../../store/store.js';

/**
 * What a quality rule reads. The store holds the run's working set
 * (`w_regions`, `w_variables`, …, src/store/runInputs.ts) and the temp
 * tables its computation left: `latest_obs` (every own report in effect, the
 * latest revision), `periods`, `resolved` (src/resolve/resolveInputs.ts) and
 * `parent_sum_mismatches` (./parentSumMismatch.ts). `results` are the run's
 * assessed figures. A rule only reads: nothing stored changes.
 */
export interface QualityInput {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly settings: Settings;
  /** In the order regions.csv lists them. */
  readonly regions: readonly Region[];
  readonly results: readonly FigureResult[];
}

/**
 * One data-quality rule of OUTLOOK.md §5: its code, its severity, and how it
 * finds its findings (as data; the words are in src/present/format/qualityWords.ts).
 */
export interface QualityRule<C extends QualityCode = QualityCode> {
  readonly code: C;
  readonly severity: QualitySeverity;
  readonly find: (input: QualityInput) => Promise<QualityFinding<C>[]>;
}
