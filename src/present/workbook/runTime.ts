/**
 * The run time of a report as a Date. DuckDB's `strftime(..., '%z')` writes
 * offsets as `+00` or `+0800`, which `Date.parse` rejects, so the offset is
 * normalised to `+00:00` first.
 *
 * @example
 * runTime('2023-07-20T01:00:00+00').toISOString(); // '2023-07-20T01:00:00.000Z'
 */
export function runTime(runAt: string): Date {
  const iso = runAt.replace(/([+-]\d{2})(?::?(\d{2}))?$/u, (_, hours: string, minutes: string | undefined) => `${hours}:${minutes ?? '00'}`);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`report run time is not an ISO 8601 date: ${runAt}`);
  return date;
}

// The bureau reads times on Beijing time (UTC+8, no daylight saving), whatever
// zone the machine that builds the workbook is in.
const beijingOffsetMs = 8 * 60 * 60 * 1000;

/** Wall-clock parts of a moment in Beijing. */
export function beijingParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const shifted = new Date(date.getTime() + beijingOffsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** `2023-07-20 09:00` (Beijing time). */
export function beijingMinute(date: Date): string {
  const p = beijingParts(date);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
