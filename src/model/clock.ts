/**
 * One clock for everything the engine prints or parses: wall-clock time in a
 * named zone (Beijing time unless told otherwise), always shown with its UTC
 * offset so a time copied out of a terminal or a report is never ambiguous.
 */

/** The bureau's zone: Beijing time, UTC+8 all year. */
export const defaultTimeZone = 'Asia/Shanghai';

/** Whether `zone` is an IANA zone name the runtime knows (`Asia/Shanghai`, `Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A moment's date and time of day on a zone's clock. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date and time of day `at` shows on the clock of `zone` (Beijing by default). */
export function wallClock(at: Date, zone: string = defaultTimeZone): WallClock {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the zone is ahead of UTC at that moment (480 for Beijing). */
function offsetMinutes(at: Date, zone: string): number {
  const w = wallClock(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const two = (n: number): string => String(n).padStart(2, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${two(Math.floor(m / 60))}:${two(m % 60)}`;
}

/**
 * A moment as `YYYY-MM-DD HH:MM:SS+HH:MM` in the zone: what `kpi runs`,
 * `history` and `explain` print, and what `--as-of` reads back.
 *
 * @example formatTime(new Date('2023-07-20T01:00:00Z')) // '2023-07-20 09:00:00+08:00'
 */
export function formatTime(at: Date, zone: string = defaultTimeZone): string {
  const w = wallClock(at, zone);
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}${offsetText(offsetMinutes(at, zone))}`;
}

/** `2023-07-20 09:00` on the zone's clock, for a printed page (the zone is said beside it: {@link zoneLabel}). */
export function formatMinute(at: Date, zone: string = defaultTimeZone): string {
  const w = wallClock(at, zone);
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}

/**
 * The day of a moment on the zone's clock, `2023-07-20`.
 *
 * @example formatDay(new Date('2023-07-19T17:00:00Z')) // '2023-07-20' (01:00 in Beijing)
 */
export function formatDay(at: Date, zone: string = defaultTimeZone): string {
  return formatMinute(at, zone).slice(0, 10);
}

/** How a page names the zone: 北京时间 for Beijing, otherwise the zone and its offset (`Europe/Berlin UTC+02:00`). */
export function zoneLabel(zone: string = defaultTimeZone, at: Date = new Date()): string {
  if (zone === defaultTimeZone || zone === 'Asia/Chongqing' || zone === 'PRC') return '北京时间';
  return `${zone} UTC${offsetText(offsetMinutes(at, zone))}`;
}

const timePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads a date or a time. With an offset (`Z`, `+08:00`) it means exactly that;
 * without one it is the zone's clock; a bare date means the end of that day.
 * `undefined` for anything else, and for a day or hour that does not exist.
 *
 * @example parseTime('2023-07-20') // 2023-07-20T15:59:59.999Z (the end of the day in Beijing)
 * @example parseTime('2024-04-20T18:00+08:00') // 2024-04-20T10:00:00.000Z
 */
export function parseTime(text: string, zone: string = defaultTimeZone): Date | undefined {
  const m = timePattern.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms, offset] = m;
  const dateOnly = h === undefined;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: dateOnly ? 23 : Number(h),
    minute: dateOnly ? 59 : Number(mi),
    second: dateOnly ? 59 : Number(s ?? 0),
    milli: dateOnly ? 999 : Number((ms ?? '0').padEnd(3, '0')),
  };
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31 || fields.hour > 23 || fields.minute > 59 || fields.second > 59) return undefined;
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.milli);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== fields.day) return undefined;
  if (offset !== undefined) return new Date(asUtc - offsetOf(offset) * 60_000);
  // The zone's offset at the wall-clock time; a second pass settles the hour a daylight-saving change moves.
  let at = asUtc - offsetMinutes(new Date(asUtc), zone) * 60_000;
  at = asUtc - offsetMinutes(new Date(at), zone) * 60_000;
  return new Date(at);
}

function offsetOf(text: string): number {
  if (/^z$/i.test(text)) return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return text.startsWith('-') ? -minutes : minutes;
}
