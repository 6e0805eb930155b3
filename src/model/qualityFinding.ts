import { z } from 'zod';

/**
 * Data-quality findings (数据质量, OUTLOOK.md §5): what the quality rules
 * (src/assess/quality/) noticed about what was stored — a year-to-date total
 * that fell, a value outside its bounds, a stock that jumped, a parent that
 * differs from its children, a region far from its peers, a report that is
 * missing. A finding is data: the rule's code and severity, where (region,
 * period, the variable or the indicator), the value, the reference it was
 * compared with, and typed parameters; `src/present/format/qualityWords.ts`
 * is the one place that says it in words. Findings never change what was
 * stored and never stop a run.
 */

export const qualitySeverities = ['error', 'warning'] as const;
/** `error`: the figure cannot be right; `warning`: it needs a look. */
export type QualitySeverity = (typeof qualitySeverities)[number];

/** Each rule's parameters: what a message needs besides value and reference. */
export const qualityParamSchemas = {
  /** `value` (year to date at `period`) is below `reference`, the same region's own report at `previousPeriod`, the quarter before in the same year. */
  YTD_DECREASE: z.object({ previousPeriod: z.string() }),
  /** `value` is outside the catalog's bounds; `reference` is the bound it breaks. */
  OUT_OF_RANGE: z.object({ bound: z.enum(['min', 'max']) }),
  /** `value` changed from `reference` (the own report at `previousPeriod`) by more than `tolerance` × |reference|. */
  STOCK_JUMP: z.object({ previousPeriod: z.string(), tolerance: z.number() }),
  /** `value` (the parent's own report) differs from `reference`, the complete sum of its `children` rollup children, by more than `tolerance` × |value|. */
  /** `children`: how many were summed — rollup children, or with `basis: 'firms'` the region's firms (firm-level files). */
  PARENT_SUM_MISMATCH: z.object({ children: z.number().int(), tolerance: z.number(), basis: z.literal('firms').optional() }),
  /** `value` is far from `reference`, the median of the `peers` siblings under `parent` with a value (itself included): robust z = 0.6745 × (value − median) / `mad`, beyond ±`threshold`. */
  PEER_OUTLIER: z.object({ parent: z.string(), peers: z.number().int(), mad: z.number(), z: z.number(), threshold: z.number() }),
  /**
   * No own report at `period`, although the region reported itself at
   * `previousPeriod`, the same quarter a year earlier (`lastYear`;
   * `reference` is that report), or at least half of its `siblings` did
   * (`siblingsReported`). `fallback` says what the engine uses instead, and
   * `fallbackValue` its value: the complete sum of its children
   * (`children_sum`); an earlier year's own report of an annual variable,
   * read as-of (`earlier_report`); nothing until the children missing too
   * report (`children_incomplete`); or nothing at all (`none`: no children to
   * sum, or a variable that is not additive).
   */
  MISSING_REPORT: z.object({
    previousPeriod: z.string(),
    lastYear: z.boolean(),
    siblings: z.number().int(),
    siblingsReported: z.number().int(),
    fallback: z.enum(['children_sum', 'earlier_report', 'children_incomplete', 'none']),
    fallbackValue: z.number().nullable(),
  }),
} as const;

export type QualityCode = keyof typeof qualityParamSchemas;
export type QualityParams<C extends QualityCode> = z.infer<(typeof qualityParamSchemas)[C]>;

export const qualityCodes = Object.keys(qualityParamSchemas) as QualityCode[];

/** What every finding says, whatever its rule. */
const common = {
  severity: z.enum(qualitySeverities),
  region: z.string(),
  period: z.string(),
  /** The variable the finding is about (its code), or null when it is about an indicator. */
  variable: z.string().nullable(),
  /** The indicator the finding is about (its id), or null when it is about a variable. */
  indicator: z.string().nullable(),
  /** The value found; null for a report that is missing. */
  value: z.number().nullable(),
  /** What it was compared with (a bound, the previous value, the children's sum, the peers' median); null when there was nothing to compare. */
  reference: z.number().nullable(),
};

/** One finding of one rule, checked against the catalog above: a rule cannot hand on a finding whose shape is not its code's. */
export const qualityFindingSchema = z.discriminatedUnion(
  'code',
  qualityCodes.map((code) => z.strictObject({ code: z.literal(code), ...common, params: qualityParamSchemas[code] })) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

type Common = { readonly [K in keyof typeof common]: z.infer<(typeof common)[K]> };
/** One data-quality finding: a row of quality.csv, as data. */
export type QualityFinding<C extends QualityCode = QualityCode> = { [K in C]: Common & { readonly code: K; readonly params: QualityParams<K> } }[C];
