import { z } from 'zod';
import { defaultTimeZone, isTimeZone } from './model/clock.js';

/** A web origin: scheme and host (and port), no path. */
export const webOrigin = z.string().regex(/^https?:\/\/[^/\s]+$/, { message: '应为网页来源 expected an origin such as https://dash.example.org (scheme and host, no path)' });

/** Settings of a run; a data folder's settings.json may set any of them. */
export const settingsSchema = z.strictObject({
  /** Attainment at or above this (but below 1) is 预警 warning; below it, 滞后 behind. */
  warningThreshold: z.number().gt(0).lte(1).default(0.9),
  /** A parent's own report differing from its children's sum by more than this share is flagged. */
  dataQualityTolerance: z.number().gte(0).lt(1).default(0.005),
  /** A figure before Q4 whose chance of meeting its annual target is below this is an early warning (预警清单, OUTLOOK.md §4). */
  warningProbability: z.number().gte(0).lte(1).default(0.5),
  /** A quarterly stock changing from the previous quarter by more than this share of the previous value is flagged (STOCK_JUMP; 0.5 = 50 %). */
  jumpTolerance: z.number().gte(0).default(0.5),
  /** A region whose robust z among its siblings (0.6745 × (x − median) / MAD) is beyond ± this is flagged (PEER_OUTLIER). */
  outlierZ: z.number().gt(0).default(3.5),
  /** The 通报's title; default「<root region>主要指标完成情况通报」. */
  reportTitle: z.string().min(1).optional(),
  /** The zone of the times a publication shows (the 通报's colophon, the workbook): an IANA name; Beijing time by default. */
  timeZone: z.string().refine(isTimeZone, { message: '应为时区名 expected an IANA time zone name such as Asia/Shanghai or Europe/Berlin' }).default(defaultTimeZone),
  /** The web origins (`https://dash.example.gov.cn`) whose pages may call `kpi serve`'s API from a browser (CORS); none by default. */
  corsOrigins: z.array(webOrigin).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
