import { z } from 'zod';
import { defaultTimeZone, isTimeZone } from './model/clock.js';

/** Settings of a run; a data folder's settings.json may set any of them. */
export const settingsSchema = z.strictObject({
  /** Attainment at or above this (but below 1) is 预警 warning; below it, 滞后 behind. */
  warningThreshold: z.number().gt(0).lte(1).default(0.9),
  /** A parent's own report differing from its children's sum by more than this share is flagged. */
  dataQualityTolerance: z.number().gte(0).lt(1).default(0.005),
  /** The 通报's title; default「<root region>主要指标完成情况通报」. */
  reportTitle: z.string().min(1).optional(),
  /** The zone of the times a publication shows (the 通报's colophon, the workbook): an IANA name; Beijing time by default. */
  timeZone: z.string().refine(isTimeZone, { message: '应为时区名 expected an IANA time zone name such as Asia/Shanghai or Europe/Berlin' }).default(defaultTimeZone),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
