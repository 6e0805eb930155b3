import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { longCsv, writeFolder } from '../../support/fixture.js';
import { fakeTerminal } from '../../support/terminal.js';

/*
 * A city C with districts A and B over two quarters, written to trip one rule after another:
 * - A's 2023Q1 air days: 95 good of 90 valid, a ratio of 105.6 %        → OUT_OF_RANGE (the indicator's range)
 * - A's GDP falls from 100 (2023Q1) to 90 (2023Q2), a year-to-date total → YTD_DECREASE
 * - C reports 410 for 2023Q1 GDP; A + B = 400                             → PARENT_SUM_MISMATCH
 * - A's platforms go from 10 to 20                                        → STOCK_JUMP
 * - B reports no air days in 2023Q1 and no GDP in 2023Q2, where A does   → MISSING_REPORT ×3
 */
const folder = {
  observations: {
    '01_2023Q1.csv': longCsv([
      ['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 300], ['C', '2023Q1', 'gdp', 410],
      ['A', '2023Q1', 'rd_expenditure', 2], ['B', '2023Q1', 'rd_expenditure', 3],
      ['A', '2023Q1', 'good_air_days', 95], ['A', '2023Q1', 'valid_air_days', 90],
      ['A', '2023Q1', 'rd_platforms', 10], ['B', '2023Q1', 'rd_platforms', 10],
    ]),
    '02_2023Q2.csv': longCsv([
      ['A', '2023Q2', 'gdp', 90], ['A', '2023Q2', 'rd_expenditure', 3], ['B', '2023Q2', 'rd_expenditure', 4],
      ['A', '2023Q2', 'rd_platforms', 20], ['B', '2023Q2', 'rd_platforms', 10],
    ]),
  },
};

/** What quality.csv must hold, errors first, then by code, region (as regions.csv lists them) and period. */
const expected = [
  'code,severity,region,region_name,period,variable,indicator,value,reference,message',
  'OUT_OF_RANGE,error,A,District A,2023Q1,,good_air_days_ratio,105.55555555555556,100,超出范围 out of range: 空气质量达到优良天数比例 2023Q1 为 105.55555555555556，高于上限 100（above the catalog’s maximum）',
  "YTD_DECREASE,error,A,District A,2023Q2,gdp,,90,100,累计值下降 year-to-date total fell: 地区生产总值（现价） 2023Q2 为 90，低于 2023Q1 的 100（累计值不应减少 a year-to-date total cannot fall below the quarter before's）",
  'MISSING_REPORT,warning,B,District B,2023Q1,good_air_days,,,,漏报 missing report: 空气质量优良天数 2023Q1 未报送 not reported（1 个同级地区中 1 个已报送 1 of its 1 siblings reported）；暂无数据 no value until it reports',
  'MISSING_REPORT,warning,B,District B,2023Q1,valid_air_days,,,,漏报 missing report: 有效监测天数 2023Q1 未报送 not reported（1 个同级地区中 1 个已报送 1 of its 1 siblings reported）；暂无数据 no value until it reports',
  'MISSING_REPORT,warning,B,District B,2023Q2,gdp,,,,漏报 missing report: 地区生产总值（现价） 2023Q2 未报送 not reported（1 个同级地区中 1 个已报送 1 of its 1 siblings reported）；暂无数据 no value until it reports',
  "PARENT_SUM_MISMATCH,warning,C,City,2023Q1,gdp,,410,400,上级与下级合计不符 parent differs from its children's sum: 地区生产总值（现价） 2023Q1 本级报送 410，2 个下级合计 400，相差 2.44%，超过容差 0.50%（more than the tolerance）",
  'STOCK_JUMP,warning,A,District A,2023Q2,rd_platforms,,20,10,存量跳变 stock jump: 国家和省级重点实验室、工程（技术）研究中心、企业技术中心数 2023Q2 为 20，较 2023Q1 的 10 变动 +100.00%，超过 50.00%（more than the tolerance from the quarter before）',
];

let data: string;
let out: string;
let printed: string;

beforeAll(async () => {
  data = await writeFolder(folder);
  out = join(data, 'out');
  const term = fakeTerminal();
  expect(await main(['run', '--data', data, '--out', out, '--no-report', '-q'], term)).toBe(0);
  printed = term.stdout.join('\n');
}, 60_000);

describe('quality.csv and missing-reports.csv on a tiny data folder', () => {
  it('lists every finding with its rule, severity, place, value, reference and message, in a fixed order (UTF-8 with BOM)', async () => {
    const bytes = await readFile(join(out, 'quality.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([...expected, '']);
  });

  it('is published like results.csv: a link into the current publication', async () => {
    for (const name of ['quality.csv', 'missing-reports.csv']) {
      expect((await lstat(join(out, name))).isSymbolicLink(), name).toBe(true);
      expect(await readlink(join(out, name))).toBe(join('.kpi', 'current', name));
    }
  });

  it('is the 催报 list: each missing report and the figures it leaves 无数据 at that period, up to the city', async () => {
    const text = (await readFile(join(out, 'missing-reports.csv'), 'utf8')).slice(1);
    expect(text.split('\r\n')).toEqual([
      'period,region,region_name,variable,variable_name,figures_left_empty',
      '2023Q1,B,District B,good_air_days,空气质量优良天数,good_air_days_ratio@B',
      '2023Q1,B,District B,valid_air_days,有效监测天数,good_air_days_ratio@B',
      // Without B's GDP neither B's nor the city's GDP ratios can be computed (the city's is a sum of A and B).
      '2023Q2,B,District B,gdp,地区生产总值（现价）,rd_intensity@C; rd_intensity@B; tech_contract_share@C; tech_contract_share@B',
      '',
    ]);
  });

  it('kpi run prints the count per severity', () => {
    expect(printed).toContain('数据质量 data quality: 错误 error 2，警告 warning 5，见 quality.csv');
  });

  it('kpi run --as-of reproduces both files byte for byte from the database alone', async () => {
    const again = join(data, 'as-of-1');
    expect(await main(['run', '--as-of', '1', '--db', join(out, 'kpi.duckdb'), '--out', again, '--no-report', '-q'], fakeTerminal())).toBe(0);
    for (const name of ['quality.csv', 'missing-reports.csv']) expect((await readFile(join(again, name))).equals(await readFile(join(out, name))), name).toBe(true);
  });

  it('a dry run counts the findings and points to no file', async () => {
    const term = fakeTerminal();
    expect(await main(['run', '--data', data, '--dry-run', '-q'], term)).toBe(0);
    expect(term.stdout.join('\n')).toContain('数据质量 data quality: 错误 error 2，警告 warning 5');
    expect(term.stdout.join('\n')).not.toContain('见 quality.csv');
  });
});
