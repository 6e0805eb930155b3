import { z } from 'zod';
import { codeSchema } from './variable.js';

export const scheduleKinds = ['level', 'linear', 'explicit', 'year_end'] as const;
/** How an indicator's target to date is set: `level`, `linear`, `explicit` (targets.csv rows per quarter) or `year_end` (judged at Q4 only). */
export type ScheduleKind = (typeof scheduleKinds)[number];

/**
 * An indicator: a formula over variable codes, judged against targets.
 *
 * @example
 * ```yaml
 * id: rd_intensity
 * task: 1
 * name: 全社会R&D经费支出占GDP比重
 * unit: '%'
 * direction: higher
 * scope: intensive
 * schedule: level
 * formula: 100 * rd_expenditure / gdp
 * range: { min: 0, max: 100 }
 * lead_units: [市科技局]
 * cooperating_units: [各县（区）、市各功能区, 市统计局]
 * ```
 */
export const indicatorSchema = z.strictObject({
  id: codeSchema,
  /** The plan's task number. */
  task: z.number().int().positive().optional(),
  name: z.string().min(1),
  unit: z.string().min(1),
  /** Whether more is better (R&D intensity) or less is better (energy use). */
  direction: z.enum(['higher', 'lower']),
  /** `intensive` (ratios, rates): a region inherits its ancestor's target. `extensive` (counts, sums): it does not. */
  scope: z.enum(['intensive', 'extensive']),
  schedule: z.enum(scheduleKinds),
  /** A DuckDB SQL expression over variable codes; `prev_year(x)` is x a year earlier. */
  formula: z.string().min(1),
  /** Decimals shown in reports; results files are never rounded. */
  decimals: z.number().int().min(0).max(6).optional(),
  lead_units: z.array(z.string().min(1)).default([]),
  cooperating_units: z.array(z.string().min(1)).default([]),
  description: z.string().optional(),
  /**
   * The values that can be right: `{min: 0, max: 100}` for a share in %, `{min: 0}` for a count. A value
   * outside is an OUT_OF_RANGE error in quality.csv (OUTLOOK.md §5); the figure is still computed and
   * published. Either bound may be left out; absent, any value.
   */
  range: z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'range names no bound: give min, max or both' })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'range min is above max', path: ['max'] })
    .optional(),
  /**
   * Where the indicator applies (CONTRACT.md §Outputs): the root of the
   * region tree, some levels, some regions — any of them; absent, every
   * region. No result row is made elsewhere, so nothing reports it missing there.
   */
  applies_to: z
    .strictObject({
      root: z.boolean().optional(),
      levels: z.array(z.string().min(1)).min(1).optional(),
      regions: z.array(z.string().min(1)).min(1).optional(),
    })
    .refine((a) => a.root === true || a.levels !== undefined || a.regions !== undefined, { message: 'applies_to names no region: give root: true, levels or regions' })
    .optional(),
});

/** One indicator as a `metrics/indicators/*.yaml` file defines it. */
export type IndicatorDefinition = z.infer<typeof indicatorSchema>;
