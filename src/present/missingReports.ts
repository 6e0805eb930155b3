import type { FigureResult } from '../model/figureResult.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import type { RunContext } from './runContext.js';

/** 催报: a region that did not report a variable at a period, and the published figures that leaves 无数据. */
export interface MissingReport {
  readonly finding: QualityFinding<'MISSING_REPORT'>;
  readonly leftEmpty: readonly FigureResult[];
}

/**
 * The 催报 list, from the MISSING_REPORT findings and the results' own
 * account of why they are empty: at the finding's period, the region's
 * figures whose `missing_inputs` name the variable, and up the tree every
 * ancestor's figure that also misses it and names the child on the way in
 * `missing_children` (a region the indicator does not apply to has no row
 * and is passed through). By period, then region and variable in file and
 * catalog order. Written to missing-reports.csv and shown in the 通报.
 *
 * @example missingReportsOf(context, findings)[0] // { finding: {code: 'MISSING_REPORT', region: 'D3', variable: 'rd_expenditure', …}, leftEmpty: [rd_intensity@D3, rd_intensity@C] }
 */
export function missingReportsOf(context: Pick<RunContext, 'catalog' | 'regions' | 'results'>, findings: readonly QualityFinding[]): MissingReport[] {
  const missing = findings.filter((f): f is QualityFinding<'MISSING_REPORT'> => f.code === 'MISSING_REPORT');
  const regionOrder = new Map(context.regions.map((r, i) => [r.code, i]));
  const variableOrder = new Map(context.catalog.variables.map((v, i) => [v.code, i]));
  const sorted = [...missing].sort(
    (a, b) =>
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      (regionOrder.get(a.region) ?? 0) - (regionOrder.get(b.region) ?? 0) ||
      (variableOrder.get(a.variable ?? '') ?? 0) - (variableOrder.get(b.variable ?? '') ?? 0),
  );
  const leftEmpty = figuresLeftEmpty(context);
  return sorted.map((finding) => ({ finding, leftEmpty: leftEmpty(finding) }));
}

/** Indexes the results once; the function it returns answers per finding. */
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
