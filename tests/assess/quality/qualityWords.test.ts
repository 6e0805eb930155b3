import { describe, expect, it } from 'vitest';
import type { QualityCode, QualityFinding } from '../../../src/model/qualityFinding.js';
import { qualityCodes } from '../../../src/model/qualityFinding.js';
import { qualityText } from '../../../src/present/format/qualityWords.js';

const names = {
  region: (c: string) => ({ C: '宿迁市' })[c],
  variable: (c: string) => ({ gdp: '地区生产总值', rd_platforms: '研发平台数' })[c],
  indicator: (c: string) => ({ rd_intensity: 'R&D强度' })[c],
};
const at = { region: 'A', period: '2023Q2', indicator: null } as const;

/** A finding of every rule, with what its message must say. */
const examples: Record<QualityCode, { finding: QualityFinding; says: string[] }> = {
  YTD_DECREASE: {
    finding: { ...at, code: 'YTD_DECREASE', severity: 'error', variable: 'gdp', value: 90, reference: 100, params: { previousPeriod: '2023Q1' } },
    says: ['累计值下降 year-to-date total fell: 地区生产总值 2023Q2 为 90，低于 2023Q1 的 100'],
  },
  OUT_OF_RANGE: {
    finding: { ...at, code: 'OUT_OF_RANGE', severity: 'error', variable: null, indicator: 'rd_intensity', value: 150, reference: 100, params: { bound: 'max' } },
    says: ['超出范围 out of range: R&D强度 2023Q2 为 150，高于上限 100', 'above the catalog’s maximum'],
  },
  STOCK_JUMP: {
    finding: { ...at, code: 'STOCK_JUMP', severity: 'warning', variable: 'rd_platforms', value: 49, reference: 100, params: { previousPeriod: '2023Q1', tolerance: 0.5 } },
    says: ['存量跳变 stock jump: 研发平台数 2023Q2 为 49，较 2023Q1 的 100 变动 -51.00%，超过 50.00%'],
  },
  PARENT_SUM_MISMATCH: {
    finding: { ...at, code: 'PARENT_SUM_MISMATCH', severity: 'warning', variable: 'gdp', value: 410, reference: 400, params: { children: 2, tolerance: 0.005 } },
    says: ['本级报送 410，2 个下级合计 400，相差 2.44%，超过容差 0.50%', "parent differs from its children's sum"],
  },
  PEER_OUTLIER: {
    finding: { ...at, code: 'PEER_OUTLIER', severity: 'warning', variable: null, indicator: 'rd_intensity', value: 200, reference: 35, params: { parent: 'C', peers: 6, mad: 15, z: 7.4195, threshold: 3.5 } },
    says: ['同级离群 peer outlier: R&D强度 2023Q2 为 200，宿迁市(C) 下 6 个同级地区中位数 35，稳健 z = 7.42，超出 ±3.5'],
  },
  MISSING_REPORT: {
    finding: {
      ...at, code: 'MISSING_REPORT', severity: 'warning', variable: 'gdp', value: null, reference: 80,
      params: { previousPeriod: '2022Q2', lastYear: true, siblings: 4, siblingsReported: 2, fallback: 'children_sum', fallbackValue: 310 },
    },
    says: ['漏报 missing report: 地区生产总值 2023Q2 未报送', '上年同期 2022Q2 曾报送 80', '4 个同级地区中 2 个已报送', '暂用下级合计 310'],
  },
};

describe('the words of data-quality findings', () => {
  it('has an example for every rule', () => {
    expect(Object.keys(examples).sort()).toEqual([...qualityCodes].sort());
  });

  for (const [code, { finding, says }] of Object.entries(examples)) {
    it(`says ${code} in Chinese and English, with its numbers`, () => {
      const text = qualityText(finding, names);
      for (const part of says) expect(text).toContain(part);
      expect(text).toMatch(/[\u4e00-\u9fff]/u);
      expect(text).toMatch(/[a-z]{3,} [a-z]{3,}/);
    });
  }

  it('keeps a code where the run has no name for it', () => {
    expect(qualityText(examples.YTD_DECREASE.finding, { region: () => undefined, variable: () => undefined, indicator: () => undefined })).toContain('gdp 2023Q2');
  });
});
