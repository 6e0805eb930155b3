import { describe, expect, it } from 'vitest';
import { chineseFontWidth, displayWidth, padDisplay } from '../../src/model/displayWidth.js';

describe('display width', () => {
  it('counts a Chinese character and full-width punctuation as two columns, ASCII as one', () => {
    expect(displayWidth('宿迁市（321300）')).toBe(3 * 2 + 2 + 6 + 2);
    expect(displayWidth('宿迁市(321300)')).toBe(3 * 2 + 1 + 6 + 1);
    expect(displayWidth('全社会R&D经费支出占GDP比重')).toBe(10 * 2 + 6);
    expect(displayWidth('地区 region')).toBe(2 * 2 + 1 + 6);
    // Full-width forms and the ideographic space, which the old hand-made range left out or guessed.
    expect(displayWidth('１２．５％')).toBe(10);
    expect(displayWidth('\u3000')).toBe(2);
    expect(displayWidth('')).toBe(0);
  });

  it('counts what takes no room as nothing: combining marks and terminal colour codes', () => {
    // e + combining acute is one character on screen.
    expect(displayWidth('Cafe\u0301')).toBe(4);
    expect(displayWidth('\u001b[31m滞后\u001b[0m')).toBe(4);
  });

  it('counts the characters a Chinese font draws wide (— × “ ”) as one column in a terminal, two in a spreadsheet cell', () => {
    expect(displayWidth('已完成——')).toBe(8);
    expect(chineseFontWidth('已完成——')).toBe(10);
    expect(displayWidth('合作开设“订单班”')).toBe(4 * 2 + 1 + 3 * 2 + 1);
    expect(chineseFontWidth('合作开设“订单班”')).toBe(4 * 2 + 2 + 3 * 2 + 2);
    expect(chineseFontWidth('宿迁市（321300）')).toBe(displayWidth('宿迁市（321300）'));
  });

  it('pads labels on the right and numbers on the left to the same terminal column, whatever their script', () => {
    const rows = [padDisplay('宿迁市(321300)', 20) + padDisplay('22', 6, 'start'), padDisplay('苏宿工业园区(321393)', 20) + padDisplay('11', 6, 'start')];
    expect(rows).toEqual([`宿迁市(321300)${' '.repeat(6 + 4)}22`, '苏宿工业园区(321393)    11']);
    expect(rows.map(displayWidth)).toEqual([26, 26]);
    expect(padDisplay('12', 4, 'start')).toBe('  12');
    expect(padDisplay('某市', 6)).toBe('某市  ');
  });

  it('leaves a text already as wide as the column as it is', () => {
    expect(padDisplay('宿迁经济技术开发区', 10)).toBe('宿迁经济技术开发区');
    expect(padDisplay('12345', 3, 'start')).toBe('12345');
  });
});
