import { median, medianAbsoluteDeviation } from 'simple-statistics';
import type { QualityFinding } from '../../model/qualityFinding.js';
import type { QualityInput, QualityRule } from './qualityRule.js';

/** Makes the MAD of a normal sample estimate its standard deviation (1 / 1.4826 ≈ 0.6745): Iglewicz and Hoaglin's modified z-score. */
export const ROBUST_Z_FACTOR = 0.6745;

/** Siblings with a value needed before any of them is judged against the others. */
export const MIN_PEERS = 5;

/**
 * PEER_OUTLIER (warning): an intensive indicator (a ratio, a rate) whose
 * value for a region is far from its siblings' (the regions with the same
 * parent, itself included) at the same period: robust z = 0.6745 × (x −
 * median) / MAD with |z| > `outlierZ` (exactly at it is not flagged), judged
 * only among at least 5 siblings with a value and MAD > 0. simple-statistics'
 * `medianAbsoluteDeviation` is the raw median of |x − median| (not scaled by
 * 1.4826), which is what the 0.6745 factor expects. Extensive indicators
 * (counts, sums) are left out: a big county is not an outlier.
 */
export const peerOutlier: QualityRule<'PEER_OUTLIER'> = {
  code: 'PEER_OUTLIER',
  severity: 'warning',
  find: (input) => Promise.resolve(peerOutliers(input)),
};

interface Valued {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly actual: number;
}

/** The rule over the run's figures alone: no store. */
function peerOutliers({ catalog, regions, results, settings }: QualityInput): QualityFinding<'PEER_OUTLIER'>[] {
  const intensive = new Set(catalog.indicators.filter((i) => i.scope === 'intensive').map((i) => i.id));
  const parents = new Map(regions.map((r) => [r.code, r.parent]));
  const groups = new Map<string, { parent: string; rows: Valued[] }>();
  for (const r of results) {
    const parent = parents.get(r.region);
    if (!intensive.has(r.indicator) || parent === null || parent === undefined || r.actual === null) continue;
    const key = JSON.stringify([r.indicator, r.period, parent]);
    const group = groups.get(key) ?? { parent, rows: [] };
    group.rows.push({ indicator: r.indicator, region: r.region, period: r.period, actual: r.actual });
    groups.set(key, group);
  }
  const threshold = settings.outlierZ;
  const found: QualityFinding<'PEER_OUTLIER'>[] = [];
  for (const { parent, rows } of groups.values()) {
    if (rows.length < MIN_PEERS) continue;
    const values = rows.map((r) => r.actual);
    const middle = median(values);
    const mad = medianAbsoluteDeviation(values);
    if (!(mad > 0)) continue;
    for (const r of rows) {
      const z = (ROBUST_Z_FACTOR * (r.actual - middle)) / mad;
      if (!(Math.abs(z) > threshold)) continue;
      found.push({
        code: 'PEER_OUTLIER',
        severity: 'warning',
        region: r.region,
        period: r.period,
        variable: null,
        indicator: r.indicator,
        value: r.actual,
        reference: middle,
        params: { parent, peers: rows.length, mad, z, threshold },
      });
    }
  }
  return found;
}
