import { join } from 'node:path';
import type { EarlyWarning } from '../assess/outlook/earlyWarnings.js';
import { earlyWarnings } from '../assess/outlook/earlyWarnings.js';
import { csvField } from '../model/csvText.js';
import type { RunContext } from './runContext.js';
import { writeAtomically } from './writeAtomically.js';

/** The columns of warnings.csv, in order. */
export const warningColumns = ['period', 'indicator', 'indicator_name', 'region', 'region_name', 'actual', 'annual_target', 'projected', 'probability', 'shortfall', 'lead_units'] as const;

/** A run's early warnings (OUTLOOK.md §4), with its `warningProbability`: by period, most serious first. */
export const warningsOf = (context: Pick<RunContext, 'catalog' | 'results' | 'settings'>): EarlyWarning[] =>
  earlyWarnings(context.results, context.catalog.indicators, context.settings.warningProbability);

/**
 * Writes `warnings.csv` (预警清单) into `out`: one row per early warning of
 * every period, in {@link warningsOf}'s order; the header alone when there
 * are none. Like results.csv: UTF-8 with a BOM, numbers unrounded, null
 * empty; lead units joined by 、. `shortfall` is annual target − projected
 * (projected − annual target for lower-is-better): positive means short.
 * Written aside and renamed into place. Returns the file's path.
 *
 * @example await writeWarnings(context, 'out/.kpi/pub-000001-…') // 'out/.kpi/pub-000001-…/warnings.csv'
 */
export async function writeWarnings(context: Pick<RunContext, 'catalog' | 'results' | 'settings' | 'regions'>, out: string): Promise<string> {
  const indicators = new Map(context.catalog.indicators.map((i) => [i.id, i]));
  const regionNames = new Map(context.regions.map((r) => [r.code, r.name]));
  const lines = warningsOf(context).map((w) =>
    [w.period, w.indicator, indicators.get(w.indicator)?.name ?? w.indicator, w.region, regionNames.get(w.region) ?? w.region, w.actual, w.annualTarget, w.projected, w.probability, w.shortfall, w.leadUnits.join('、')]
      .map(csvField)
      .join(','),
  );
  const file = join(out, 'warnings.csv');
  await writeAtomically([{ file, content: `\uFEFF${[warningColumns.join(','), ...lines].join('\r\n')}\r\n` }]);
  return file;
}
