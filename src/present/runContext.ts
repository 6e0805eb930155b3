import type { Catalog } from '../catalog/catalog.js';
import type { FigureResult } from '../model/figureResult.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import type { Region } from '../model/region.js';
import type { Target } from '../model/target.js';
import type { StoredPlanTracking } from '../plan/trackPlan.js';
import type { Settings } from '../settings.js';
import type { RunInputs } from '../store/runInputs.js';

/**
 * One run as the phases hand it down: what went in (inputs, catalog,
 * settings, the regions and targets of its working set), what came out (every
 * assessed figure, in output order) and its plan tracking. `kpi run` fills it
 * as it computes and renders from it in the same process; `kpi report` on its
 * own builds it from the store (src/engine/loadRunContext.ts).
 */
export interface RunContext {
  readonly runId: number;
  /** When the run was made (ISO 8601). */
  readonly runAt: string;
  readonly settings: Settings;
  readonly inputs: RunInputs;
  readonly catalog: Catalog;
  /** In the order regions.csv lists them. */
  readonly regions: readonly Region[];
  readonly targets: readonly Target[];
  readonly results: readonly FigureResult[];
  /** Plan tracking at `planPeriod`, when the run had a plan (and the plan's year had begun). */
  readonly plan: StoredPlanTracking | undefined;
  readonly planPeriod: string | null;
  /**
   * The data-quality findings (OUTLOOK.md §5, src/assess/quality/), in quality.csv's order, when the run
   * computed them (`kpi run`), or as it stored them (`kpi report`, from the store).
   */
  readonly quality?: readonly QualityFinding[];
}

/** The periods with results, in order. */
export const periodsOf = (context: Pick<RunContext, 'results'>): string[] => [...new Set(context.results.map((r) => r.period))].sort();

/** The latest period with results, or null for a run without any. */
export const latestPeriod = (context: Pick<RunContext, 'results'>): string | null => periodsOf(context).at(-1) ?? null;
