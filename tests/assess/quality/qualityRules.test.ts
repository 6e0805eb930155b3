import { describe, expect, it } from 'vitest';
import { qualityRules } from '../../../src/assess/quality/qualityRules.js';
import type { QualityCode, QualitySeverity } from '../../../src/model/qualityFinding.js';
import { qualityCodes, qualityFindingSchema } from '../../../src/model/qualityFinding.js';

/** OUTLOOK.md §5, the table: each rule and its severity. */
const table: Record<QualityCode, QualitySeverity> = {
  YTD_DECREASE: 'error',
  OUT_OF_RANGE: 'error',
  STOCK_JUMP: 'warning',
  PARENT_SUM_MISMATCH: 'warning',
  PEER_OUTLIER: 'warning',
  MISSING_REPORT: 'warning',
};

describe('the registry of data-quality rules', () => {
  it('has one rule per code of OUTLOOK.md §5, under its own code, with the table’s severity', () => {
    expect([...qualityCodes].sort()).toEqual(Object.keys(table).sort());
    for (const code of qualityCodes) expect([qualityRules[code].code, qualityRules[code].severity]).toEqual([code, table[code]]);
  });

  it('describes a finding by a schema that refuses another rule’s parameters', () => {
    const finding = { code: 'STOCK_JUMP', severity: 'warning', region: 'A', period: '2023Q2', variable: 'rd_platforms', indicator: null, value: 151, reference: 100, params: { previousPeriod: '2023Q1', tolerance: 0.5 } };
    expect(qualityFindingSchema.parse(finding)).toEqual(finding);
    expect(() => qualityFindingSchema.parse({ ...finding, params: { bound: 'max' } })).toThrow();
    expect(() => qualityFindingSchema.parse({ ...finding, code: 'NEW_RULE' })).toThrow();
  });
});
