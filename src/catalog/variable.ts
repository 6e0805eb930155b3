import { z } from 'zod';

/** A code usable as a SQL identifier and as a column header: lower snake case. */
export const codeSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake case, e.g. rd_expenditure');

/**
 * An input variable (基础数据项): what regions report.
 * `flow` values are year-to-date cumulative; `stock` values are levels at the period's end.
 * `annual` variables are reported once a year and read as-of by quarterly computations.
 */
export const variableSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(['flow', 'stock']),
  frequency: z.enum(['quarterly', 'annual']),
  additive: z.boolean(),
  description: z.string().optional(),
});

export type Variable = z.infer<typeof variableSchema>;
