/** The run time of a report (ISO 8601, as the run recorded it) as a Date; anything else is a broken invariant. */
export function runTime(runAt: string): Date {
  const date = new Date(runAt);
  if (Number.isNaN(date.getTime())) throw new Error(`report run time is not an ISO 8601 date: ${runAt}`);
  return date;
}
