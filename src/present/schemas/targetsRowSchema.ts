import { z } from 'zod';
import { codeSchema } from '../../catalog/variable.js';
import { numberTextSchema, quarterSchema, regionCodeSchema } from './cellSchemas.js';

/** The Chinese header each column of targets.csv may carry instead of its code (CONTRACT.md §targets.csv). */
export const targetsHeaders = { indicator: '指标', region: '地区代码', year: '年度', period: '期别', value: '目标值', note: '备注' } as const;

/**
 * One row of targets.csv, keyed by column code, every cell as the text the
 * file holds: an annual target (period empty) or one schedule point of an
 * `explicit` indicator (period `YYYYQn`, the cumulative value due by that
 * quarter's end). The same indicator, region, year and period twice is an error.
 */
export const targetsRowSchema = z.strictObject({
  indicator: codeSchema.describe('指标 indicator: 指标代码，须在指标目录中 / an indicator id of the catalog (metrics/indicators/*.yaml)'),
  region: z.union([regionCodeSchema, z.literal('')]).describe('地区代码 region: 地区代码，空表示根地区 / a region code of regions.csv; empty means the root'),
  year: z.string().regex(/^\d{4}$/).describe('年度 year: 目标年度，1900–2100 / the target year, e.g. 2023'),
  period: z
    .union([quarterSchema, z.literal('')])
    .optional()
    .describe('期别 period: 空为年度目标；YYYYQn 为该季末应累计完成的进度目标（须在该年度内）/ empty for the annual target; YYYYQn (inside the year) for a schedule point, due by that quarter\'s end'),
  value: numberTextSchema.describe('目标值 value: 以指标单位计的数字 / a number in the indicator\'s unit (the checks also accept the unit after it: 2.2%)'),
  note: z.string().optional().describe('备注 note: 可选，不参与计算 / optional, for people: not used in any figure'),
});
