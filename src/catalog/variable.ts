import { z } from 'zod';

/** A code usable as a SQL identifier and as a column header: lower snake case. */
export const codeSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake case, e.g. rd_expenditure');

/**
 * An input variable (基础数据项): what regions report.
 * `flow` values are year-to-date cumulative; `stock` values are levels at the period's end.
 * `annual` variables are reported once a year and read as-of by quarterly computations.
 *
 * @example
 * ```yaml
 * - { code: high_tech_firms, name: 高新技术企业数, unit: 家, kind: stock, frequency: quarterly, additive: true, integer: true, min: 0 }
 * - { code: good_air_days, name: 空气质量优良天数, unit: 天, kind: flow, frequency: quarterly, additive: false, integer: true, min: 0, max: 366 }
 * ```
 */
export const variableSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(['flow', 'stock']),
  frequency: z.enum(['quarterly', 'annual']),
  additive: z.boolean(),
  /** Whole numbers only: counts of firms, patents, people, days. A reported 12.5 is rejected. Default: any number. */
  integer: z.boolean().optional(),
  /**
   * The smallest value a report may give: 0 for counts and amounts, which cannot be negative. A report below it
   * is rejected when the file is read; a stored value below it (a catalog changed since) is an OUT_OF_RANGE
   * error in quality.csv. Default: no minimum.
   */
  min: z.number().optional(),
  /**
   * The largest value that can be right (366 days of a year): a stored value above it is an OUT_OF_RANGE
   * error in quality.csv. The file is still stored and the run goes on. Default: no maximum.
   */
  max: z.number().optional(),
  description: z.string().optional(),
}).refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, { message: 'min is above max', path: ['max'] });

/**
 * A variable counted from firm-level files instead of reported as a number: `derived: { count_entities: { flag:
 * is_high_tech } }` is the number of firms (entities) whose `is_high_tech` flag is 1, per region and period. The flag
 * is a column of firm-level files (0/1), not a variable; a region-level report of the variable still wins over the
 * count. Validated beside {@link variableSchema} (checkCatalog takes the key off first), so the published schema of
 * variables.yaml keeps its fields until it describes this one.
 *
 * @example
 * ```yaml
 * - { code: high_tech_firms, name: 高新技术企业数, unit: 家, kind: stock, frequency: quarterly, additive: true, integer: true, min: 0,
 *     derived: { count_entities: { flag: is_high_tech } } }
 * ```
 */
export const derivedSchema = z.strictObject({ count_entities: z.strictObject({ flag: codeSchema }) });

/** One variable regions report, as `metrics/variables.yaml` lists it. */
export type Variable = z.infer<typeof variableSchema> & { readonly derived?: z.infer<typeof derivedSchema> };

/** The flag a derived variable counts, if it is one. */
export const countedFlag = (v: Variable): string | undefined => v.derived?.count_entities.flag;
