import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { KpiInputError } from '../../src/diagnostics/diagnostic.js';
import { explanationLines } from '../../src/cli/commands/explain.js';
import { explainFigure } from '../../src/engine/explainFigure.js';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { gb18030Bytes, longCsv, runFolder, tempDir, writeFolder } from '../support/fixture.js';
import { expectClose } from '../support/matchers.js';

/** The shipped catalog, with high_tech_firms counted from the firms' is_high_tech flag. */
let metrics: string;
beforeAll(async () => {
  metrics = join(await tempDir('kpi-metrics-'), 'metrics');
  await cp('metrics', metrics, { recursive: true });
  const file = join(metrics, 'variables.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text.replace(
      '- { code: high_tech_firms, name: 高新技术企业数, unit: 家, kind: stock, frequency: quarterly, additive: true, integer: true, min: 0 }',
      '- { code: high_tech_firms, name: 高新技术企业数, unit: 家, kind: stock, frequency: quarterly, additive: true, integer: true, min: 0, derived: { count_entities: { flag: is_high_tech } } }',
    ),
  );
});

const regionLevel = longCsv([
  ['A', '2023Q1', 'gdp', 100],
  ['B', '2023Q1', 'gdp', 300],
  // B's own count beats its firms' (1) and differs from it: a PARENT_SUM_MISMATCH finding.
  ['B', '2023Q1', 'high_tech_firms', 5],
]);
const firms = `地区代码,期别,统一社会信用代码,rd_expenditure,is_high_tech
A,2023Q1,91321300AAAAAAAAA1,1.5,1
A,2023Q1,91321300AAAAAAAAA2,0.5,0
B,2023Q1,91321300BBBBBBBBB3,2,1
`;
// A revision of one firm, long layout: only that firm's value changes.
const revision = `region,period,variable,entity,value
B,2023Q1,rd_expenditure,91321300BBBBBBBBB3,3
`;

describe('firm-level observations (issue 14)', () => {

  it('sums firms per region, counts flagged firms, revises per firm, and lets a region report win', async () => {
    const ran = await runFolder({ observations: { '01_regions.csv': regionLevel, '02_firms.csv': firms, '03_revision.csv': revision } }, { metrics });
    // A: 1.5 + 0.5 = 2; B: its firm revised from 2 to 3; C: the sum of its districts.
    expectClose(ran.row('rd_intensity', 'A', '2023Q1').actual, 2);
    expectClose(ran.row('rd_intensity', 'B', '2023Q1').actual, 1);
    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, (100 * 5) / 400);
    // A counts one high-tech firm; B's own report (5) wins over its one firm; C = 1 + 5.
    expect(ran.row('high_tech_firms', 'A', '2023Q1').actual).toBe(1);
    expect(ran.row('high_tech_firms', 'B', '2023Q1').actual).toBe(5);
    expect(ran.row('high_tech_firms', 'C', '2023Q1').actual).toBe(6);
    const quality = await readFile(join(ran.out, 'quality.csv'), 'utf8');
    const line = quality.split('\n').find((l) => l.includes('PARENT_SUM_MISMATCH') && l.includes('high_tech_firms'));
    expect(line).toBeDefined();
    expect(line).toContain(',B,');
    expect(line).toContain('1 家企业合计 1'); // said as firms, not children

    // How A's figure was made: its R&D spending is the sum of its two firms, from the file they came from.
    const store = await Store.open(join(ran.out, 'kpi.duckdb'), { readOnly: true });
    try {
      const explained = await explainFigure(store, { indicator: 'rd_intensity', region: 'A', period: '2023Q1' });
      const rd = explained.inputs.find((i) => i.variable === 'rd_expenditure');
      expect(rd).toMatchObject({ origin: 'reported', value: 2, firms: { entities: 2, files: ['02_firms.csv'] } });
      expect(rd?.observation).toBeUndefined();
      expect(explanationLines(explained).join('\n')).toContain('2 家企业合计 the sum of 2 firms: 02_firms.csv');
    } finally {
      store.close();
    }
  });

  it('reads a firm-level Parquet file by DuckDB, the same as a CSV', async () => {
    const staging = await tempDir('kpi-parquet-');
    const parquet = join(staging, 'firms.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('A', '2023Q1', 'E1', 1.5, 1), ('A', '2023Q1', 'E2', 0.5, 0)) t(region, period, entity, rd_expenditure, is_high_tech)) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const ran = await runFolder({ observations: { '01_regions.csv': regionLevel, '02_firms.parquet': await readFile(parquet) } }, { metrics });
    expectClose(ran.row('rd_intensity', 'A', '2023Q1').actual, 2);
    expect(ran.row('high_tech_firms', 'A', '2023Q1').actual).toBe(1);
  });

  it('rejects a bad firm-level file whole, with located problems, and leaves the store as it was', async () => {
    const data = await writeFolder({ observations: { '01_regions.csv': regionLevel, '02_firms.csv': firms } });
    const out = join(data, 'out');
    await runJob({ data, out, metrics });
    const counts = async () => {
      const instance = await DuckDBInstance.create(join(out, 'kpi.duckdb'), { access_mode: 'READ_ONLY' });
      const connection = await instance.connect();
      const rows = (await connection.runAndReadAll('SELECT (SELECT count(*) FROM loads) AS loads, (SELECT count(*) FROM entity_observations) AS firms, (SELECT count(*) FROM runs) AS runs')).getRowObjectsJS();
      connection.closeSync();
      instance.closeSync();
      return rows[0];
    };
    const before = await counts();
    expect(before).toMatchObject({ firms: 6n }); // three firms, each an amount and a flag
    const bad = ['region,period,entity,rd_expenditure,is_high_tech', 'A,2023Q1,E1,1.5,2', 'Z,2023Q1,E2,x,1', 'A,2023Q1,E1,7,1', ...Array.from({ length: 12 }, (_, i) => `A,2023Q1,E 9${i},1,1`)].join('\n');
    await writeFile(join(data, 'observations', '03_bad.csv'), `${bad}\n`);
    const error = await runJob({ data, out, metrics }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiInputError);
    const diagnostics = (error as KpiInputError).diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostics.find((d) => d.code === 'BAD_FLAG')).toMatchObject({ row: 2, column: 'is_high_tech', value: '2' });
    expect(diagnostics.find((d) => d.code === 'UNKNOWN_REGION')).toMatchObject({ row: 3, column: 'region', value: 'Z' });
    expect(diagnostics.find((d) => d.code === 'NOT_A_NUMBER')).toMatchObject({ row: 3, column: 'rd_expenditure', value: 'x' });
    expect(diagnostics.find((d) => d.code === 'DUPLICATE_KEY')).toMatchObject({ row: 4, column: 'rd_expenditure', value: '7' });
    // Twelve bad firm codes are said once, with their count, as the small-file checks cap them.
    const badCodes = diagnostics.filter((d) => d.code === 'BAD_ENTITY_CODE');
    expect(badCodes).toHaveLength(1);
    expect(badCodes[0]?.message).toContain('12');
    expect(await counts()).toEqual(before);
  });

  it('says a GBK firm-level CSV must be UTF-8, instead of reading garbage', async () => {
    const data = await writeFolder({ observations: { '01_regions.csv': regionLevel, '02_firms.csv': gb18030Bytes(firms.replace('统一社会信用代码', '企业代码')) } });
    const error = await runJob({ data, out: join(data, 'out'), metrics }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiInputError);
    expect((error as KpiInputError).diagnostics.map((d) => d.code)).toContain('BAD_ENCODING');
  });
});
