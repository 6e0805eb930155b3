/** The run time of a report (ISO 8601, as the run recorded it) as a Date; anything else is a broken invariant. */
export function runTime(runAt: string): Date {
  const date = new Date(runAt);
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
