import { z } from 'zod';
import { statusLabels } from '../../assess/statusRules.js';
import { codeSchema } from '../../catalog/variable.js';
import type { FindingCode } from '../../model/finding.js';
import { findingCodes, findingSchemas } from '../../model/finding.js';
import { statuses } from '../../model/status.js';
import { quarterSchema, regionCodeSchema } from './cellSchemas.js';

/** What each finding code says (src/model/finding.ts), in the words of the schema. */
const findingMeanings: Record<FindingCode, string> = {
  ZERO_DIVISION: '除数为 0，值为空 / a divisor of the formula was 0, so the value is null (previousYear: the divisor was a prev_year() input)',
  NOT_FINITE: '某一步不是有限数（溢出，或超出 ln、log10、sqrt 的定义域），值为空 / a step of the formula was not a finite number, so the value is null',
  CHILDREN_SUM_NOT_FINITE: '下级合计不是有限数，未能使用 / an input\'s children summed to a number that is not finite, so it could not be used',
  TARGET_NOT_POSITIVE: '序时目标不大于 0：无完成率，以实际值对比目标判断 / the target to date is 0 or below: no attainment; judged by actual against target',
  ANNUAL_TARGET_NOT_POSITIVE: '年度目标不大于 0：无年度完成率 / the annual target is 0 or below: no annual progress',
  LOWER_ACTUAL_NOT_POSITIVE: '越低越好指标的实际值不大于 0：无比率，以实际值 ≤ 目标判断 / a lower-is-better actual of 0 or below: no ratio; judged by actual ≤ target',
  MEASURE_NOT_FINITE: '比率或差距不是有限数，置空 / a ratio or the gap was not a finite number, so it is null',
  MISSING_INPUTS: '这些数据项无数据，值为空 / the value is null because these inputs have no figure',
  MISSING_CHILDREN: '这些下级（地区代码）未报送被汇总的数据项 / children (region codes) that reported nothing for an input summed from them',
  TARGET_INHERITED: '年度目标继承自最近的上级（地区代码），强度指标 / the annual target is the nearest ancestor\'s (region code): an intensive indicator',
  NO_SCHEDULE_ROW: '分期目标缺本期行，序时目标按线性 / an explicit schedule without a row for this period: the target to date is linear',
  PARENT_SUM_MISMATCH: '所用上级自报数与下级合计相差超过容差 / an input is a parent\'s own report that differs from the sum of its children by more than the tolerance',
};

const findingSchema = z
  .discriminatedUnion(
    'code',
    findingCodes.map((code) => z.object({ code: z.literal(code), params: findingSchemas[code] }).describe(`${code}: ${findingMeanings[code]}`)) as unknown as [
      z.ZodObject,
      ...z.ZodObject[],
    ],
  )
  .describe('一项发现 one finding: a code of src/model/finding.ts with its typed parameters (data, never words)');

const number = (text: string) => z.number().nullable().describe(text);

/**
 * One row of results.json (and of results.csv and results.parquet, which
 * hold the same rows): an indicator × region × period, in the column order
 * of `resultColumns`. Every description says what the column means
 * (INDICATORS.md §4–5, OUTLOOK.md §1–3); results.parquet carries the same
 * descriptions in its key-value metadata. Numbers are unrounded; null means
 * no value, never 0.
 */
export const resultRowSchema = z.strictObject({
  indicator: codeSchema.describe('指标代码 indicator: 指标目录中的指标 id / the indicator id of the catalog (metrics/indicators/*.yaml)'),
  region: regionCodeSchema.describe('地区代码 region: regions.csv 中的地区代码 / the region code of regions.csv'),
  period: quarterSchema.describe('期别 period: 季度 YYYYQn，数值为季末时点（流量为当年累计）/ the quarter YYYYQn; figures as at its end (flows year to date)'),
  actual: number(
    '实际值 actual: 按本地区自身数据项计算的指标值 / the indicator\'s value from the region\'s own inputs (its own report, else the complete sum of its rollup children); null when an input is missing, on a division by zero or a result that is not finite',
  ),
  target: number(
    '序时目标 target to date: 截至本期应完成的目标 / the target due by the period\'s end under the indicator\'s schedule: the annual target for level and year_end, annual × q ÷ 4 for linear, the schedule row for explicit (linear without one); null when no annual target applies',
  ),
  annual_target: number(
    '年度目标 annual target: 本年度目标 / the year\'s target: the region\'s own row, the nearest ancestor\'s for an intensive indicator, or its Q4 schedule row; null when none applies',
  ),
  attainment: number(
    '完成率 attainment: 实际 ÷ 序时目标 / actual ÷ target to date (target ÷ actual for lower-is-better); null when either is null or a ratio is meaningless (a target of 0 or below)',
  ),
  annual_progress: number(
    '年度目标完成率 annual progress: 实际 ÷ 年度目标 / actual ÷ annual target (swapped for lower-is-better); null when either is null or the annual target is 0 or below',
  ),
  expected_progress: number(
    '序时进度 expected progress: 截至本期应完成的年度目标比例 / the share of the annual target due by now, from the schedule alone: 1 for level, q ÷ 4 for linear, target to date ÷ annual target for explicit, 1 at Q4 for year_end; null for year_end before Q4 and where explicit has no annual target',
  ),
  gap: number('差距 gap: 实际 − 序时目标 / actual − target to date, in the indicator\'s unit (percentage points for %); negative is a shortfall for a higher-is-better indicator'),
  status: z
    .enum(statuses)
    .describe(
      '状态 status: 依次适用的第一条 / the first rule that applies (INDICATORS.md §5): no_data (actual is null), no_target (no annual target), completed, pending (year_end before Q4), on_track (attainment ≥ 1), warning (attainment ≥ the warning threshold), behind',
    ),
  rank: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('排名 rank: 同一上级下各地区按完成率从高到低排名，并列同名次 / among regions with the same parent, by attainment, highest first, ties sharing a rank (1, 2, 2, 4); null where attainment is null, and for the root'),
  indicator_name: z.string().describe('指标名称 indicator name, as the catalog gives it'),
  region_name: z.string().describe('地区名称 region name, as regions.csv gives it'),
  unit: z.string().describe('计量单位 unit: of actual, target, annual_target, gap and the projections, from the catalog'),
  status_label: z
    .enum(statuses.map((s) => statusLabels[s]) as [string, ...string[]])
    .describe('状态（中文）status in words, as reports write it: 已完成 completed, 达到序时 on_track, 预警 warning, 滞后 behind, 年末考核 pending, 无数据 no_data, 无目标 no_target'),
  target_source: z
    .string()
    .regex(/^(own|inherited:[A-Za-z0-9_-]+)$/)
    .nullable()
    .describe('目标来源 target source: own（本地区目标）或 inherited:<地区代码>（继承上级）/ own, or inherited:<region code> for an intensive indicator\'s ancestor\'s annual target; null without an annual target'),
  missing_inputs: z
    .string()
    .nullable()
    .describe('缺失数据项 missing inputs: 无数据的公式输入，以 "; " 分隔 / the formula\'s inputs with no figure, as the formula names them (gdp, prev_year(gdp)), joined by "; "; null when none'),
  missing_children: z
    .string()
    .nullable()
    .describe('未报下级 missing children: 未报送被汇总数据项的下级地区代码，以 "; " 分隔 / codes of children that reported nothing for an input summed from them, joined by "; "; null when none'),
  notes: z
    .string()
    .nullable()
    .describe('说明 notes: 以文字写出的发现，以 "；" 分隔 / the findings in words, for people (filter on findings, never on this wording); null when there are none'),
  findings: z.array(findingSchema).describe('发现 findings: 计算中发现的情况，数据形式 / what the engine noticed about the figure, as data: an array of {code, params}; [] when none. A JSON text in results.csv and results.parquet'),
  actual_prev_year: number('上年同期 a year earlier: 同一地区上年同季的实际值 / actual for the same region at the same quarter of the previous year; null when missing'),
  yoy_change: number('同比增减 year-over-year change: actual − actual_prev_year; null when either is null'),
  yoy_growth: number('同比增长 year-over-year growth: yoy_change ÷ |actual_prev_year|, a fraction (0.1 = 10 %); null when either is null or the previous value is 0'),
  projected: number(
    '年末预计 projected year end: 实际 × 季节系数均值 / actual × the mean of the seasonal factors (year end ÷ the same quarter, in up to three earlier years of the region, else of its nearest ancestor with history), or × the default 4 ÷ q (cumulative) or 1 (level); null at Q4 and where actual is null',
  ),
  projected_low: number('预计下限 projected low: actual × the smallest seasonal factor, with at least two factors; null otherwise'),
  projected_high: number('预计上限 projected high: actual × the largest seasonal factor, with at least two factors; null otherwise'),
  probability: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      '达标概率 probability: 年末达到年度目标的概率 / the chance of meeting the annual target at year end under a normal approximation (mean projected, standard deviation |actual| × sd of the factors), with at least two factors and an annual target; null otherwise',
    ),
  projection_basis: z
    .string()
    .regex(/^(own|default|inherited:[A-Za-z0-9_-]+)$/)
    .nullable()
    .describe('预计依据 projection basis: whose history gave the factors: own, inherited:<region code> (the nearest ancestor with history) or default (no history on the chain); null where there is no projection'),
  pace_so_far: number('已完成季均 pace so far: actual ÷ q, for cumulative (linear, explicit) indicators before Q4 with an actual and an annual target; null otherwise'),
  pace_needed: number(
    '需季均完成 pace needed: 剩余各季每季需完成 / what each remaining quarter must add: (annual target − actual) ÷ (4 − q), for lower-is-better (actual − annual target) ÷ (4 − q) as the cut needed; 0 once the target is met; null where pace_so_far is',
  ),
});

/** Each column's description, as results.json's schema and results.parquet's metadata give it. */
export const resultColumnDescriptions = Object.fromEntries(
  Object.entries(resultRowSchema.shape).map(([column, schema]) => [column, schema.description ?? '']),
) as Record<keyof typeof resultRowSchema.shape, string>;
