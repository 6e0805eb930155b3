import { describe, expect, it } from 'vitest';
import type { Finding, FindingCode } from '../../src/model/finding.js';
import { decodeFindings, findingCodes } from '../../src/model/finding.js';
import { findingText, notesText } from '../../src/present/format/findingWords.js';

const names = { region: (code: string) => ({ C: '宿迁市', B: 'District B' })[code] };

/** One finding of every code, with the sentence it must read as. */
const examples: Record<FindingCode, { finding: Finding; says: string }> = {
  ZERO_DIVISION: { finding: { code: 'ZERO_DIVISION', params: { divisor: 'gdp', previousYear: true } }, says: '除数为零 division by zero: 上年同期 previous year: gdp = 0' },
  NOT_FINITE: { finding: { code: 'NOT_FINITE', params: { formula: 'exp(gdp)' } }, says: '数值溢出 overflow: exp(gdp) 的某一步不是有限数' },
  CHILDREN_SUM_NOT_FINITE: {
    finding: { code: 'CHILDREN_SUM_NOT_FINITE', params: { inputs: [{ input: 'prev_year(gdp)', period: '2022Q2' }] } },
    says: '下级合计不是有限数 the sum of the children is not a finite number: prev_year(gdp) 2022Q2',
  },
  TARGET_NOT_POSITIVE: { finding: { code: 'TARGET_NOT_POSITIVE', params: { target: -2 } }, says: '目标值 -2 不大于0' },
  ANNUAL_TARGET_NOT_POSITIVE: { finding: { code: 'ANNUAL_TARGET_NOT_POSITIVE', params: { annualTarget: 0 } }, says: '年度目标 0 不大于0' },
  LOWER_ACTUAL_NOT_POSITIVE: { finding: { code: 'LOWER_ACTUAL_NOT_POSITIVE', params: { actual: 0 } }, says: '逆向指标实际值 0 不大于0' },
  MEASURE_NOT_FINITE: { finding: { code: 'MEASURE_NOT_FINITE', params: { measure: 'annual_progress' } }, says: '数值溢出 overflow: 年度完成率 annual progress 不是有限数' },
  MISSING_INPUTS: { finding: { code: 'MISSING_INPUTS', params: { inputs: ['gdp', 'prev_year(gdp)'] } }, says: '缺少数据 missing input: gdp, prev_year(gdp)' },
  MISSING_CHILDREN: { finding: { code: 'MISSING_CHILDREN', params: { children: ['B', 'X9'] } }, says: '下级未报 missing children: District B(B)、X9' },
  TARGET_INHERITED: { finding: { code: 'TARGET_INHERITED', params: { from: 'C' } }, says: '目标继承自 target inherited from 宿迁市(C)' },
  NO_SCHEDULE_ROW: { finding: { code: 'NO_SCHEDULE_ROW', params: {} }, says: '无本期进度目标，按线性序时' },
  PARENT_SUM_MISMATCH: {
    finding: { code: 'PARENT_SUM_MISMATCH', params: { variable: 'gdp', period: '2023Q1', reported: 200, childrenSum: 150 } },
    says: '数据质量 data quality: gdp 2023Q1 本级报送 200，下级合计 150，相差 25.00%',
  },
};

describe('the words of findings', () => {
  it('has an example here for every code of the catalog', () => {
    expect(Object.keys(examples).sort()).toEqual([...findingCodes].sort());
  });

  for (const [code, { finding, says }] of Object.entries(examples)) {
    it(`says ${code} with its parameters`, () => {
      expect(findingText(finding, names)).toContain(says);
    });
  }

  it('names variables in words where the reader is given them (the 通报), codes otherwise', () => {
    const finding = examples.PARENT_SUM_MISMATCH.finding;
    expect(findingText(finding, { ...names, variable: (c) => (c === 'gdp' ? '地区生产总值' : undefined) })).toContain('地区生产总值 2023Q1');
    expect(findingText(examples.MISSING_INPUTS.finding, { ...names, variable: () => 'GDP' })).toContain('GDP, prev_year(GDP)');
  });

  it('joins a figure’s findings with ；, and has no notes for none', () => {
    expect(notesText([], names)).toBeNull();
    expect(notesText([examples.NO_SCHEDULE_ROW.finding, examples.TARGET_INHERITED.finding], names)).toMatch(/linear；目标继承自/);
  });
});

describe('decoding stored findings', () => {
  it('reads back what the engine writes', () => {
    const all = Object.values(examples).map((e) => e.finding);
    expect(decodeFindings(JSON.stringify(all))).toEqual(all);
  });

  it('refuses a code or parameter the catalog does not know', () => {
    expect(() => decodeFindings('[{"code":"NEW_THING","params":{}}]')).toThrow();
    expect(() => decodeFindings('[{"code":"TARGET_NOT_POSITIVE","params":{"target":"0"}}]')).toThrow();
  });
});
