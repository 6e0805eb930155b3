import { join } from 'node:path';
import { csvField } from '../model/csvText.js';
import type { FigureResult } from '../model/figureResult.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import type { RunContext } from './runContext.js';
import { writeAtomically } from './writeAtomically.js';

/** The columns of missing-reports.csv, in order. */
export const missingReportColumns = ['period', 'region', 'region_name', 'variable', 'variable_name', 'figures_left_empty'] as const;

/** A figure as missing-reports.csv names it: `rd_intensity@C01`. */
const figureName = (r: Pick<FigureResult, 'indicator' | 'region'>): string => `${r.indicator}@${r.region}`;

/**
 * The figures a missing report leaves 无数据, from the results' own account
 * of why they are empty: at the report's period, the region's figures whose
 * `missing_inputs` name the variable, and up the tree every ancestor's
 * figure that also misses it and names the child on the way in
 * `missing_children` (a region the indicator does not apply to has no row
 * and is passed through). Indexes the results once; the function it returns
 * answers per finding.
 */
function figuresLeftEmpty(context: Pick<RunContext, 'catalog' | 'regions' | 'results'>): (finding: QualityFinding<'MISSING_REPORT'>) => FigureResult[] {
  const parents = new Map(context.regions.map((r) => [r.code, r.parent]));
  const key = (indicator: string, region: string, period: string): string => JSON.stringify([indicator, region, period]);
  const rows = new Map(context.results.map((r) => [key(r.indicator, r.region, r.period), r]));
  const order = new Map(context.results.map((r, i) => [r, i]));
  return (finding) => {
    const variable = finding.variable ?? '';
    const empty = (r: FigureResult): boolean => r.status === 'no_data' && r.missingInputs.includes(variable);
    const left: FigureResult[] = [];
    for (const indicator of context.catalog.indicators) {
      if (!indicator.inputs.current.includes(variable)) continue;
      const own = rows.get(key(indicator.id, finding.region, finding.period));
      if (own !== undefined && !empty(own)) continue;
      if (own !== undefined) left.push(own);
      for (let child = finding.region, parent = parents.get(child); parent !== null && parent !== undefined; child = parent, parent = parents.get(child)) {
        const up = rows.get(key(indicator.id, parent, finding.period));
        if (up === undefined) continue;
        if (!empty(up) || !up.missingChildren.includes(child)) break;
        left.push(up);
      }
    }
    return left.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

/**
 * Writes missing-reports.csv, the 催报 list: one row per MISSING_REPORT
 * finding (period, region, variable, with names) and the figures it leaves
 * 无数据 at that period (`indicator@region`, `; ` between). UTF-8 with BOM;
 * renamed into place; the header alone when nothing is missing.
 */
export async function writeMissingReports(context: Pick<RunContext, 'catalog' | 'regions' | 'results'>, findings: readonly QualityFinding[], out: string): Promise<string> {
  const regionNames = new Map(context.regions.map((r) => [r.code, r.name]));
  const variableNames = new Map(context.catalog.variables.map((v) => [v.code, v.name]));
  const missing = findings.filter((f): f is QualityFinding<'MISSING_REPORT'> => f.code === 'MISSING_REPORT');
  const regionOrder = new Map(context.regions.map((r, i) => [r.code, i]));
  const variableOrder = new Map(context.catalog.variables.map((v, i) => [v.code, i]));
  // By period first: the list is read a quarter at a time.
  const sorted = [...missing].sort(
    (a, b) =>
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      (regionOrder.get(a.region) ?? 0) - (regionOrder.get(b.region) ?? 0) ||
      (variableOrder.get(a.variable ?? '') ?? 0) - (variableOrder.get(b.variable ?? '') ?? 0),
  );
  const leftEmpty = figuresLeftEmpty(context);
  const line = (f: QualityFinding<'MISSING_REPORT'>): string =>
    [
      f.period,
      f.region,
      regionNames.get(f.region) ?? f.region,
      f.variable,
      variableNames.get(f.variable ?? '') ?? f.variable,
      leftEmpty(f).map(figureName).join('; '),
    ]
      .map(csvField)
      .join(',');
  const file = join(out, 'missing-reports.csv');
  await writeAtomically([{ file, content: `\uFEFF${[missingReportColumns.join(','), ...sorted.map(line)].map((l) => `${l}\r\n`).join('')}` }]);
  return file;
}
