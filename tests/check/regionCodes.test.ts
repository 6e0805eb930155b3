import { describe, expect, it } from 'vitest';
import { checkRegions } from '../../src/check/checkRegions.js';
import { parseCsvText } from '../../src/read/readCsv.js';

const check = (rows: string) => checkRegions(parseCsvText('regions.csv', `code,name,parent,level\nC,City,,city\n${rows}`));

describe('region codes name report files, so they are letters, digits, - and _ only', () => {
  it('accepts codes such as 321322, zone_1 and A-2', () => {
    expect(check('321322,甲,C,county\nzone_1,乙,C,zone\nA-2,丙,C,district\n').diagnostics).toEqual([]);
  });

  it.each(['../../PWNED', 'a/b', 'a b', '宿城区', 'a\\b', 'x.y'])('%s is BAD_REGION_CODE with the bad value', (code) => {
    const { diagnostics } = check(`"${code}",甲,C,county\n`);
    expect(diagnostics.map((d) => [d.code, d.row, d.column, d.value])).toEqual([['BAD_REGION_CODE', 3, 'code', code]]);
  });
});
