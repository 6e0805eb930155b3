import { describe, expect, it } from 'vitest';
import { problems } from '../../src/diagnostics/problems.js';
import { defaultSettings, settingsSchema } from '../../src/settings.js';

describe('settings.json', () => {
  it('a rejected settings file is told every key there is', () => {
    for (const key of Object.keys(settingsSchema.shape)) expect(problems.BAD_SETTINGS.expected, key).toContain(key);
  });

  it('defaults to Beijing time and the outlook rules\' tolerances', () => {
    expect(defaultSettings).toMatchObject({ timeZone: 'Asia/Shanghai', warningProbability: 0.5, jumpTolerance: 0.5, outlierZ: 3.5 });
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(settingsSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(settingsSchema.safeParse({ timeZone: 'Europe/Berlin' }).success).toBe(true);
  });
});
