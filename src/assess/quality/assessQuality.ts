import type { QualityFinding } from '../../model/qualityFinding.js';
import { qualityCodes, qualityFindingSchema, qualitySeverities } from '../../model/qualityFinding.js';
import type { QualityInput } from './qualityRule.js';
import { qualityRules } from './qualityRules.js';

/**
 * Runs every data-quality rule over a computed run (OUTLOOK.md §5) and
 * returns their findings in the order quality.csv lists them: errors first,
 * then by code, region (as regions.csv lists them), period, and the variable
 * or indicator (variables first, each in catalog order). Reads only; a
 * finding never stops a run.
 *
 * @example const findings = await assessQuality({ store, catalog, settings, regions, results });
 */
export async function assessQuality(input: QualityInput): Promise<QualityFinding[]> {
  const found: QualityFinding[] = [];
  for (const code of qualityCodes) {
    const rule = qualityRules[code];
    for (const finding of await rule.find(input)) {
      // A broken invariant, not a user's problem: a rule handing on a finding its code does not describe.
      if (finding.code !== rule.code || finding.severity !== rule.severity) throw new Error(`rule ${rule.code} made a ${finding.code} ${finding.severity} finding`);
      found.push(qualityFindingSchema.parse(finding) as QualityFinding);
    }
  }
  return found.sort(qualityOrder(input));
}

/** The order of quality.csv. */
function qualityOrder({ regions, catalog }: Pick<QualityInput, 'regions' | 'catalog'>): (a: QualityFinding, b: QualityFinding) => number {
  const place = <T>(list: readonly T[]): Map<T, number> => new Map(list.map((x, i) => [x, i]));
  const severity = place(qualitySeverities);
  const region = place(regions.map((r) => r.code));
  const variable = place(catalog.variables.map((v) => v.code));
  const indicator = place(catalog.indicators.map((i) => i.id));
  // Variables before indicators; an unknown code (none should be) last, by its text.
  const subject = (f: QualityFinding): [number, number, string] =>
    f.variable !== null ? [0, variable.get(f.variable) ?? Infinity, f.variable] : [1, indicator.get(f.indicator ?? '') ?? Infinity, f.indicator ?? ''];
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => {
    const [sa, sb] = [subject(a), subject(b)];
    return (
      (severity.get(a.severity) ?? 0) - (severity.get(b.severity) ?? 0) ||
      text(a.code, b.code) ||
      (region.get(a.region) ?? Infinity) - (region.get(b.region) ?? Infinity) ||
      text(a.region, b.region) ||
      text(a.period, b.period) ||
      sa[0] - sb[0] ||
      sa[1] - sb[1] ||
      text(sa[2], sb[2])
    );
  };
}
