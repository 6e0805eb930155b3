import { defaultTimeZone, isTimeZone } from '../model/clock.js';
import { UsageError } from './terminal.js';

/**
 * The zone the CLI prints and reads times in: `KPI_TIME_ZONE` (an IANA name
 * such as `Europe/Berlin` or `UTC`), else Beijing time.
 */
export function cliTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.KPI_TIME_ZONE?.trim();
  if (zone === undefined || zone === '') return defaultTimeZone;
  if (!isTimeZone(zone)) throw new UsageError(`KPI_TIME_ZONE 不是时区名 is not a time zone name: "${zone}"（应为 expected an IANA name such as Asia/Shanghai, Europe/Berlin, UTC）`);
  return zone;
}
