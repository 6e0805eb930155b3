import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/engine/runJob.js';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { longCsv, runFolder, tempDir, writeFolder } from '../support/fixture.js';
import { expectClose } from '../support/matchers.js';

/*
 * One small dataset, written in every format and layout the contract accepts.
 * City C has districts A and B; for 2023Q1
 *   A: rd_expenditure 2, gdp 100;  B: rd_expenditure 1, gdp 50
 * so C's rd_intensity = 100 * (2 + 1) / (100 + 50) = 2.
 */
const longRows = [
  ['A', '2023Q1', 'gdp', 100],
  ['A', '2023Q1', 'rd_expenditure', 2],
  ['B', '2023Q1', 'gdp', 50],
  ['B', '2023Q1', 'rd_expenditure', 1],
] as const;
const wideRows = [
  ['A', '2023Q1', 100, 2],
  ['B', '2023Q1', 50, 1],
] as const;
const cityIntensity = 2;

function xlsxBytes(rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r])), 'data');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Writes the rows of a SELECT to a Parquet file with DuckDB and returns its bytes. */
async function parquetBytes(select: string): Promise<Uint8Array> {
  const path = join(await tempDir('kpi-parquet-'), 'data.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return readFile(path);
}

/** C's rd_intensity for 2023Q1 as a run stored it. */
async function cityIntensityOf(summary: RunSummary): Promise<unknown> {
  const store = await Store.open(summary.db);
  try {
    const row = await store.one<{ actual: number | null }>(
      `SELECT actual FROM results WHERE run_id = $run AND indicator = 'rd_intensity' AND region = 'C' AND period = '2023Q1'`,
      { run: summary.runId },
    );
    return row?.actual;
  } finally {
    store.close();
  }
}

const jsonText = (rows: readonly object[]): string => JSON.stringify(rows, null, 2);

const formats: { name: string; file: string; content: () => string | Uint8Array | Promise<Uint8Array> }[] = [
  { name: 'CSV, long layout, UTF-8 without BOM', file: 'obs.csv', content: () => longCsv(longRows) },
  {
    name: 'CSV, wide layout, with a BOM, CRLF and Chinese key headers',
    file: 'obs.csv',
    content: () => `\uFEFF地区代码,期别,gdp,rd_expenditure\r\n${wideRows.map((r) => r.join(',')).join('\r\n')}\r\n`,
  },
  {
    name: 'CSV, long layout, all headers in Chinese',
    file: 'obs.csv',
    content: () => `地区代码,期别,指标代码,数值\n${longRows.map((r) => r.join(',')).join('\n')}\n`,
  },
  { name: 'XLSX, long layout', file: 'obs.xlsx', content: () => xlsxBytes([['region', 'period', 'variable', 'value'], ...longRows]) },
  { name: 'XLSX, wide layout', file: 'obs.xlsx', content: () => xlsxBytes([['region', 'period', 'gdp', 'rd_expenditure'], ...wideRows]) },
  {
    name: 'JSON, long layout',
    file: 'obs.json',
    content: () => jsonText(longRows.map(([region, period, variable, value]) => ({ region, period, variable, value }))),
  },
  {
    name: 'JSON, wide layout',
    file: 'obs.json',
    content: () => jsonText(wideRows.map(([region, period, gdp, rd_expenditure]) => ({ region, period, gdp, rd_expenditure }))),
  },
  {
    name: 'Parquet, long layout',
    file: 'obs.parquet',
    content: () =>
      parquetBytes(
        `SELECT * FROM (VALUES ${longRows.map(([r, p, v, x]) => `('${r}', '${p}', '${v}', ${x}::DOUBLE)`).join(', ')}) t(region, period, variable, value)`,
      ),
  },
  {
    name: 'Parquet, wide layout',
    file: 'obs.parquet',
    content: () =>
      parquetBytes(
        `SELECT * FROM (VALUES ${wideRows.map(([r, p, g, rd]) => `('${r}', '${p}', ${g}::DOUBLE, ${rd}::DOUBLE)`).join(', ')}) t(region, period, gdp, rd_expenditure)`,
      ),
  },
];

describe('every observations format and layout', () => {
  it.each(formats)('$name lands the same observations', async ({ file, content }) => {
    const ran = await runFolder({ observations: { [file]: await content() } });

    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, cityIntensity);
    expectClose(ran.row('rd_intensity', 'A', '2023Q1').actual, 2); // 100 * 2 / 100
    expectClose(ran.row('rd_intensity', 'B', '2023Q1').actual, 2); // 100 * 1 / 50
    expect(ran.summary.load.observationsAdded).toBe(4);
  });

  it('numeric region-code cells in a workbook are read as text: 321322, never 321322.0', async () => {
    const regions = `code,name,parent,level\n3213,宿迁市,,city\n321322,沭阳县,3213,county\n321323,泗阳县,3213,county\n`;
    const workbook = xlsxBytes([
      ['地区代码', '期别', 'gdp', 'rd_expenditure'],
      [321322, '2023Q1', 100, 2],
      [321323, '2023Q1', 50, 1],
    ]);
    const ran = await runFolder({ regions, observations: { 'obs.xlsx': workbook } });

    expectClose(ran.row('rd_intensity', '3213', '2023Q1').actual, cityIntensity);
    expectClose(ran.row('rd_intensity', '321322', '2023Q1').actual, 2);
    const store = await Store.open(ran.summary.db);
    try {
      const stored = await store.all<{ region: string }>('SELECT DISTINCT region FROM observations ORDER BY region');
      expect(stored.map((r) => r.region)).toEqual(['321322', '321323']);
    } finally {
      store.close();
    }
    const csv = await readFile(join(ran.out, 'results.csv'), 'utf8');
    expect(csv).toContain(',321322,');
    expect(csv).not.toContain('321322.0');
  });
});

describe('reading rules', () => {
  it('an empty cell in a wide file means "not reported", so the city total is missing, not a sum with zero', async () => {
    const wide = `region,period,gdp,rd_expenditure\nA,2023Q1,100,2\nB,2023Q1,50,\n`;
    const ran = await runFolder({ observations: { 'obs.csv': wide } });

    const city = ran.row('rd_intensity', 'C', '2023Q1');
    expect(city.actual).toBeNull();
    expect(city.status).toBe('no_data');
    expect(String(city.missing_children)).toContain('B');
    expect(ran.row('rd_intensity', 'B', '2023Q1').actual).toBeNull();
    expect(ran.summary.load.observationsAdded).toBe(3);
  });

  it('a later file in name order revises the same key, and the earlier observation is kept', async () => {
    const ran = await runFolder({
      observations: {
        // Written first on purpose: the engine must order by name, not by how the folder lists them.
        '2_revision.csv': longCsv([['A', '2023Q1', 'gdp', 200]]),
        '1_first.csv': longCsv(longRows),
      },
    });

    expectClose(ran.row('rd_intensity', 'A', '2023Q1').actual, 1); // 100 * 2 / 200
    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, 1.2); // 100 * 3 / 250
    const store = await Store.open(ran.summary.db);
    try {
      const revisions = await store.all<{ value: number; file: string }>(
        `SELECT o.value, l.file FROM observations o JOIN loads l USING (load_id)
         WHERE o.region = 'A' AND o.period = '2023Q1' AND o.variable = 'gdp' ORDER BY o.obs_id`,
      );
      expect(revisions.map((r) => r.value)).toEqual([100, 200]);
      expect(revisions[0]?.file).toMatch(/1_first\.csv$/);
      expect(revisions[1]?.file).toMatch(/2_revision\.csv$/);
    } finally {
      store.close();
    }
  });

  it('a revision arriving in a later run wins over what earlier runs stored', async () => {
    const data = await writeFolder({ observations: { '1_first.csv': longCsv(longRows) } });
    const out = join(data, 'out');
    await runJob({ data, out });
    await writeFolder({ observations: { '2_late.csv': longCsv([['B', '2023Q1', 'rd_expenditure', 4]]) } }, data);
    const second = await runJob({ data, out });

    expect(second.load.observationsAdded).toBe(1);
    expectClose(await cityIntensityOf(second), 4); // 100 * (2 + 4) / 150
  });

  // Engine bug: loadData marks a file 'unchanged' when ANY earlier load of that
  // name had the same bytes, so reverting a file to an earlier content is ignored.
  it('a file reverted to its earlier content in a later run counts again', async () => {
    const reported = longCsv(longRows);
    const revised = longCsv([...longRows.slice(1), ['A', '2023Q1', 'gdp', 200]]);
    const data = await writeFolder({ observations: { 'obs.csv': reported } });
    const out = join(data, 'out');
    await runJob({ data, out });
    await writeFolder({ observations: { 'obs.csv': revised } }, data);
    expectClose(await cityIntensityOf(await runJob({ data, out })), 1.2); // 100 * 3 / 250
    await writeFolder({ observations: { 'obs.csv': reported } }, data);
    const third = await runJob({ data, out });

    expectClose(await cityIntensityOf(third), cityIntensity); // as a fresh run of this folder gives
  });

  // Engine bug: the 'unchanged' check matches file names with LIKE '%<name>',
  // so a.csv is taken for 2_a.csv when it has bytes 2_a.csv once had.
  it('a new file is loaded even when an earlier file whose name ends with its name had the same bytes', async () => {
    const reported = longCsv(longRows);
    const revised = longCsv([...longRows.slice(1), ['A', '2023Q1', 'gdp', 200]]);
    const data = await writeFolder({ observations: { '2_a.csv': reported } });
    const out = join(data, 'out');
    await runJob({ data, out });
    // 2_a.csv is revised, and a.csv, later in name order, restores A's gdp of 100.
    await writeFolder({ observations: { '2_a.csv': revised, 'a.csv': reported } }, data);
    const second = await runJob({ data, out });

    expectClose(await cityIntensityOf(second), cityIntensity); // as a fresh run of this folder gives
    expect(second.load.files.filter((f) => f.kind === 'observations').map((f) => f.status)).toEqual(['loaded', 'loaded']);
  });

  it('running the same folder twice stores each observation once and writes identical results', async () => {
    const data = await writeFolder({
      targets: 'indicator,region,year,period,value\nrd_intensity,,2023,,2.5\n',
      observations: { 'a.csv': longCsv(longRows.slice(0, 2)), 'b.json': jsonText([{ region: 'B', period: '2023Q1', gdp: 50, rd_expenditure: 1 }]) },
    });
    const out = join(data, 'out');
    const first = await runJob({ data, out });
    const firstCsv = await readFile(join(out, 'results.csv'));
    const second = await runJob({ data, out });
    const secondCsv = await readFile(join(out, 'results.csv'));

    expect(second.runId).toBe(first.runId + 1);
    expect(second.load.observationsAdded).toBe(0);
    const observationLoads = second.load.files.filter((f) => f.kind === 'observations');
    expect(observationLoads.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
    expect(secondCsv.equals(firstCsv)).toBe(true);
    const store = await Store.open(second.db);
    try {
      expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM observations'))?.n).toBe(4);
    } finally {
      store.close();
    }
  });

  it('regions.csv may use the Chinese headers, including 计入上级', async () => {
    // Zone Z is not rolled up (否), so its large figures must not reach C.
    const regions = `地区代码,地区名称,上级代码,层级,计入上级\nC,市,,city,是\nA,甲区,C,district,是\nB,乙区,C,district,是\nZ,开发区,C,zone,否\n`;
    const ran = await runFolder({
      regions,
      observations: { 'obs.csv': longCsv([...longRows, ['Z', '2023Q1', 'gdp', 1000], ['Z', '2023Q1', 'rd_expenditure', 1000]]) },
    });

    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, cityIntensity);
    expectClose(ran.row('rd_intensity', 'Z', '2023Q1').actual, 100);
    expect(ran.row('rd_intensity', 'A', '2023Q1').region_name).toBe('甲区');
  });

  it('an annual period written as 2022 is read as 2022Q4', async () => {
    // population is annual; patents_per_10k = invention_patents / population.
    const ran = await runFolder({
      observations: {
        'obs.csv': longCsv([
          ['C', '2022', 'population', 10],
          ['C', '2022Q3', 'invention_patents', 20],
          ['C', '2022Q4', 'invention_patents', 30],
        ]),
      },
    });

    expectClose(ran.row('patents_per_10k', 'C', '2022Q4').actual, 3); // 30 / 10
    expect(ran.row('patents_per_10k', 'C', '2022Q3').actual).toBeNull(); // the 2022 figure is a year-end figure
    const store = await Store.open(ran.summary.db);
    try {
      const stored = await store.one<{ period: string; year: number; quarter: number }>(
        `SELECT period, year, quarter FROM observations WHERE variable = 'population'`,
      );
      expect(stored).toEqual({ period: '2022Q4', year: 2022, quarter: 4 });
    } finally {
      store.close();
    }
  });

  it('loads a long file with an extra column such as 序号, and warns that the column was ignored', async () => {
    const ran = await runFolder({
      observations: { 'q1.csv': '序号,region,period,variable,value\n1,A,2023Q1,gdp,100\n2,B,2023Q1,gdp,50\n' },
    });
    expect(ran.row('tech_contract_share', 'C', '2023Q1').status).toBe('no_data');
    expect(ran.summary.warnings).toEqual([expect.objectContaining({ code: 'UNKNOWN_COLUMN', column: '序号', severity: 'warning' })]);
    expect(ran.summary.load.observationsAdded).toBe(2);
  });
});
