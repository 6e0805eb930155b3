import { describe, expect, it } from 'vitest';
import { formatDay, formatTime, isTimeZone, parseTime, zoneLabel } from '../../src/model/clock.js';

describe('one clock: Beijing time unless a zone is given, always shown with its offset', () => {
  it('prints a moment on Beijing time with +08:00, whatever zone the machine is in', () => {
    expect(formatTime(new Date('2023-07-20T01:00:00Z'))).toBe('2023-07-20 09:00:00+08:00');
    // 23:30 UTC is already the next day in Beijing: a report dated by UTC would say the wrong day.
    expect(formatDay(new Date('2023-07-19T23:30:00Z'))).toBe('2023-07-20');
  });

  it('prints another zone with that zone\'s offset, daylight saving included', () => {
    expect(formatTime(new Date('2023-07-20T01:00:00Z'), 'Europe/Berlin')).toBe('2023-07-20 03:00:00+02:00');
    expect(formatTime(new Date('2023-01-20T01:00:00Z'), 'Europe/Berlin')).toBe('2023-01-20 02:00:00+01:00');
    expect(formatTime(new Date('2023-01-20T01:00:00Z'), 'UTC')).toBe('2023-01-20 01:00:00+00:00');
    expect(formatTime(new Date('2023-01-20T01:00:00Z'), 'America/St_Johns')).toBe('2023-01-19 21:30:00-03:30');
  });

  it('reads a bare date as the end of that day on the zone\'s clock', () => {
    expect(parseTime('2023-07-20')?.toISOString()).toBe('2023-07-20T15:59:59.999Z');
    expect(parseTime('2023-07-20', 'UTC')?.toISOString()).toBe('2023-07-20T23:59:59.999Z');
  });

  it('reads a time without an offset on the zone\'s clock, and one with an offset exactly', () => {
    expect(parseTime('2024-04-20T18:00')?.toISOString()).toBe('2024-04-20T10:00:00.000Z');
    expect(parseTime('2024-04-20 18:00:30')?.toISOString()).toBe('2024-04-20T10:00:30.000Z');
    expect(parseTime('2024-04-20T18:00', 'Europe/Berlin')?.toISOString()).toBe('2024-04-20T16:00:00.000Z');
    expect(parseTime('2024-04-20T18:00+08:00', 'Europe/Berlin')?.toISOString()).toBe('2024-04-20T10:00:00.000Z');
    expect(parseTime('2024-04-20T18:00Z')?.toISOString()).toBe('2024-04-20T18:00:00.000Z');
    expect(parseTime('2024-04-20T18:00-0330')?.toISOString()).toBe('2024-04-20T21:30:00.000Z');
  });

  it('reads back what it prints', () => {
    const at = new Date('2023-11-05T17:42:09Z');
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC']) expect(parseTime(formatTime(at, zone), zone)?.getTime()).toBe(at.getTime());
  });

  it('refuses what is not a date or a time, and days that do not exist', () => {
    for (const text of ['yesterday', '2023-13-01', '2023-02-30', '2023-07-20T25:00', '20230720', '']) expect(parseTime(text), text).toBeUndefined();
  });

  it('knows zone names, and names Beijing time in Chinese', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(zoneLabel()).toBe('北京时间');
    expect(zoneLabel('Europe/Berlin', new Date('2023-07-20T00:00:00Z'))).toBe('Europe/Berlin UTC+02:00');
  });
});
