import { describe, expect, it } from 'vitest';
import { medianAbsoluteDeviation } from 'simple-statistics';
import type { FolderSpec } from '../../support/fixture.js';
import { longCsv } from '../../support/fixture.js';
import { like } from '../../support/matchers.js';
import { cityOf, findingsOf, runQuality, where } from './qualityRun.js';

/** Districts D1…Dn whose R&D intensity (100 × rd_expenditure ÷ gdp, gdp = 100) is exactly the given values, in 2023Q1. */
function intensities(values: readonly number[], settings?: object): FolderSpec {
  return {
    regions: cityOf(values.length),
    observations: { 'q.csv': longCsv(values.flatMap((v, i) => [[`D${i + 1}`, '2023Q1', 'gdp', 100], [`D${i + 1}`, '2023Q1', 'rd_expenditure', v]] as const)) },
    ...(settings ? { settings } : {}),
  };
}

describe('PEER_OUTLIER: an intensive figure far from its siblings’', () => {
  it('uses simple-statistics’ raw MAD, the median of |x − median| with no 1.4826 scaling', () => {
    expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });

  it('warns where robust z = 0.6745 × (x − median) / MAD is beyond ±3.5, naming the median and z', async () => {
    // median (30 + 40) / 2 = 35; |x − 35| = 25 15 5 5 15 165 → MAD 15; z(200) = 0.6745 × 165 / 15 = 7.4195; z(10) = −1.124…
    const { findings } = await runQuality(intensities([10, 20, 30, 40, 50, 200]));
    expect(findingsOf(findings, 'PEER_OUTLIER')).toEqual([
      {
        code: 'PEER_OUTLIER', severity: 'warning', region: 'D6', period: '2023Q1', variable: null, indicator: 'rd_intensity',
        value: 200, reference: 35, params: { parent: 'C', peers: 6, mad: 15, z: like.closeTo(7.4195, 9), threshold: 3.5 },
      },
    ]);
  });

  it('lets a z of exactly outlierZ pass, and flags it just below (outlierZ from settings.json)', async () => {
    const z = (0.6745 * (135 - 35)) / 15;
    expect(findingsOf((await runQuality(intensities([10, 20, 30, 40, 50, 135], { outlierZ: z }))).findings, 'PEER_OUTLIER')).toEqual([]);
    expect(where(findingsOf((await runQuality(intensities([10, 20, 30, 40, 50, 135], { outlierZ: z - 1e-9 }))).findings, 'PEER_OUTLIER'))).toEqual(['D6 2023Q1 rd_intensity']);
  });

  it('judges only among at least 5 siblings with a value: 4 are too few, 5 are enough', async () => {
    expect(findingsOf((await runQuality(intensities([1, 2, 3, 500]))).findings, 'PEER_OUTLIER')).toEqual([]);
    expect(where(findingsOf((await runQuality(intensities([1, 2, 3, 4, 500]))).findings, 'PEER_OUTLIER'))).toEqual(['D5 2023Q1 rd_intensity']);
  });

  it('judges no one when MAD is 0 (most siblings equal)', async () => {
    expect(findingsOf((await runQuality(intensities([2, 2, 2, 2, 2, 9]))).findings, 'PEER_OUTLIER')).toEqual([]);
  });

  it('leaves extensive indicators alone: a big county is not an outlier', async () => {
    const counts = [10, 20, 30, 40, 50, 900];
    const { findings } = await runQuality({ regions: cityOf(6), observations: { 'q.csv': longCsv(counts.map((v, i) => [`D${i + 1}`, '2023Q1', 'rd_platforms', v] as const)) } });
    expect(findingsOf(findings, 'PEER_OUTLIER')).toEqual([]);
  });

  it('compares siblings only: children of another parent are not peers', async () => {
    // Nine districts at 10…18 and, under D1, five towns at 50…54: ordinary within each family. Taken as one
    // group of 14, the median would be 16.5 and MAD 5, and the town at 54 an outlier (z = 0.6745 × 37.5 / 5 ≈ 5.06).
    const regions = `${cityOf(9)}${[1, 2, 3, 4, 5].map((i) => `T${i},Town ${i},D1,town,false\n`).join('')}`;
    const rows = [
      ...[10, 11, 12, 13, 14, 15, 16, 17, 18].flatMap((v, i) => [[`D${i + 1}`, '2023Q1', 'gdp', 100], [`D${i + 1}`, '2023Q1', 'rd_expenditure', v]] as const),
      ...[50, 51, 52, 53, 54].flatMap((v, i) => [[`T${i + 1}`, '2023Q1', 'gdp', 100], [`T${i + 1}`, '2023Q1', 'rd_expenditure', v]] as const),
    ];
    expect(findingsOf((await runQuality({ regions, observations: { 'q.csv': longCsv(rows) } })).findings, 'PEER_OUTLIER')).toEqual([]);
  });
});
