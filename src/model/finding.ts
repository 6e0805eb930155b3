import { z } from 'zod';

/**
 * The catalog of findings: what the engine noticed about one figure while
 * computing it — a division by zero, a missing input, a target it inherited,
 * a reported total that differs from its parts. Each is a code with typed
 * parameters (data, never words); `src/present/format/findingWords.ts` is
 * the one place that turns them into a sentence. Counting, filtering and the
 * report read the codes.
 */

/** An input of a formula as the formula names it: `gdp`, or `prev_year(gdp)` for the same quarter a year earlier. */
const input = z.string();

export const findingSchemas = {
  /** A divisor of the formula was 0, so the value is null. */
  ZERO_DIVISION: z.object({ divisor: z.string(), previousYear: z.boolean() }),
  /** A step of the formula was not a finite number (overflow, or outside the domain of ln, log10, sqrt): the value is null. */
  NOT_FINITE: z.object({ formula: z.string() }),
  /** An input's children summed to something that is not a finite number, so it could not be used. */
  CHILDREN_SUM_NOT_FINITE: z.object({ inputs: z.array(z.object({ input, period: z.string() })) }),
  /** The target to date is 0 or below: no attainment; judged by actual against target (INDICATORS.md §5). */
  TARGET_NOT_POSITIVE: z.object({ target: z.number() }),
  /** The annual target is 0 or below: no annual progress. */
  ANNUAL_TARGET_NOT_POSITIVE: z.object({ annualTarget: z.number() }),
  /** A lower-is-better actual of 0 or below: no ratio; judged by actual ≤ target. */
  LOWER_ACTUAL_NOT_POSITIVE: z.object({ actual: z.number() }),
  /** A ratio or the gap came out as a number that is not finite, so it is null. */
  MEASURE_NOT_FINITE: z.object({ measure: z.enum(['attainment', 'annual_progress', 'expected_progress', 'gap']) }),
  /** The value is null because these inputs have no figure. */
  MISSING_INPUTS: z.object({ inputs: z.array(input) }),
  /** Children (region codes) that reported nothing for an input summed from them. */
  MISSING_CHILDREN: z.object({ children: z.array(z.string()) }),
  /** The annual target is the nearest ancestor's (region code): an intensive indicator. */
  TARGET_INHERITED: z.object({ from: z.string() }),
  /** An explicit schedule without a row for this period: the target to date is linear. */
  NO_SCHEDULE_ROW: z.object({}),
  /**
   * An input is a parent's own reported figure that differs from the sum of its children by more than the
   * tolerance: the data-quality rule of the same code (src/assess/quality/parentSumMismatch.ts), on each figure that uses it.
   */
  PARENT_SUM_MISMATCH: z.object({ variable: z.string(), period: z.string(), reported: z.number(), childrenSum: z.number() }),
} as const;

/** The code of a finding: `ZERO_DIVISION`, `MISSING_INPUTS`, `TARGET_INHERITED`, …. */
export type FindingCode = keyof typeof findingSchemas;
/** The typed parameters of a finding of code `C`. */
export type FindingParams<C extends FindingCode> = z.infer<(typeof findingSchemas)[C]>;
/** One finding: its code and parameters, as the `findings` column holds them (a JSON array of these). */
export type Finding = { [C in FindingCode]: { readonly code: C; readonly params: FindingParams<C> } }[FindingCode];

/**
 * Every finding code of the catalog.
 *
 * @example
 * findingCodes.includes('PARENT_SUM_MISMATCH') // true
 */
export const findingCodes = Object.keys(findingSchemas) as FindingCode[];

/** What a finding is about: a data-quality finding asks the reporting unit to check its figures; a completeness one names who did not report. */
export type FindingKind = 'computation' | 'assessment' | 'completeness' | 'data_quality';

/**
 * What each finding code is about.
 *
 * @example
 * kpi.rows().filter((r) => r.findings.some((f) => findingKinds[f.code] === 'data_quality'));
 */
export const findingKinds: Record<FindingCode, FindingKind> = {
  ZERO_DIVISION: 'computation',
  NOT_FINITE: 'computation',
  CHILDREN_SUM_NOT_FINITE: 'computation',
  TARGET_NOT_POSITIVE: 'assessment',
  ANNUAL_TARGET_NOT_POSITIVE: 'assessment',
  LOWER_ACTUAL_NOT_POSITIVE: 'assessment',
  MEASURE_NOT_FINITE: 'computation',
  MISSING_INPUTS: 'computation',
  MISSING_CHILDREN: 'completeness',
  TARGET_INHERITED: 'assessment',
  NO_SCHEDULE_ROW: 'assessment',
  PARENT_SUM_MISMATCH: 'data_quality',
};

const findingSchema = z.discriminatedUnion(
  'code',
  findingCodes.map((code) => z.object({ code: z.literal(code), params: findingSchemas[code] })) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/**
 * Findings as stored (a JSON array), checked against the catalog: a code or parameter the catalog does not know is an error, not a guess.
 *
 * @example
 * decodeFindings('[{"code":"NO_SCHEDULE_ROW","params":{}}]') // [{ code: 'NO_SCHEDULE_ROW', params: {} }]
 */
export function decodeFindings(json: string): Finding[] {
  // Most figures have none: no parse for them (a run's results are decoded row by row).
  if (json === '[]') return [];
  return z.array(findingSchema).parse(JSON.parse(json)) as Finding[];
}

/** Whether any of `findings` is of `kind`. */
export const hasFindingOf = (findings: readonly Finding[], kind: FindingKind): boolean => findings.some((f) => findingKinds[f.code] === kind);
