import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/store.js';
import { longCsv, writeFolder } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

/*
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) is data
 * in a text column: a region's name, a note, a source. Only a value cell
 * must be a number. results.csv neutralizes such text with an apostrophe.
 */
describe('text cells that look like formulas', () => {
  it('a region name starting with = + - or @ loads, and results.csv writes it with a leading apostrophe', async () => {
    const regions = 'code,name,parent,level\nC,=1+2,,city\nA,+甲区,C,district\nB,@乙区,C,district\n';
    const observations = 'region,period,variable,value,source,note\nA,2023Q1,gdp,100,-统计局,=以快报为准\nA,2023Q1,rd_expenditure,2,,\nB,2023Q1,gdp,50,,\nB,2023Q1,rd_expenditure,1,,\n';
    const data = await writeFolder({ regions, observations: { 'obs.csv': observations } });
    const out = join(data, 'out');
    const term = fakeTerminal();

    expect(await main(['run', '--data', data, '--out', out, '--no-report', '--quiet'], term), term.stderr.join('\n')).toBe(0);

    const csv = await readFile(join(out, 'results.csv'), 'utf8');
    expect(csv).toContain(",'=1+2,");
    expect(csv).toContain(",'+甲区,");
    expect(csv).toContain(",'@乙区,");
    const store = await Store.open(join(out, 'kpi.duckdb'));
    try {
      expect(await store.one('SELECT name FROM regions WHERE code = $c', { c: 'C' })).toEqual({ name: '=1+2' });
      expect(await store.one(`SELECT source, note FROM observations WHERE region = 'A' AND variable = 'gdp'`)).toEqual({ source: '-统计局', note: '=以快报为准' });
    } finally {
      store.close();
    }
  });

  it('a value cell that starts with = is not a number, and is rejected', async () => {
    const data = await writeFolder({ observations: { 'obs.csv': longCsv([['A', '2023Q1', 'gdp', '=100+20']]) } });
    const term = fakeTerminal();
    expect(await main(['run', '--data', data, '--out', join(data, 'out'), '--no-report', '--quiet'], term)).toBe(1);
    expect(term.stderr.join('\n')).toContain('NOT_A_NUMBER');
  });
});
