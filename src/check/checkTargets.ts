import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Target } from '../model/target.js';
import type { RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import { matchColumns } from './columns.js';
import type { CheckContext } from './context.js';
import { parseNumber, parsePeriod, parseYear } from './values.js';

const columns = [
  { name: 'indicator', chinese: '指标', required: true },
  { name: 'region', chinese: '地区代码', required: true },
  { name: 'year', chinese: '年度', required: true },
  { name: 'period', chinese: '期别', required: false },
  { name: 'value', chinese: '目标值', required: true },
  { name: 'note', chinese: '备注', required: false },
] as const;

/**
 * Checks targets.csv: a known indicator, a known region (empty = the root),
 * a year, an optional schedule quarter inside that year, a numeric value,
 * and no key twice.
 */
export function checkTargets(table: RawTable, context: CheckContext): { targets: Target[]; diagnostics: Diagnostic[] } {
  const { index, diagnostics: headerProblems } = matchColumns(table, columns);
  const diagnostics: Diagnostic[] = [...headerProblems];
  if (headerProblems.some((d) => d.severity === 'error')) return { targets: [], diagnostics };

  const targets: Target[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const raw = (name: (typeof columns)[number]['name']) => {
      const i = index[name];
      return i === undefined ? null : (cells[i] ?? null);
    };
    const at = (column: string, value: string) => ({ file: table.file, row, column, value });
    const before = diagnostics.length;

    const indicator = cellText(raw('indicator'));
    if (indicator === '') diagnostics.push(problem('REQUIRED_VALUE', at('indicator', '')));
    else if (!context.indicatorIds.has(indicator)) diagnostics.push(problem('UNKNOWN_INDICATOR', at('indicator', indicator)));

    const regionText = cellText(raw('region'));
    const region = regionText === '' ? context.root : regionText;
    if (regionText !== '' && !context.regionCodes.has(regionText)) diagnostics.push(problem('UNKNOWN_REGION', at('region', regionText)));

    const year = parseYear(raw('year'));
    if (year === undefined) diagnostics.push(problem('BAD_YEAR', at('year', cellText(raw('year')))));

    const periodText = cellText(raw('period'));
    const period = periodText === '' ? null : parsePeriod(periodText);
    if (period === undefined || (period !== null && !/Q/i.test(periodText))) {
      diagnostics.push(problem('BAD_PERIOD', { ...at('period', periodText), expected: '空（年度目标）或 YYYYQn（进度目标）/ empty, or YYYYQn for a schedule point' }));
    } else if (period !== null && year !== undefined && period.year !== year) {
      diagnostics.push(problem('SCHEDULE_OUTSIDE_YEAR', { ...at('period', periodText), expected: `${year}Q1–${year}Q4` }));
    }

    const value = parseNumber(raw('value'));
    if (value === undefined) diagnostics.push(problem('NOT_A_NUMBER', at('value', cellText(raw('value')))));

    if (diagnostics.length > before || region === null || year === undefined || value === undefined || period === undefined) continue;
    const key = `${indicator}|${region}|${year}|${period?.period ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(problem('DUPLICATE_KEY', { ...at('indicator', indicator), detail: `与第${first}行重复 same key as row ${first}` }));
      continue;
    }
    seen.set(key, row);
    targets.push({ indicator, region, year, period: period?.period ?? null, value, note: cellText(raw('note')), row });
  }
  return { targets, diagnostics };
}
