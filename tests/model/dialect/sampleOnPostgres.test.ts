import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/loadCatalog.js';
import { runJob } from '../../../src/engine/runJob.js';
import { entityTotalsSql } from '../../../src/model/dialect/entityTotalsSql.js';
import { dialects } from '../../../src/model/dialect/sqlDialect.js';
import { sql } from '../../../src/model/sql.js';
import { Store } from '../../../src/store/store.js';
import { tempDir } from '../../support/fixture.js';
import type { PostgresServer } from '../../support/postgres.js';
import { postgresMissing, startPostgres } from '../../support/postgres.js';
import type { CanonicalRow } from '../../support/resultsCsv.js';
import { byKey, numericResultColumns, readResultsCsv } from '../../support/resultsCsv.js';

/*
 * The sample through the whole engine with its figures as firms, the
 * expensive step on either engine (issue 14, point 5):
 *
 * 1. The sample's observations in effect are turned into a data folder of
 *    firm-level files: every quarterly additive figure split into 2–3 firms
 *    (whole numbers for counts), one firm first reported wrong in an
 *    earlier file and revised by the later one, and 高新技术企业数 as that
 *    many firms flagged is_high_tech plus two that are not (a derived
 *    count). Annual and non-additive figures stay region-level.
 * 2. Run A: the engine on that folder, the firms reduced inside DuckDB.
 * 3. Run B: the same firm rows reduced on a real PostgreSQL server by the
 *    same portable SQL in its dialect; the few hundred totals come back as a
 *    region-level file, and the engine runs on the folder with them instead
 *    of the firms. Everything after the reduction is the engine's own.
 *
 * A and B must give the same results.csv (numbers to 1e-12, every other
 * column equal), and A the sample's own figures (to 1e-9).
 */
type Observation = {
  region: string;
  period: string;
  year: number;
  variable: string;
  value: number;
};
interface FirmRow {
  region: string;
  period: string;
  variable: string;
  entity: string;
  value: number;
  file: number;
}

const FLAG = 'is_high_tech';
const COUNTED = 'high_tech_firms';

let server: PostgresServer | undefined;
let sampleOut = '';
let metrics = '';
let folder = '';
let regionLevel: Observation[] = [];
let firms: FirmRow[] = [];
let summed: string[] = [];

const csvLine = (cells: readonly (string | number)[]): string => cells.map(String).join(',');
const close = (a: number, b: number, relative: number): boolean => Math.abs(a - b) <= relative * Math.max(1, Math.abs(a), Math.abs(b));

function splitIntoFirms(o: Observation, n: number, integer: boolean): FirmRow[] {
  const firm = (i: number) => `F${o.region}${o.variable.replaceAll('_', '').slice(0, 8)}${i}`;
  const at = { region: o.region, period: o.period };
  if (o.variable === COUNTED) {
    return Array.from({ length: o.value + 2 }, (_, i) => ({ ...at, variable: FLAG, entity: `H${o.region}${i}`, value: i < o.value ? 1 : 0, file: 1 }));
  }
  const parts = 2 + (n % 2);
  const values: number[] = [];
  let left = o.value;
  for (let i = 0; i < parts - 1; i++) {
    const share = integer ? Math.floor(left / 2) : left / 2;
    values.push(share);
    left -= share;
  }
  values.push(left);
  const rows = values.map((value, i) => ({ ...at, variable: o.variable, entity: firm(i), value, file: 1 }));
  // The first firm's first report, wrong; the later file revises it.
  rows.push({ ...at, variable: o.variable, entity: firm(0), value: integer ? 999_999 : 123_456.5, file: 0 });
  return rows;
}

async function writeData(target: string, observationFiles: Record<string, string>): Promise<void> {
  await cp('data/suqian', target, { recursive: true });
  await rm(join(target, 'observations'), { recursive: true, force: true });
  await mkdir(join(target, 'observations'));
  for (const [name, text] of Object.entries(observationFiles)) await writeFile(join(target, 'observations', name), text);
}

const regionLevelCsv = (rows: readonly Observation[], annual: ReadonlySet<string>): string =>
  `${['region,period,variable,value', ...rows.map((o) => csvLine([o.region, annual.has(o.variable) ? String(o.year) : o.period, o.variable, o.value]))].join('\n')}\n`;
const firmCsv = (rows: readonly FirmRow[]): string => `${['region,period,variable,entity,value', ...rows.map((r) => csvLine([r.region, r.period, r.variable, r.entity, r.value]))].join('\n')}\n`;

let annual = new Set<string>();

beforeAll(async () => {
  const root = await tempDir('kpi-sample-pg-');
  sampleOut = join(root, 'sample');
  const sample = await runJob({ data: 'data/suqian', out: sampleOut });
  metrics = join(root, 'metrics');
  await cp('metrics', metrics, { recursive: true });
  const variablesFile = join(metrics, 'variables.yaml');
  const text = await readFile(variablesFile, 'utf8');
  const counted = text.replace(/(- \{ code: high_tech_firms, .*?)( \})$/m, '$1, derived: { count_entities: { flag: is_high_tech } }$2');
  expect(counted).not.toBe(text);
  await writeFile(variablesFile, counted);

  const catalog = await loadCatalog('metrics');
  const byCode = new Map(catalog.variables.map((v) => [v.code, v]));
  annual = new Set(catalog.variables.filter((v) => v.frequency === 'annual').map((v) => v.code));
  const store = await Store.open(sample.snapshot?.path ?? '', { readOnly: true });
  let inEffect: Observation[];
  try {
    inEffect = (await store.all<Observation>('SELECT region, period, year, variable, value FROM warehouse.observations WHERE value IS NOT NULL ORDER BY variable, region, period')).map((o) => ({ ...o, year: Number(o.year) }));
  } finally {
    store.close();
  }
  const split = (o: Observation) => {
    const v = byCode.get(o.variable);
    return v !== undefined && v.additive && v.frequency === 'quarterly';
  };
  regionLevel = inEffect.filter((o) => !split(o));
  firms = inEffect.filter(split).flatMap((o, n) => splitIntoFirms(o, n, byCode.get(o.variable)?.integer === true));
  summed = [...new Set(inEffect.filter(split).map((o) => o.variable))].filter((v) => v !== COUNTED);

  folder = join(root, 'firms');
  await writeData(folder, {
    '01_regions.csv': regionLevelCsv(regionLevel, annual),
    '02_firms_first.csv': firmCsv(firms.filter((r) => r.file === 0)),
    '03_firms.csv': firmCsv(firms.filter((r) => r.file === 1)),
  });
  if (postgresMissing === undefined) server = await startPostgres();
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

async function reduceOnPostgres(at: PostgresServer): Promise<{ region: string; period: string; variable: string; value: number }[]> {
  const client = new pg.Client({ host: at.host, port: at.port, user: at.user, database: 'postgres' });
  await client.connect();
  try {
    await client.query('CREATE TABLE firm_rows (region TEXT, period TEXT, variable TEXT, entity TEXT, value DOUBLE PRECISION, file_ord INTEGER)');
    for (let i = 0; i < firms.length; i += 1000) {
      const batch = firms.slice(i, i + 1000);
      const places = batch.map((_, j) => `(${Array.from({ length: 6 }, (_, k) => `$${j * 6 + k + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO firm_rows VALUES ${places}`, batch.flatMap((r) => [r.region, r.period, r.variable, r.entity, r.value, r.file]));
    }
    await client.query('CREATE TABLE summed (code TEXT)');
    for (const code of summed) await client.query('INSERT INTO summed VALUES ($1)', [code]);
    await client.query('CREATE TABLE flags (flag TEXT, variable TEXT)');
    await client.query('INSERT INTO flags VALUES ($1, $2)', [FLAG, COUNTED]);
    const reduction = entityTotalsSql(dialects.postgresql, { rows: sql`firm_rows`, variables: sql`summed`, flags: sql`flags` });
    const result = await client.query<{ region: string; period: string; variable: string; value: number }>(reduction);
    return result.rows.map((r) => ({ region: r.region, period: r.period, variable: r.variable, value: Number(r.value) }));
  } finally {
    await client.end();
  }
}

const comparedColumns = (row: CanonicalRow): string[] => Object.keys(row);

describe('the sample as firms, reduced on DuckDB and on PostgreSQL, through the whole engine', () => {
  it('runs on DuckDB and gives the sample\'s own figures', async () => {
    expect(firms.length).toBeGreaterThan(5000);
    expect(firms.some((r) => r.variable === FLAG && r.value === 0)).toBe(true);
    const out = join(folder, '..', 'out-duckdb');
    await runJob({ data: folder, out, metrics });
    const sample = byKey(await readResultsCsv(join(sampleOut, 'results.csv')));
    const firmsRun = await readResultsCsv(join(out, 'results.csv'));
    expect(firmsRun.length).toBe(sample.size);
    let compared = 0;
    for (const row of firmsRun) {
      const key = `${String(row.indicator)}|${String(row.region)}|${String(row.period)}`;
      const theirs = sample.get(key);
      expect(theirs, key).toBeDefined();
      const a = row.actual as number | null;
      const b = (theirs?.actual ?? null) as number | null;
      expect(a === null, `${key} actual ${a} vs ${b}`).toBe(b === null);
      if (a !== null && b !== null) {
        expect(close(a, b, 1e-9), `${key} actual ${a} vs the sample's ${b}`).toBe(true);
        compared++;
      }
      expect(row.status, key).toBe(theirs?.status);
    }
    expect(compared).toBeGreaterThan(1000);
  }, 180_000);

  it.skipIf(postgresMissing !== undefined)(`gives the same results.csv with the reduction on a real PostgreSQL server${postgresMissing ? ` (${postgresMissing})` : ''}`, async () => {
    if (!server) throw new Error('no server');
    const totals = await reduceOnPostgres(server);
    expect(totals.length).toBeGreaterThan(500);
    const withTotals = join(folder, '..', 'totals-from-postgres');
    const reported = totals.map((t) => ({ ...t, year: Number(t.period.slice(0, 4)) }));
    await writeData(withTotals, { '01_regions.csv': regionLevelCsv(regionLevel, annual), '02_firm_totals.csv': regionLevelCsv(reported, annual) });
    const outPostgres = join(folder, '..', 'out-postgres');
    await runJob({ data: withTotals, out: outPostgres, metrics });
    const duck = await readResultsCsv(join(folder, '..', 'out-duckdb', 'results.csv'));
    const postgres = byKey(await readResultsCsv(join(outPostgres, 'results.csv')));
    expect(postgres.size).toBe(duck.length);
    for (const row of duck) {
      const key = `${String(row.indicator)}|${String(row.region)}|${String(row.period)}`;
      const theirs = postgres.get(key);
      expect(theirs, key).toBeDefined();
      for (const column of comparedColumns(row)) {
        const a = row[column];
        const b = theirs?.[column];
        if (numericResultColumns.includes(column) && typeof a === 'number' && typeof b === 'number') expect(close(a, b, 1e-12), `${key} ${column}: ${a} vs ${b}`).toBe(true);
        else expect(b, `${key} ${column}`).toEqual(a);
      }
    }
  }, 240_000);
});
