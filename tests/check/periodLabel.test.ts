import { describe, expect, it } from 'vitest';
import { quarterContaining, readPeriodLabel } from '../../src/check/periodLabel.js';
import { like } from '../support/matchers.js';

describe('period labels', () => {
  it.each([
    ['2023Q2', '2023Q2', true],
    ['2023q2', '2023Q2', true],
    ['2023-Q2', '2023Q2', false],
    ['2023 Q2', '2023Q2', false],
    ['２０２３Ｑ２', '2023Q2', false],
    ['2023年一季度', '2023Q1', false],
    ['2023年第一季度', '2023Q1', false],
    ['2023年1季度', '2023Q1', false],
    ['2023年第四季度', '2023Q4', false],
    ['2023年1-3月', '2023Q1', false],
    ['2023年1-6月', '2023Q2', false],
    ['2023年1—6月', '2023Q2', false],
    ['2023年1月-9月', '2023Q3', false],
    ['２０２３年１－６月', '2023Q2', false],
    ['2023年1-12月', '2023Q4', false],
    ['2023年上半年', '2023Q2', false],
    ['2023年前三季度', '2023Q3', false],
  ])('%s is the quarter %s', (label, period, canonical) => {
    expect(readPeriodLabel(label)).toEqual({ ok: true, period: like.objectContaining({ period }), annual: false, canonical });
  });

  it.each([
    ['2023', true],
    ['2023年全年', false],
    ['2023年度', false],
    ['2023年', false],
  ])('%s is the annual figure, read as Q4', (label, canonical) => {
    expect(readPeriodLabel(label)).toEqual({ ok: true, period: { period: '2023Q4', year: 2023, quarter: 4 }, annual: true, canonical });
  });

  it.each([
    ['2023年1-5月', '季末'],
    ['2023年4-6月', '累计'],
    ['2023年6月', '单月'],
    ['2023年下半年', '下半年'],
    ['2023Q5', undefined],
    ['23Q2', undefined],
    ['', undefined],
  ])('%s is refused as ambiguous or wrong', (label, why) => {
    const reading = readPeriodLabel(label);
    expect(reading.ok).toBe(false);
    if (why !== undefined && !reading.ok) expect(reading.detail).toContain(why);
  });

  it('takes "now" on the Beijing calendar: 23:30 UTC on 30 June is already Q3 there', () => {
    expect(quarterContaining(new Date('2023-06-30T23:30:00Z')).period).toBe('2023Q3');
    expect(quarterContaining(new Date('2023-06-30T15:30:00Z')).period).toBe('2023Q2');
  });
});
