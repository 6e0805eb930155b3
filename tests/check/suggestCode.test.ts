import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/check/editDistance.js';
import { didYouMean, suggestCode } from '../../src/check/suggestCode.js';

const regions = [
  { code: '321300', name: '宿迁市' },
  { code: '321322', name: '沭阳县' },
  { code: '321323', name: '泗阳县' },
];
const variables = [
  { code: 'gdp', name: '地区生产总值（现价）' },
  { code: 'incubators', name: '国家和省级科技企业孵化器、众创空间数' },
];

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit, and a Chinese character as one', () => {
    expect(editDistance('gpd', 'gdp')).toBe(1);
    expect(editDistance('沭阳', '沭阳县')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it.each([
    ['321332', '321322'],
    ['沭阳', '321322'],
    ['沭阳县', '321322'],
    ['GDP', 'gdp'],
    ['gpd', 'gdp'],
    ['incubator', 'incubators'],
    ['国家和省级科技企业孵化器、众创空间', 'incubators'],
  ])('%s → %s', (value, code) => {
    expect(suggestCode(value, [...regions, ...variables])?.code).toBe(code);
  });

  it('suggests nothing when nothing is close', () => {
    expect(suggestCode('X9', regions)).toBeUndefined();
    expect(suggestCode('population', variables)).toBeUndefined();
    expect(didYouMean('X9', regions, 'regions.csv 中的地区代码')).toBe('regions.csv 中的地区代码');
  });

  it('puts the suggestion first, in Chinese and English, then the advice', () => {
    expect(didYouMean('321332', regions, 'regions.csv 中的地区代码')).toBe('你是不是要写 321322（沭阳县）？did you mean 321322 (沭阳县)?；regions.csv 中的地区代码');
  });
});
