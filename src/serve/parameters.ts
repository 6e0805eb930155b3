import { z } from 'zod';
import { chartKinds } from '../present/charts/chart.js';

/**
 * The query and path parameters of the API, as Zod schemas: they validate
 * every request and are the source of the OpenAPI document's parameters, so
 * the two cannot disagree. Values are strings on the wire; names and codes
 * are checked against the run afterwards (see lookup.ts).
 */
const period = z.string().regex(/^\d{4}Q[1-4]$/).describe('期别 period, YYYYQn，如 2023Q2；默认最新一期 default the latest');
const run = z.string().regex(/^[1-9]\d*$/).describe('运行编号 run id (kpi runs)；默认最近一次发布 default the latest publication');
const indicator = z.string().min(1).describe('指标代码或中文名称 indicator id or Chinese name');
const region = z.string().min(1).describe('地区代码或中文名称 region code or Chinese name');

export const parameterSchemas = {
  runOnly: z.object({ run: run.optional() }),
  results: z.object({
    indicator: indicator.optional(),
    region: region.optional(),
    period: period.optional(),
    run: run.optional(),
    format: z.enum(['json', 'csv']).optional().describe('json（默认 default）或 csv；也可用 Accept: text/csv'),
  }),
  explainPath: z.object({ indicator, region, period }),
  chartsPath: z.object({ kind: z.enum(chartKinds).describe('图表种类 chart kind') }),
  charts: z.object({
    period: period.optional(),
    region: region.optional().describe('地区代码或中文名称 region (scorecard, cumulative, trend)；默认根地区 default the root'),
    indicator: indicator.optional().describe('指标代码或中文名称 indicator (cumulative, ranking, trend)；默认全部 default all'),
    run: run.optional(),
  }),
  reportPath: z.object({ period }),
} as const;

export type ParameterSchema = keyof typeof parameterSchemas;
