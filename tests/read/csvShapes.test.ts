import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { checkDataFolder } from '../../src/check/checkDataFolder.js';
import { isError } from '../../src/diagnostics/diagnostic.js';
import { writeFolder } from '../support/fixture.js';

async function check(observations: Record<string, string | Uint8Array>) {
  const data = await writeFolder({ observations });
  const folder = await checkDataFolder(data, await loadCatalog('metrics'), () => {}, { now: new Date('2024-01-01T00:00:00Z') });
  const all = folder.diagnostics.map((d) => [d.code, d.row, d.column, d.value]);
  return { folder, all, errors: folder.diagnostics.filter(isError).map((d) => [d.code, d.row, d.column, d.value]) };
}

describe('non-finite numbers are never stored', () => {
  it('1e400 (Infinity) in a CSV is NOT_A_NUMBER, while 1.7e308 is a valid input', async () => {
    const { errors, folder } = await check({ 'a.csv': 'region,period,variable,value\nA,2023Q1,gdp,1e400\nB,2023Q1,gdp,1.7e308\nA,2023Q1,rd_expenditure,-1e400\n' });
    expect(errors).toEqual([
      ['NOT_A_NUMBER', 2, 'value', '1e400'],
      ['NOT_A_NUMBER', 4, 'value', '-1e400'],
    ]);
    expect(folder.observationFiles[0]?.observations.map((o) => o.value)).toEqual([1.7e308]);
  });

  it('1e400 in a JSON file and NaN are NOT_A_NUMBER', async () => {
    const { errors } = await check({ 'a.json': '[{"region":"A","period":"2023Q1","gdp":1e400},{"region":"B","period":"2023Q1","gdp":"NaN"}]' });
    expect(errors.map((e) => [e[0], e[1]])).toEqual([
      ['NOT_A_NUMBER', 1],
      ['NOT_A_NUMBER', 2],
    ]);
  });
});

describe('CSV files as Excel and other tools write them', () => {
  it('a semicolon-separated file is one WRONG_DELIMITER, not a missing column each', async () => {
    const { errors } = await check({ 'a.csv': 'region;period;variable;value\nA;2023Q1;gdp;1,5\n' });
    expect(errors).toEqual([['WRONG_DELIMITER', 1, undefined, 'region;period;variable;value']]);
  });

  it('a tab-separated file is one WRONG_DELIMITER', async () => {
    const { errors } = await check({ 'a.csv': 'region\tperiod\tvariable\tvalue\nA\t2023Q1\tgdp\t1\n' });
    expect(errors.map((e) => e[0])).toEqual(['WRONG_DELIMITER']);
  });

  it("Excel's sep=, first line is skipped with a note, and rows are numbered as Excel shows them", async () => {
    const { all, folder } = await check({ 'a.csv': 'sep=,\r\nregion,period,variable,value\r\nA,2023Q1,gdp,1\r\nB,2023Q1,gdp,abc\r\n' });
    expect(all).toEqual([
      ['CSV_SEP_LINE', 1, undefined, 'sep=,'],
      ['NOT_A_NUMBER', 3, 'value', 'abc'],
    ]);
    expect(folder.observationFiles[0]?.observations.map((o) => o.row)).toEqual([2]);
  });

  it('sep=; is a WRONG_DELIMITER', async () => {
    const { errors } = await check({ 'a.csv': 'sep=;\nregion;period;variable;value\nA;2023Q1;gdp;1\n' });
    expect(errors.map((e) => e[0])).toEqual(['WRONG_DELIMITER']);
  });

  it('trailing empty columns of a wide file are ignored, and an unnamed column with values is reported once, by its letter', async () => {
    const trailing = await check({ 'a.csv': 'region,period,gdp,,\nA,2023Q1,1,,\nB,2023Q1,2,,\n' });
    expect(trailing.all).toEqual([]);
    const middle = await check({ 'a.csv': 'region,period,,gdp,,\nA,2023Q1,9,1,,\nB,2023Q1,8,2,,\n' });
    expect(middle.errors).toEqual([['EMPTY_HEADER', 1, 'C列 column C (#3)', '']]);
  });

  it('with CRLF line ends, a quoted cell spanning lines does not shift later rows', async () => {
    const { errors } = await check({ 'a.csv': 'region,period,variable,value,note\r\nA,2023Q1,gdp,x,"two\r\nlines"\r\nB,2023Q1,gdp,abc,\r\n' });
    expect(errors).toEqual([
      ['NOT_A_NUMBER', 2, 'value', 'x'],
      ['NOT_A_NUMBER', 4, 'value', 'abc'],
    ]);
  });

  it('one NUL byte gives one BINARY_FILE diagnostic, also in a file with a BOM or in GBK', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `A,2023Q1,gdp,${i}`).join('\n');
    for (const text of [`region,period,variable,value\n${rows}\nB,2023Q1,gdp,1\u0000\n`, `\uFEFFregion,period,variable,value\nB,2023Q1,gdp,1\u0000\n${rows}\n`]) {
      const { errors } = await check({ 'a.csv': text });
      expect(errors.map((e) => e[0])).toEqual(['BINARY_FILE']);
    }
    const gbk = Buffer.concat([Buffer.from('region,period,variable,value,note\nA,2023Q1,gdp,1,'), Buffer.from([0xca, 0xfd, 0x00, 0xbe, 0xdd]), Buffer.from('\n')]);
    expect((await check({ 'a.csv': gbk })).errors.map((e) => e[0])).toEqual(['BINARY_FILE']);
  });
});

describe('repeated problems are said once with a count', () => {
  it('10,000 unknown columns give one diagnostic with the count and the first names', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `col${i}`);
    const { folder } = await check({ 'a.csv': `region,period,${names.join(',')}\nA,2023Q1,${names.map(() => '1').join(',')}\n` });
    const unknown = folder.diagnostics.filter((d) => d.code === 'UNKNOWN_VARIABLE_COLUMN');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ row: 1, column: 'col0', value: 'col0' });
    expect(unknown[0]?.message).toContain('10000');
    expect(unknown[0]?.message).toContain('col4');
    expect(JSON.stringify(folder.diagnostics).length).toBeLessThan(5_000);
  });

  it('a few problems of one kind are each listed where they are', async () => {
    const { errors } = await check({ 'a.csv': 'region,period,variable,value\nA,2023Q1,gdp,x\nB,2023Q1,gdp,y\n' });
    expect(errors).toEqual([
      ['NOT_A_NUMBER', 2, 'value', 'x'],
      ['NOT_A_NUMBER', 3, 'value', 'y'],
    ]);
  });
});
