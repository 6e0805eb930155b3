import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { checkDataFolder } from '../../src/check/checkDataFolder.js';
import type { Normalization } from '../../src/check/normalization.js';
import { normalizationDescriptions, normalizationRules } from '../../src/check/normalization.js';
import { summarizeNormalizations } from '../../src/check/summarizeNormalizations.js';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { gb18030Bytes, writeFolder } from '../support/fixture.js';

/*
 * One folder with every way a cell may arrive that still has one meaning.
 * Each rewrite must be accepted, stored as the number or period it means,
 * and listed in `normalizations`: nothing is normalized silently.
 */
const targets = 'indicator,region,year,period,value\nrd_intensity,,2023,,2.2%\nnew_incubated_firms,,2023,2023年上半年,60\n';
const observations =
  'region,period,variable,value\n' +
  'A,2023年1-3月,gdp,"1,234.5"\n' + // line 2: period label, thousands separator
  'A,2023年1-3月,rd_expenditure,２４．６９\n' + // line 3: full width
  'B,2023Q1,incubators,12家\n' + // line 4: the variable's unit
  'B,2023Q1,gdp, 617.25 \n'; // line 5: spaces

async function folderWithEverything(): Promise<string> {
  return writeFolder({ targets, observations: { 'q1.csv': gb18030Bytes(observations) } });
}

describe('normalizations on the way in', () => {
  it('lists every rewrite with its file, row, column, rule, and what came in and what is kept', async () => {
    const data = await folderWithEverything();
    const folder = await checkDataFolder(data, await loadCatalog('metrics'));
    const obs = join(data, 'observations', 'q1.csv');
    const tgt = join(data, 'targets.csv');

    expect(folder.diagnostics).toEqual([]);
    expect(folder.normalizations).toEqual<Normalization[]>([
      { file: tgt, row: 2, column: 'value', rule: 'unit_suffix', from: '2.2%', to: '2.2' },
      { file: tgt, row: 3, column: 'period', rule: 'period_label', from: '2023年上半年', to: '2023Q2' },
      { file: obs, rule: 'encoding', from: 'gb18030', to: 'utf-8' },
      { file: obs, row: 2, column: 'period', rule: 'period_label', from: '2023年1-3月', to: '2023Q1' },
      { file: obs, row: 2, column: 'value', rule: 'thousands_separator', from: '1,234.5', to: '1234.5' },
      { file: obs, row: 3, column: 'period', rule: 'period_label', from: '2023年1-3月', to: '2023Q1' },
      { file: obs, row: 3, column: 'value', rule: 'full_width', from: '２４．６９', to: '24.69' },
      { file: obs, row: 4, column: 'value', rule: 'unit_suffix', from: '12家', to: '12' },
      { file: obs, row: 5, column: 'value', rule: 'whitespace', from: ' 617.25 ', to: '617.25' },
    ]);
    expect(folder.observationFiles[0]?.normalizations).toHaveLength(7);
    // Every rule the engine knows shows up at least once here.
    expect(new Set(folder.normalizations.map((n) => n.rule))).toEqual(new Set(normalizationRules));
  });

  it('stores the numbers and periods the cells mean', async () => {
    const data = await folderWithEverything();
    const summary = await runJob({ data, out: join(data, 'out') });
    const store = await Store.open(summary.db);
    try {
      const rows = await store.all<{ region: string; period: string; variable: string; value: number }>(
        'SELECT region, period, variable, value FROM observations ORDER BY obs_id',
      );
      expect(rows).toEqual([
        { region: 'A', period: '2023Q1', variable: 'gdp', value: 1234.5 },
        { region: 'A', period: '2023Q1', variable: 'rd_expenditure', value: 24.69 },
        { region: 'B', period: '2023Q1', variable: 'incubators', value: 12 },
        { region: 'B', period: '2023Q1', variable: 'gdp', value: 617.25 },
      ]);
      const stored = await store.all<{ period: string | null; value: number }>('SELECT period, value FROM targets ORDER BY indicator');
      expect(stored).toEqual(expect.arrayContaining([{ period: null, value: 2.2 }, { period: '2023Q2', value: 60 }]));
    } finally {
      store.close();
    }
  });

  it('has a bilingual description for every rule', () => {
    for (const rule of normalizationRules) {
      expect(normalizationDescriptions[rule]).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
    }
  });
});

describe('summarizeNormalizations', () => {
  const file = 'data/observations/x.csv';
  const cell = (row: number, rule: Normalization['rule']): Normalization => ({ file, row, column: 'value', rule, from: '1,234', to: '1234' });

  it('says per file what was done, counted, with the first rows', () => {
    const list: Normalization[] = [
      { file, rule: 'encoding', from: 'gb18030', to: 'utf-8' },
      ...[3, 4, 9, 12].map((row) => cell(row, 'thousands_separator')),
      { file: 'data/targets.csv', row: 2, column: 'period', rule: 'period_label', from: '2023年上半年', to: '2023Q2' },
    ];
    expect(summarizeNormalizations(list, { relativeTo: 'data' })).toEqual([
      'observations/x.csv: 按 GB18030 解码 decoded as GB18030; 4 处数值去掉千位分隔符 / thousands separators removed（第3、4、9行… row 3, 4, 9, …）',
      'targets.csv: 1 处期别写法统一为 YYYYQn / period labels rewritten as YYYYQn（第2行 row 2）',
    ]);
  });

  it('says nothing when nothing was normalized', () => {
    expect(summarizeNormalizations([])).toEqual([]);
  });
});
