import { z } from 'zod';
import { codeSchema } from '../../catalog/variable.js';
import { regionCodeSchema, valueCellSchema } from './cellSchemas.js';

/**
 * The two layouts of an observations file (CONTRACT.md §observations), one
 * row each, keyed by column code. A CSV row has text cells; a JSON array
 * element, a Parquet record or a workbook row may hold numbers. A file is
 * wide when it has no `variable` column.
 */

/** The Chinese header each column may carry instead of its code. */
export const observationHeaders = { region: '地区代码', period: '期别', variable: '指标代码', value: '数值', source: '来源', note: '备注' } as const;

/** The pattern of a variable code, as JSON Schema writes it. */
const codePattern = (z.toJSONSchema(codeSchema) as { pattern: string }).pattern;

const region = regionCodeSchema.describe('地区代码 region: regions.csv 中的地区代码 / a region code of regions.csv');
const period = z
  .string()
  .regex(/^\d{4}(Q[1-4])?$/)
  .describe('期别 period: 季度变量为 YYYYQn；年度变量为 YYYY 或 YYYYQ4（YYYY 读作 YYYYQ4）/ YYYYQn for a quarterly variable; YYYY or YYYYQ4 for an annual one (YYYY is read as YYYYQ4). Not after the current quarter');
const source = z.string().optional().describe('来源 source: 可选，报送单位 / optional: who reported it');
const note = z.string().optional().describe('备注 note: 可选 / optional, for people');
const valueText =
  '流量变量为当年累计值，存量变量为期末数；空表示未报送，不是 0 / a number in the variable\'s unit: year to date for a flow variable, the level at the period\'s end for a stock; empty means not reported, never zero';

/** Long layout: one value a row. */
export const observationLongRowSchema = z.strictObject({
  region,
  period,
  variable: codeSchema.describe('指标代码 variable: 变量代码，须在 metrics/variables.yaml 中 / a variable code of metrics/variables.yaml'),
  value: valueCellSchema.describe(`数值 value: ${valueText}`),
  source,
  note,
});

/** Wide layout: one row per region and period, then one column per variable code. */
export const observationWideRowSchema = z
  .object({ region, period, source, note })
  .catchall(valueCellSchema.describe(`变量列 a variable column, named by its code: ${valueText}`))
  // JSON Schema's additionalProperties cannot name the keys it covers: propertyNames says every column is a code.
  .meta({ propertyNames: { pattern: codePattern } });
