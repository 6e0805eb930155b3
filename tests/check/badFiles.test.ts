import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/terminal.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { KpiInputError, isError } from '../../src/diagnostics/diagnostic.js';
import type { ProblemCode } from '../../src/diagnostics/problems.js';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { cityAB, longCsv, writeFolder } from '../support/fixture.js';

/*
 * Each case first runs a good folder into an output folder, so the database
 * and results.csv exist, then makes one file bad and runs again into the same
 * output. The second run must be rejected with located diagnostics, and the
 * database and results.csv must be exactly as the first run left them.
 */
const goodObservations = longCsv([
  ['A', '2023Q1', 'gdp', 100],
  ['A', '2023Q1', 'rd_expenditure', 2],
  ['B', '2023Q1', 'gdp', 50],
  ['B', '2023Q1', 'rd_expenditure', 1],
]);
const targetsHeader = 'indicator,region,year,period,value\n';
const goodTargets = `${targetsHeader}rd_intensity,,2023,,2.5\n`;

interface Snapshot {
  observations: number;
  loads: number;
  runs: number;
  results: number;
  resultsCsv: Buffer;
}

async function snapshot(out: string): Promise<Snapshot> {
  const store = await Store.open(join(out, 'kpi.duckdb'));
  try {
    const count = async (table: string): Promise<number> => (await store.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? -1;
    return {
      observations: await count('observations'),
      loads: await count('loads'),
      runs: await count('runs'),
      results: await count('results'),
      resultsCsv: await readFile(join(out, 'results.csv')),
    };
  } finally {
    store.close();
  }
}

async function rejectionOf(run: Promise<unknown>): Promise<KpiInputError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KpiInputError);
  return error as KpiInputError;
}

/** Runs a good folder, writes `bad` (path inside the folder → content) over it, and returns the rejected run's diagnostics. */
async function rejectAfterGoodRun(bad: Record<string, string | Uint8Array>): Promise<readonly Diagnostic[]> {
  const data = await writeFolder({ targets: goodTargets, observations: { 'good.csv': goodObservations } });
  const out = join(data, 'out');
  await runJob({ data, out });
  const before = await snapshot(out);
  expect(before.observations).toBe(4);

  for (const [path, content] of Object.entries(bad)) await writeFile(join(data, path), content);
  const error = await rejectionOf(runJob({ data, out }));

  const after = await snapshot(out);
  expect(after.observations).toBe(before.observations);
  expect(after.loads).toBe(before.loads);
  expect(after.runs).toBe(before.runs);
  expect(after.results).toBe(before.results);
  expect(after.resultsCsv.equals(before.resultsCsv)).toBe(true);
  return error.diagnostics;
}

interface Expected {
  code: ProblemCode;
  file: string;
  row?: number;
  column?: string;
  value?: string;
}

/** The diagnostic with `code` whose file ends with the expected name, matching every given location field. */
function expectDiagnostic(diagnostics: readonly Diagnostic[], expected: Expected): void {
  const { file, ...fields } = expected;
  const match = diagnostics.find((d) => d.code === expected.code && (d.file ?? '').endsWith(file) && (fields.row === undefined || d.row === fields.row));
  expect(match, `no ${expected.code} in ${file}; got ${JSON.stringify(diagnostics.map(({ message: _m, ...d }) => d))}`).toBeDefined();
  expect(match).toMatchObject(fields);
  expect(match?.severity).toBe('error');
}

function xlsxBytes(rows: (string | number)[][]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'data');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const header = 'region,period,variable,value';

describe('a bad observations file is rejected whole, located, and nothing is stored', () => {
  const cases: { name: string; content: string | Uint8Array; file?: string; expected: Omit<Expected, 'file'> }[] = [
    {
      name: 'an unknown region code',
      content: `${header}\nA,2023Q1,gdp,1\nX9,2023Q1,gdp,1\n`,
      expected: { code: 'UNKNOWN_REGION', row: 3, column: 'region', value: 'X9' },
    },
    {
      name: 'an unknown variable code',
      content: `${header}\nA,2023Q1,gpd,1\n`,
      expected: { code: 'UNKNOWN_VARIABLE', row: 2, column: 'variable', value: 'gpd' },
    },
    {
      name: 'a value that is not a number',
      content: `${header}\nA,2023Q1,gdp,1\nB,2023Q1,gdp,abc\n`,
      expected: { code: 'NOT_A_NUMBER', row: 3, column: 'value', value: 'abc' },
    },
    {
      name: 'the same key twice in one file (located at the second occurrence)',
      content: `${header}\nA,2023Q1,gdp,1\nB,2023Q1,gdp,2\nA,2023Q1,gdp,3\n`,
      expected: { code: 'DUPLICATE_KEY', row: 4, column: 'value', value: '3' },
    },
    {
      name: 'a period that is not a quarter',
      content: `${header}\nA,2023Q5,gdp,1\n`,
      expected: { code: 'BAD_PERIOD', row: 2, column: 'period', value: '2023Q5' },
    },
    {
      name: 'a missing required column',
      content: `region,period,variable\nA,2023Q1,gdp\n`,
      expected: { code: 'MISSING_COLUMN', row: 1, column: 'value' },
    },
    {
      name: 'a wide file with a column that is not a variable',
      content: `region,period,gdp,gdp_growth\nA,2023Q1,1,2\n`,
      expected: { code: 'UNKNOWN_VARIABLE_COLUMN', row: 1, column: 'gdp_growth', value: 'gdp_growth' },
    },
    {
      name: 'a header without data rows',
      content: `${header}\n`,
      expected: { code: 'FILE_EMPTY' },
    },
    {
      name: 'a workbook cell that is not a number (located at its spreadsheet row)',
      file: 'bad.xlsx',
      content: xlsxBytes([
        ['region', 'period', 'gdp'],
        ['A', '2023Q1', 1],
        ['B', '2023Q1', 'n/a'],
      ]),
      expected: { code: 'NOT_A_NUMBER', row: 3, column: 'gdp', value: 'n/a' },
    },
  ];

  it.each(cases)('$name', async ({ content, file = 'bad.csv', expected }) => {
    const diagnostics = await rejectAfterGoodRun({ [join('observations', file)]: content });

    expectDiagnostic(diagnostics, { ...expected, file });
    const errorFiles = new Set(diagnostics.filter(isError).map((d) => d.file));
    expect([...errorFiles].every((f) => (f ?? '').endsWith(file))).toBe(true);
  });

  it('lists every problem of the file, not just the first', async () => {
    const content = `${header}\nZZ,2023Q1,gdp,1\nA,2023Q1,gdp,abc\nB,2023X,gdp,1\n`;
    const diagnostics = await rejectAfterGoodRun({ 'observations/bad.csv': content });

    const errors = diagnostics.filter(isError).map(({ code, row, column, value }) => ({ code, row, column, value }));
    expect(errors).toEqual([
      { code: 'UNKNOWN_REGION', row: 2, column: 'region', value: 'ZZ' },
      { code: 'NOT_A_NUMBER', row: 3, column: 'value', value: 'abc' },
      { code: 'BAD_PERIOD', row: 4, column: 'period', value: '2023X' },
    ]);
  });

  // Engine bug: readCsv takes csv-parse's `info.lines`, the line a record ENDS on,
  // so a row whose quoted note spans lines 2–3 is reported as row 3.
  it('a problem in a row whose quoted note spans two lines is located at the line the row starts on', async () => {
    const content = `region,period,variable,value,note\nA,2023Q1,gdp,abc,"two\nlines"\n`;
    const diagnostics = await rejectAfterGoodRun({ 'observations/bad.csv': content });
    expectDiagnostic(diagnostics, { code: 'NOT_A_NUMBER', file: 'bad.csv', row: 2, column: 'value', value: 'abc' });
  });
});

describe('a bad regions.csv is rejected and nothing is stored', () => {
  const cases: { name: string; regions: string; expected: Omit<Expected, 'file'> }[] = [
    {
      name: 'a region code given twice',
      regions: `${cityAB}A,District A again,C,district,true\n`,
      expected: { code: 'DUPLICATE_REGION', row: 5, column: 'code', value: 'A' },
    },
    {
      name: 'a parent that is not a region',
      regions: `${cityAB}D,District D,Q,district,true\n`,
      expected: { code: 'UNKNOWN_PARENT', row: 5, column: 'parent', value: 'Q' },
    },
    {
      name: 'two roots',
      regions: `${cityAB}R,Another city,,city,true\n`,
      expected: { code: 'MANY_ROOTS', row: 5, column: 'parent', value: 'R' },
    },
    {
      name: 'parent links that form a cycle',
      regions: `code,name,parent,level\nC,City,,city\nA,District A,B,district\nB,District B,A,district\n`,
      expected: { code: 'REGION_CYCLE', row: 3, column: 'parent', value: 'A' },
    },
  ];

  it.each(cases)('$name', async ({ regions, expected }) => {
    const diagnostics = await rejectAfterGoodRun({ 'regions.csv': regions });
    expectDiagnostic(diagnostics, { ...expected, file: 'regions.csv' });
  });

  it('every region on a cycle is named', async () => {
    const regions = `code,name,parent,level\nC,City,,city\nA,District A,B,district\nB,District B,A,district\n`;
    const diagnostics = await rejectAfterGoodRun({ 'regions.csv': regions });
    const onCycle = diagnostics.filter((d) => d.code === 'REGION_CYCLE').map((d) => [d.row, d.value]);
    expect(onCycle).toEqual([
      [3, 'A'],
      [4, 'B'],
    ]);
  });
});

describe('a bad targets.csv is rejected and nothing is stored', () => {
  const cases: { name: string; row: string; expected: Omit<Expected, 'file'> }[] = [
    {
      name: 'an unknown indicator',
      row: 'rd_intensty,C,2023,,2.5',
      expected: { code: 'UNKNOWN_INDICATOR', row: 2, column: 'indicator', value: 'rd_intensty' },
    },
    {
      name: 'a schedule period outside the target year',
      row: 'rd_intensity,C,2023,2024Q1,2.5',
      expected: { code: 'SCHEDULE_OUTSIDE_YEAR', row: 2, column: 'period', value: '2024Q1' },
    },
    {
      name: 'a target value that is not a number',
      row: 'rd_intensity,C,2023,,abc',
      expected: { code: 'NOT_A_NUMBER', row: 2, column: 'value', value: 'abc' },
    },
  ];

  it.each(cases)('$name', async ({ row, expected }) => {
    const diagnostics = await rejectAfterGoodRun({ 'targets.csv': `${targetsHeader}${row}\n` });
    expectDiagnostic(diagnostics, { ...expected, file: 'targets.csv' });
  });
});

describe('a bad settings.json is rejected and nothing is stored', () => {
  it('a warning threshold above 1', async () => {
    const diagnostics = await rejectAfterGoodRun({ 'settings.json': JSON.stringify({ warningThreshold: 2 }) });
    expectDiagnostic(diagnostics, { code: 'BAD_SETTINGS', file: 'settings.json', column: 'warningThreshold' });
  });
});

describe('the command line on a bad folder', () => {
  it('exits with status 1 and names the file and the problem code on stderr', async () => {
    const data = await writeFolder({ observations: { 'good.csv': goodObservations, 'bad.csv': `${header}\nX9,2023Q1,gdp,1\n` } });
    const lines = { out: [] as string[], err: [] as string[] };
    const term: Terminal = { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l), progress: () => {} };

    const status = await main(['run', '--data', data, '--out', join(data, 'out')], term);

    expect(status).toBe(1);
    expect(lines.err.some((l) => l.includes('bad.csv') && l.includes('UNKNOWN_REGION'))).toBe(true);
    expect(lines.out).toEqual([]);
  });
});
