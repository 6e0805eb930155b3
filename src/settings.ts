import { z } from 'zod';

/** Settings of a run; a data folder's settings.json may set any of them. */
export const settingsSchema = z.strictObject({
  /** Attainment at or above this (but below 1) is 预警 warning; below it, 滞后 behind. */
  warningThreshold: z.number().gt(0).lte(1).default(0.9),
  /** A parent's own report differing from its children's sum by more than this share is flagged. */
  dataQualityTolerance: z.number().gte(0).lt(1).default(0.005),
  /** The 通报's title; default「<root region>主要指标完成情况通报」. */
  reportTitle: z.string().min(1).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
