import { z } from 'zod';
import { indicatorSchema } from '../../catalog/indicator.js';
import { derivedSchema, variableSchema } from '../../catalog/variable.js';
import type { ResultColumn } from '../resultColumns.js';
import { indicatorFieldDescriptions, variableFieldDescriptions } from './catalogDescriptions.js';
import { observationHeaders, observationLongRowSchema, observationWideRowSchema } from './observationRowSchemas.js';
import { regionsHeaders, regionsRowSchema } from './regionsRowSchema.js';
import { resultRowSchema } from './resultRowSchema.js';
import { targetsHeaders, targetsRowSchema } from './targetsRowSchema.js';

type JsonSchema = z.core.JSONSchema.JSONSchema;
/** A schema inside a document: no `$schema` line of its own. */
type InnerSchema = Omit<JsonSchema, '$schema'>;

/** A published JSON Schema document: a 2020-12 schema with a stable id and the version of the contract it states. */
export type PublishedSchema = JsonSchema & {
  readonly $schema: 'https://json-schema.org/draft/2020-12/schema';
  readonly $id: string;
  readonly title: string;
  readonly description: string;
  /** Bumped by a breaking change (a column removed or renamed, a value no longer allowed); the old document stays published. */
  readonly version: number;
};

/**
 * The documents, one for each kind of file the contract names (CONTRACT.md).
 *
 * @example schemaNames.map(schemaFileName) // ['results.v1.schema.json', …]
 */
export const schemaNames = ['results', 'catalog-variables', 'catalog-indicator', 'regions', 'targets', 'observations-long', 'observations-wide'] as const;
/** The name of one published document: `results`, `regions`, …. */
export type SchemaName = (typeof schemaNames)[number];

// The results schema must name exactly the columns the results files have.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameColumns: Same<keyof typeof resultRowSchema.shape, ResultColumn> = true;
void sameColumns;

/**
 * A Zod schema as JSON Schema, without its `$schema` line (it goes inside a
 * document). `input`: the files a person writes, where a default makes a
 * field optional; `output`: the files the engine writes.
 */
const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): InnerSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return rest;
};

/** Adds a description to each property of an object schema (the catalog's Zod schemas carry theirs as doc comments). */
const describeProperties = (schema: InnerSchema, descriptions: Readonly<Record<string, string>>, extra: Readonly<Record<string, JsonSchema>> = {}): InnerSchema => ({
  ...schema,
  properties: Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, property]) => [key, { description: descriptions[key], ...(property as JsonSchema), ...extra[key] }]),
  ),
});

// Zod's refinements do not reach JSON Schema: say here what of them JSON Schema can (a range or applies_to naming nothing is an error).
const indicator = describeProperties(jsonSchemaOf(indicatorSchema, 'input'), indicatorFieldDescriptions, { range: { minProperties: 1 }, applies_to: { minProperties: 1 } });
// `derived` is checked beside the variable's own schema (a derived count names a flag, not a reported column), and published with it.
const variable = describeProperties(jsonSchemaOf(variableSchema.extend({ derived: derivedSchema.optional() }), 'input'), {
  ...variableFieldDescriptions,
  derived: '派生计数 derived: {count_entities: {flag}}，由企业级文件中该标志为 1 的企业数得出，不直接报送 / a count made from firm-level files: the number of firms whose flag column is 1 (is_high_tech); never reported directly',
});

/** `code 地区代码, name 地区名称, …`: the Chinese header a column may have instead of its code. */
const headerList = (headers: Readonly<Record<string, string>>): string =>
  Object.entries(headers)
    .map(([code, chinese]) => `${code} ${chinese}`)
    .join(', ');

interface Definition {
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly body: () => InnerSchema;
}

const definitions: Record<SchemaName, Definition> = {
  results: {
    version: 1,
    title: 'results.json — 指标结果 indicator results',
    description:
      'results.json: an array with one object per indicator × region × period, for the regions the indicator applies to. results.csv (UTF-8 with BOM; empty cell = null; findings as JSON text) and results.parquet hold the same rows and columns: `#/$defs/row` describes one row of any of them. Numbers are unrounded; null means no value, never 0. New columns only ever go at the end.',
    body: () => ({ type: 'array', items: { $ref: '#/$defs/row' }, $defs: { row: jsonSchemaOf(resultRowSchema, 'output') } }),
  },
  'catalog-variables': {
    version: 1,
    title: 'metrics/variables.yaml — 基础数据项 input variables',
    description:
      'metrics/variables.yaml, parsed from YAML: the list of variables regions report (INDICATORS.md §1). Codes are unique. (A file holding a single variable, not in a list, is read as a list of one.)',
    body: () => ({ type: 'array', items: variable }),
  },
  'catalog-indicator': {
    version: 1,
    title: 'metrics/indicators/*.yaml — 指标定义 an indicator',
    description:
      'One file of metrics/indicators/, parsed from YAML: one indicator (or a list of them), read in file-name order (INDICATORS.md §2). Ids are unique across the folder, and every identifier of a formula is a variable of metrics/variables.yaml: checks this schema cannot state.',
    body: () => ({ anyOf: [{ $ref: '#/$defs/indicator' }, { type: 'array', items: { $ref: '#/$defs/indicator' } }], $defs: { indicator } }),
  },
  regions: {
    version: 1,
    title: 'regions.csv — 地区 the region tree',
    description:
      `One row of regions.csv, as an object from column code to cell text (UTF-8, with or without a BOM; a column may be headed by its Chinese name instead: ${headerList(regionsHeaders)}). Codes are unique, exactly one row has no parent, and parents form no cycle: checks this schema cannot state.`,
    body: () => jsonSchemaOf(regionsRowSchema, 'input'),
  },
  targets: {
    version: 1,
    title: 'targets.csv — 目标 targets',
    description:
      `One row of targets.csv, as an object from column code to cell text (a column may be headed by its Chinese name instead: ${headerList(targetsHeaders)}). The indicator is one of the catalog, the region one of regions.csv, a schedule period lies inside its year, and no indicator × region × year × period comes twice: checks this schema cannot state.`,
    body: () => jsonSchemaOf(targetsRowSchema, 'input'),
  },
  'observations-long': {
    version: 1,
    title: 'observations/ (long layout) — 观测值 one value a row',
    description:
      `One row of an observations file in the long layout (it has a variable column): a CSV or workbook row as an object from column code to cell, an element of a .json file's array, a record of a .parquet file. A column may be headed by its Chinese name instead: ${headerList(observationHeaders)}. Region and variable codes are known ones, and the same region, period and variable twice in one file is an error.`,
    body: () => jsonSchemaOf(observationLongRowSchema, 'input'),
  },
  'observations-wide': {
    version: 1,
    title: 'observations/ (wide layout) — 观测值 one row per region and period',
    description:
      `One row of an observations file in the wide layout (no variable column): region, period (optionally source and note), then one column per variable code, each cell a value or empty for not reported. As a CSV or workbook row, a .json array element or a .parquet record. Every other column must be a variable of the catalog; a key column may be headed by its Chinese name instead (${headerList(observationHeaders)}), a variable column by the variable's name.`,
    body: () => jsonSchemaOf(observationWideRowSchema, 'input'),
  },
};

/**
 * The file a document is published as, under docs/schemas/ (shipped in the package).
 *
 * @example schemaFileName('results') // 'results.v1.schema.json'
 */
export const schemaFileName = (name: SchemaName): string => `${name}.v${definitions[name].version}.schema.json`;

/**
 * The document for one kind of file.
 *
 * @example publishedSchema('regions').$id // 'urn:kpi-engine:schema:regions:v1'
 */
export function publishedSchema(name: SchemaName): PublishedSchema {
  const { version, title, description, body } = definitions[name];
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:kpi-engine:schema:${name}:v${version}`, title, description, version, ...body() };
}

/**
 * Every published document, by name.
 *
 * @example JSON.stringify(publishedSchemas().results.$defs?.row) // the schema of one results row
 */
export const publishedSchemas = (): Record<SchemaName, PublishedSchema> =>
  Object.fromEntries(schemaNames.map((name) => [name, publishedSchema(name)])) as Record<SchemaName, PublishedSchema>;
