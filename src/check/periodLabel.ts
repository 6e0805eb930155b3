import type { Cell } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import type { Frequency, Period, PeriodCheck, PeriodProblem } from '../model/period.js';
import { makePeriod, parsePeriod, periodFor, periodOf, YEAR_RANGE_EXPECTED } from '../model/period.js';
import { toHalfWidth } from './halfWidth.js';

export type PeriodReading =
  | {
      readonly ok: true;
      readonly period: Period;
      /** The label named a year (`2023`, `2023年全年`), read as its Q4 (annual figures are year-end figures). */
      readonly annual: boolean;
      /** False when the label was rewritten to `YYYYQn` (`2023年1-6月`); the load log records it. */
      readonly canonical: boolean;
    }
  | {
      readonly ok: false;
      /** BAD_PERIOD unless more precise (a year outside 1900–2100 is PERIOD_OUT_OF_RANGE). */
      readonly code?: PeriodProblem;
      readonly detail?: string;
      readonly expected?: string;
    };

const QUARTER_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** The dashes and words analysts put in a month range: 1-6月, 1—6月, 1–6月, 1~6月, 1至6月. */
const RANGE = '[-—–~～至到]';

/** A reading of year and quarter, refused when the year is outside the contract's 1900–2100 (`0023Q2` is not the year 23). */
function reading(year: number, q: number, annual: boolean, canonical: boolean): PeriodReading {
  const checked = periodOf(year, q);
  if (!checked.ok) return { ok: false, code: checked.code, expected: checked.expected, detail: checked.code === 'PERIOD_OUT_OF_RANGE' ? `年份 ${year} 超出范围 / year ${year} is out of range` : undefined };
  return { ok: true, period: checked.period, annual, canonical };
}
const quarter = (year: number, q: number, canonical: boolean): PeriodReading => reading(year, q, false, canonical);
const annual = (year: number, canonical: boolean): PeriodReading => reading(year, 4, true, canonical);

/** What a Chinese label after `YYYY年` means; flows are year to date, so only ranges from January to a quarter's end are a period. */
function chineseLabel(year: number, rest: string): PeriodReading {
  if (rest === '' || rest === '全年' || rest === '度') return annual(year, false);
  const q = /^第?([一二三四1-4])季度?$/.exec(rest);
  if (q) return quarter(year, QUARTER_NUMERALS[q[1] ?? ''] ?? 0, false);
  if (rest === '上半年') return quarter(year, 2, false);
  if (rest === '前三季度') return quarter(year, 3, false);
  if (rest === '下半年') return { ok: false, detail: '“下半年”不是年初至今的累计期 / the second half is not a year-to-date period' };
  const range = new RegExp(`^(\\d{1,2})月?${RANGE}(\\d{1,2})月份?$`).exec(rest);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from !== 1) return { ok: false, detail: `${from}-${to}月不是从1月起的累计期 / months ${from}–${to} are not year to date` };
    if (to % 3 !== 0 || to < 3 || to > 12) return { ok: false, detail: `1-${to}月不在季末 / months 1–${to} do not end a quarter` };
    return quarter(year, to / 3, false);
  }
  if (/^\d{1,2}月份?$/.test(rest)) return { ok: false, detail: '单月不是季度期别 / a single month is not a quarter' };
  return { ok: false };
}

/**
 * Reads a period label. Canonical: `2023Q2`, and `2023` for an annual figure
 * (read as 2023Q4). Also accepted, each with one meaning: `2023-Q2`,
 * `2023 Q2`, `2023年二季度` / `2023年第二季度` / `2023年2季度`, `2023年1-6月`
 * (year to date, so 1-3/1-6/1-9/1-12 only), `2023年上半年` (Q2),
 * `2023年前三季度` (Q3), `2023年全年` / `2023年度` (annual), with full-width
 * digits anywhere. Refused as ambiguous: other month ranges, single months,
 * `下半年`; `detail` says why.
 *
 * @example readPeriodLabel('2023年1—6月') // { ok: true, period: { period: '2023Q2', year: 2023, quarter: 2 }, annual: false, canonical: false }
 */
export function readPeriodLabel(cell: Cell | undefined): PeriodReading {
  const raw = cellText(cell);
  const canonical = parsePeriod(raw);
  if (canonical.ok) return canonical.label.quarter === undefined ? annual(canonical.label.year, true) : quarter(canonical.label.year, canonical.label.quarter, true);
  if (canonical.code === 'PERIOD_OUT_OF_RANGE') return { ok: false, code: canonical.code, expected: YEAR_RANGE_EXPECTED };

  const text = toHalfWidth(raw).replace(/\s+/g, ' ').trim();
  const spaced = /^(\d{4}) ?[- /]? ?Q([1-4])$/i.exec(text);
  if (spaced) return quarter(Number(spaced[1]), Number(spaced[2]), false);
  if (/^\d{4}$/.test(text)) return annual(Number(text), false);
  const chinese = /^(\d{4}) ?年(.*)$/.exec(text);
  if (chinese) return chineseLabel(Number(chinese[1]), (chinese[2] ?? '').replace(/ /g, ''));
  return { ok: false };
}

/**
 * A label read against the variable's frequency (see {@link periodFor}): a
 * year alone (`2023`, `2023年全年`) is a quarterly variable's error and an
 * annual variable's Q4; an annual variable's other quarters are errors.
 */
export function periodForReading(reading: PeriodReading & { ok: true }, frequency: Frequency): PeriodCheck {
  return periodFor({ year: reading.period.year, quarter: reading.annual ? undefined : reading.period.quarter }, frequency);
}

/** The quarter `now` falls in, on the calendar of China Standard Time (UTC+8), where the reports are made. */
export function quarterContaining(now: Date): Period {
  const china = new Date(now.getTime() + 8 * 3600_000);
  return makePeriod(china.getUTCFullYear(), Math.floor(china.getUTCMonth() / 3) + 1);
}

export { isAfter } from '../model/period.js';
