import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { KpiInputError, isError } from '../../src/diagnostics/diagnostic.js';
import type { ProblemCode } from '../../src/diagnostics/problems.js';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

/*
 * The bad-input corpus (tests/fixtures/build-fixtures.ts writes it): each
 * case is a whole data folder bad in exactly one way. The good folder is run
 * once; each case then runs into a copy of that output (database and results
 * files), must be rejected with the located diagnostic cases.json names, and
 * must leave the copy exactly as it was.
 */
const FIXTURES = 'tests/fixtures';
const RESULT_FILES = ['results.csv', 'results.json', 'results.parquet'];

interface CorpusCase {
  readonly description: string;
  readonly codes: readonly ProblemCode[];
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly expectedIncludes?: string;
  readonly now?: string;
  readonly metrics?: boolean;
}

const corpus = JSON.parse(readFileSync(join(FIXTURES, 'bad', 'cases.json'), 'utf8')) as Record<string, CorpusCase>;
const cases = Object.entries(corpus).map(([name, c]) => ({ name, ...c }));

/** Every table of the store, every row in a fixed order, as text: equal dumps are equal stores. */
async function dumpStore(db: string): Promise<string> {
  const store = await Store.open(db);
  try {
    const tables = await store.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`);
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables) dump[name] = await store.all(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY ALL`);
    return JSON.stringify(dump, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } finally {
    store.close();
  }
}

let baseline: { out: string; dump: string; files: Record<string, Buffer> };

beforeAll(async () => {
  const out = await tempDir('kpi-corpus-good-');
  await runJob({ data: join(FIXTURES, 'good'), out });
  const files = Object.fromEntries(await Promise.all(RESULT_FILES.map(async (f) => [f, await readFile(join(out, f))] as const)));
  baseline = { out, dump: await dumpStore(join(out, 'kpi.duckdb')), files };
});

/** A case's folder copied to a temp dir, and a copy of the good run's output (database and results) beside it. */
async function prepare(name: string): Promise<{ data: string; out: string; db: string; metrics: string }> {
  const work = await tempDir('kpi-corpus-case-');
  const data = join(work, 'data');
  const out = join(work, 'out');
  await cp(join(FIXTURES, 'bad', name), data, { recursive: true });
  await mkdir(out);
  for (const f of ['kpi.duckdb', 'kpi.duckdb.wal', ...RESULT_FILES]) {
    if (existsSync(join(baseline.out, f))) await cp(join(baseline.out, f), join(out, f));
  }
  return { data, out, db: join(out, 'kpi.duckdb'), metrics: join(data, 'metrics') };
}

/** The store and the results files are exactly what the good run left. */
async function expectUntouched(out: string): Promise<void> {
  expect(await dumpStore(join(out, 'kpi.duckdb'))).toBe(baseline.dump);
  for (const f of RESULT_FILES) expect((await readFile(join(out, f))).equals(baseline.files[f] as Buffer), `${f} changed`).toBe(true);
}

const located = (d: Diagnostic) => ({ code: d.code, file: d.file, row: d.row ?? null, column: d.column ?? null, value: d.value ?? null });

describe('the bad-input corpus', () => {
  it('has at least 40 cases, each a folder', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(existsSync(join(FIXTURES, 'bad', c.name, 'targets.csv')) || c.codes.includes('FOLDER_MISSING'), c.name).toBe(true);
  });

  it.each(cases)('$name: $description', async (c) => {
    const { data, out, db, metrics } = await prepare(c.name);
    const error: unknown = await runJob({ data, out, db, ...(c.metrics ? { metrics } : {}), ...(c.now ? { now: new Date(c.now) } : {}) }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error, 'the run must be rejected').toBeInstanceOf(KpiInputError);
    const diagnostics = (error as KpiInputError).diagnostics;
    const errors = diagnostics.filter(isError);
    // Bad in exactly one way: these codes and no other.
    expect([...new Set(errors.map((d) => d.code))].sort(), JSON.stringify(errors.map(located))).toEqual([...c.codes].sort());
    const [code] = c.codes;
    const first = errors.find((d) => d.code === code);
    expect(first?.file?.endsWith(c.file), `${first?.file} ends with ${c.file}`).toBe(true);
    expect(first && located(first)).toMatchObject({ code, row: c.row, column: c.column, value: c.value });
    if (c.expectedIncludes !== undefined) expect(first?.expected).toContain(c.expectedIncludes);
    for (const d of errors) {
      expect(d.message, `${d.code} says it in Chinese`).toMatch(/[\u4e00-\u9fff]/);
      expect(d.message, `${d.code} says it in English`).toMatch(/[A-Za-z]{3}/);
      expect(d.expected ?? '', `${d.code} says what to do`).not.toBe('');
    }
    await expectUntouched(out);
  });
});

describe('the command line on corpus cases', () => {
  const cliCases = ['unknown-region-code', 'fractional-count', 'xlsx-formula-cell', 'region-unknown-in-gbk-file'];

  it.each(cliCases)('%s: exits 1, names the file, row and column on stderr, and stores nothing', async (name) => {
    const c = corpus[name] as CorpusCase;
    const { data, out, db } = await prepare(name);
    const term = fakeTerminal();

    const status = await main(['run', '--data', data, '--out', out, '--db', db, '--no-report', '--quiet'], term);

    expect(status).toBe(1);
    const line = term.stderr.find((l) => l.includes(c.codes[0] ?? '?'));
    expect(line, term.stderr.join('\n')).toBeDefined();
    expect(line).toContain(c.file.split('/').at(-1));
    expect(line).toContain(`第${c.row}行 row ${c.row}`);
    expect(line).toContain(`列 column "${c.column}"`);
    expect(term.stdout).toEqual([]);
    await expectUntouched(out);
  });
});
