import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runJob } from '../../src/engine/runJob.js';
import { layoutOf } from '../../src/check/observationCandidates.js';
import type { RawTable } from '../../src/read/rawTable.js';
import { formatOf, readTable } from '../../src/read/readTable.js';
import { resultColumns } from '../../src/present/resultColumns.js';
import { observationHeaders } from '../../src/present/schemas/observationRowSchemas.js';
import type { SchemaName } from '../../src/present/schemas/publishedSchemas.js';
import { publishedSchemas, schemaFileName, schemaNames } from '../../src/present/schemas/publishedSchemas.js';
import { regionsHeaders } from '../../src/present/schemas/regionsRowSchema.js';
import { resultRowSchema } from '../../src/present/schemas/resultRowSchema.js';
import { targetsHeaders } from '../../src/present/schemas/targetsRowSchema.js';
import { tempDir } from '../support/fixture.js';
import { sampleRunAt } from '../support/sampleReport.js';
import { SCHEMA_FOLDER, schemaText } from '../support/writeSchemas.js';

const SAMPLE = 'data/suqian';

/** Ajv as a strict consumer would set it up: `version` is our keyword; nullable columns are union types. */
function validators(): Record<SchemaName, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword('version');
  const documents = publishedSchemas();
  return Object.fromEntries(schemaNames.map((name) => [name, ajv.compile(documents[name])])) as Record<SchemaName, ValidateFunction>;
}

/** Where and why a value failed, one line each: what a failing test should print. */
const problems = (validate: ValidateFunction): string[] => (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

/** A table's rows as objects keyed by column code (a Chinese header read as its code), as the schemas describe them. */
function rowObjects(table: RawTable, headers: Readonly<Record<string, string>>): Record<string, unknown>[] {
  const codeOf = new Map(Object.entries(headers).map(([code, chinese]) => [chinese, code]));
  const keys = table.headers.map((h) => {
    const header = h.replace(/^\uFEFF/, '').trim();
    return codeOf.get(header) ?? header;
  });
  return table.rows.map(({ cells }) => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? null])));
}

describe('the published JSON Schemas', () => {
  const validate = validators();

  it('are committed in docs/schemas/ exactly as the generator writes them now', async () => {
    const documents = publishedSchemas();
    for (const name of schemaNames) {
      const file = join(SCHEMA_FOLDER, schemaFileName(name));
      expect(existsSync(file), `${file} is missing: run npm run schemas`).toBe(true);
      expect(await readFile(file, 'utf8'), `${file} differs from src/present/schemas/: run npm run schemas`).toBe(schemaText(documents[name]));
    }
  });

  it('are each listed in docs/schemas/README.md', async () => {
    const readme = await readFile(join(SCHEMA_FOLDER, 'README.md'), 'utf8');
    for (const name of schemaNames) expect(readme, schemaFileName(name)).toContain(schemaFileName(name));
  });

  it('are 2020-12 documents with an id, a title, a description and a version', () => {
    for (const [name, document] of Object.entries(publishedSchemas())) {
      expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(document.$id).toBe(`urn:kpi-engine:schema:${name}:v${document.version}`);
      expect(document.title.length).toBeGreaterThan(0);
      expect(document.description.length).toBeGreaterThan(0);
    }
    expect(publishedSchemas().results.version).toBe(1);
  });

  it('name the results columns in the order the results files have them, each with a description', () => {
    expect(Object.keys(resultRowSchema.shape)).toEqual([...resultColumns]);
    const row = publishedSchemas().results.$defs?.row as { properties: Record<string, { description?: string }> };
    for (const column of resultColumns) expect(row.properties[column]?.description, column).toMatch(/\S/);
  });

  it('accept every file of the catalog (metrics/)', async () => {
    const variables: unknown = parseYaml(await readFile('metrics/variables.yaml', 'utf8'));
    expect(validate['catalog-variables'](variables), problems(validate['catalog-variables']).join('\n')).toBe(true);
    const files = (await readdir('metrics/indicators')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const indicator: unknown = parseYaml(await readFile(join('metrics/indicators', file), 'utf8'));
      expect(validate['catalog-indicator'](indicator), `${file}: ${problems(validate['catalog-indicator']).join('\n')}`).toBe(true);
    }
  });

  it('accept every row of the sample\'s regions.csv and targets.csv', async () => {
    for (const [name, file, headers] of [
      ['regions', 'regions.csv', regionsHeaders],
      ['targets', 'targets.csv', targetsHeaders],
    ] as const) {
      const rows = rowObjects(await readTable(join(SAMPLE, file), 'csv'), headers);
      expect(rows.length).toBeGreaterThan(5);
      for (const [i, row] of rows.entries()) expect(validate[name](row), `${file} row ${i + 2}: ${problems(validate[name]).join('\n')}`).toBe(true);
    }
  });

  it('accept every row of the sample\'s observation files, whatever their format and layout', async () => {
    const seen = new Set<string>();
    for (const name of (await readdir(join(SAMPLE, 'observations'))).sort()) {
      const file = join(SAMPLE, 'observations', name);
      const format = formatOf(file);
      if (format === undefined) continue;
      const table = await readTable(file, format);
      const layout = layoutOf(table);
      const schema = layout === 'long' ? 'observations-long' : 'observations-wide';
      // A JSON file is checked as it is, not as read into cells: its objects are what the schema describes.
      const rows = format === 'json' ? (JSON.parse(await readFile(file, 'utf8')) as unknown[]) : rowObjects(table, observationHeaders);
      for (const [i, row] of rows.entries()) expect(validate[schema](row), `${name} row ${i + 1}: ${problems(validate[schema]).join('\n')}`).toBe(true);
      seen.add(`${format} ${layout}`);
    }
    // The sample has both layouts in CSV, and JSON, a workbook and Parquet.
    expect([...seen].sort()).toEqual(['csv long', 'csv wide', 'json long', 'parquet long', 'xlsx wide']);
  });

  describe('on the results of a run of the sample', () => {
    let rows: unknown[];
    beforeAll(async () => {
      const out = await tempDir('kpi-schemas-');
      await runJob({ data: SAMPLE, out, now: sampleRunAt });
      rows = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as unknown[];
    });

    it('accept results.json whole, every row of it', () => {
      expect(rows.length).toBeGreaterThan(1000);
      expect(validate.results(rows), problems(validate.results).slice(0, 10).join('\n')).toBe(true);
    });

    it('reject a row whose status is not one of the seven', () => {
      const bad = [{ ...(rows[0] as object), status: 'done' }];
      expect(validate.results(bad)).toBe(false);
      expect(validate.results.errors).toContainEqual(expect.objectContaining({ instancePath: '/0/status', keyword: 'enum' }));
    });

    it('reject a row without its region, and one with a column the contract does not have', () => {
      const { region: _, ...noRegion } = rows[0] as Record<string, unknown>;
      expect(validate.results([noRegion])).toBe(false);
      expect(validate.results.errors).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'region' } }));
      expect(validate.results([{ ...(rows[0] as object), score: 1 }])).toBe(false);
    });

    it('reject a finding the catalog of findings does not know', () => {
      expect(validate.results([{ ...(rows[0] as object), findings: [{ code: 'GUESSED', params: {} }] }])).toBe(false);
    });
  });

  it('reject input rows that break the contract: a region code with a space, a bare-number period, a wide column that is no code', () => {
    expect(validate.regions({ code: '32 13', name: 'X', parent: '' })).toBe(false);
    expect(validate.regions({ code: 'C', name: 'City', parent: '' })).toBe(true);
    expect(validate.targets({ indicator: 'rd_intensity', region: '', year: '2023', period: '2023H1', value: '2.2' })).toBe(false);
    expect(validate['observations-long']({ region: 'C', period: '2023Q2', variable: 'gdp', value: '12,5' })).toBe(false);
    expect(validate['observations-wide']({ region: 'C', period: '2023Q2', gdp: 12.5 })).toBe(true);
    expect(validate['observations-wide']({ region: 'C', period: '2023Q2', GDP: 12.5 })).toBe(false);
    expect(validate['catalog-indicator']({ id: 'x', name: 'X', unit: '%', direction: 'up', scope: 'intensive', schedule: 'level', formula: 'gdp' })).toBe(false);
  });
});
