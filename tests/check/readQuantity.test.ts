import { describe, expect, it } from 'vitest';
import { readQuantity } from '../../src/check/readQuantity.js';
import { like } from '../support/matchers.js';

const count = { unit: '家', integer: true, min: 0 };
const money = { unit: '亿元' };

describe('value cells', () => {
  it.each([
    ['1,234.5', money, 1234.5, ['thousands_separator']],
    ['12,345,678', money, 12345678, ['thousands_separator']],
    ['１２３．５', money, 123.5, ['full_width']],
    ['－５', {}, -5, ['full_width']],
    ['12家', count, 12, ['unit_suffix']],
    ['12 家', count, 12, ['unit_suffix']],
    ['3.5亿元', money, 3.5, ['unit_suffix']],
    [' 42 ', count, 42, ['whitespace']],
    ['１,２３４家', count, 1234, ['full_width', 'thousands_separator', 'unit_suffix']],
    ['2.2%', { unit: '%' }, 2.2, ['unit_suffix']],
    ['12', count, 12, []],
    [12, count, 12, []],
    ['1e3', money, 1000, []],
  ] as const)('%j reads as %s, rewritten by %j', (cell, rules, value, applied) => {
    expect(readQuantity(cell, rules)).toEqual({ ok: true, value, applied });
  });

  it.each([
    ['1,23', money, 'BAD_THOUSANDS_SEPARATOR'],
    ['1234,5', money, 'BAD_THOUSANDS_SEPARATOR'],
    ['12%', money, 'PERCENT_VALUE'],
    ['１２％', count, 'PERCENT_VALUE'],
    ['12人', count, 'WRONG_UNIT'],
    ['3.5万元', money, 'WRONG_UNIT'],
    ['abc', money, 'NOT_A_NUMBER'],
    ['1 234', money, 'NOT_A_NUMBER'],
    ['2023Q1', money, 'NOT_A_NUMBER'],
    [true, money, 'NOT_A_NUMBER'],
    ['-3', count, 'VALUE_BELOW_MIN'],
    [-3, count, 'VALUE_BELOW_MIN'],
    ['12.5', count, 'NOT_AN_INTEGER'],
  ] as const)('%j is refused with %s', (cell, rules, code) => {
    expect(readQuantity(cell, rules)).toMatchObject({ ok: false, code });
  });

  it('says which unit a wrong suffix should have been', () => {
    expect(readQuantity('12人', count)).toMatchObject({ expected: like.stringContaining('「家」') });
  });
});
