import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem, problems } from '../diagnostics/problems.js';
import type { Target } from '../model/target.js';
import type { RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import { matchColumns } from './columns.js';
import type { CheckContext } from './context.js';
import type { Normalization } from './normalization.js';
import { YEAR_RANGE_EXPECTED } from '../model/period.js';
import { readPeriodLabel } from './periodLabel.js';
import { readQuantity } from './readQuantity.js';
import { didYouMean } from './suggestCode.js';
import { parseYear } from './values.js';

const columns = [
  { name: 'indicator', chinese: '指标', required: true },
  { name: 'region', chinese: '地区代码', required: true },
  { name: 'year', chinese: '年度', required: true },
  { name: 'period', chinese: '期别', required: false },
  { name: 'value', chinese: '目标值', required: true },
  { name: 'note', chinese: '备注', required: false },
] as const;

const SCHEDULE_PERIOD = '空（年度目标）或季度，如 2023Q2、2023年上半年（进度目标）/ empty for the annual target, or a quarter such as 2023Q2 for a schedule point';

/**
 * Checks targets.csv: a known indicator, a known region (empty = the root),
 * a year, an optional schedule quarter inside that year, a numeric value (in
 * the indicator's unit, which it may repeat: `2.2%`), and no key twice.
 */
export function checkTargets(table: RawTable, context: CheckContext): { targets: Target[]; diagnostics: Diagnostic[]; normalizations: Normalization[] } {
  const { index, diagnostics: headerProblems } = matchColumns(table, columns);
  const diagnostics: Diagnostic[] = [...headerProblems];
  const normalizations: Normalization[] = [];
  if (headerProblems.some((d) => d.severity === 'error')) return { targets: [], diagnostics, normalizations };

  const targets: Target[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const raw = (name: (typeof columns)[number]['name']) => {
      const i = index[name];
      return i === undefined ? null : (cells[i] ?? null);
    };
    const cell = (column: string) => ({ file: table.file, row, column });
    const at = (column: string, value: string) => ({ ...cell(column), value });
    const before = diagnostics.length;

    const indicator = cellText(raw('indicator'));
    if (indicator === '') diagnostics.push(problem('REQUIRED_VALUE', at('indicator', '')));
    else if (!context.indicatorIds.has(indicator)) {
      const expected = didYouMean(indicator, context.named.indicators, problems.UNKNOWN_INDICATOR.expected);
      diagnostics.push(problem('UNKNOWN_INDICATOR', { ...at('indicator', indicator), expected }));
    }

    const regionText = cellText(raw('region'));
    const region = regionText === '' ? context.root : regionText;
    if (regionText !== '' && !context.regionCodes.has(regionText)) {
      const expected = didYouMean(regionText, context.named.regions, problems.UNKNOWN_REGION.expected);
      diagnostics.push(problem('UNKNOWN_REGION', { ...at('region', regionText), expected }));
    }

    const year = parseYear(raw('year'));
    if (year === undefined) diagnostics.push(problem('BAD_YEAR', { ...at('year', cellText(raw('year'))), expected: YEAR_RANGE_EXPECTED }));

    const periodText = cellText(raw('period'));
    const reading = periodText === '' ? null : readPeriodLabel(periodText);
    // A schedule point is a quarter; a year in this column would be an annual target, which goes with an empty period.
    if (reading !== null && !reading.ok && reading.code === 'PERIOD_OUT_OF_RANGE') {
      diagnostics.push(problem(reading.code, { ...at('period', periodText), expected: reading.expected, detail: reading.detail }));
    } else if (reading !== null && (!reading.ok || reading.annual)) {
      diagnostics.push(problem('BAD_PERIOD', { ...at('period', periodText), expected: SCHEDULE_PERIOD, detail: reading.ok ? undefined : reading.detail }));
    } else if (reading !== null && year !== undefined && reading.period.year !== year) {
      diagnostics.push(problem('SCHEDULE_OUTSIDE_YEAR', { ...at('period', periodText), expected: `${year}Q1–${year}Q4` }));
    } else if (reading !== null && !reading.canonical) {
      normalizations.push({ ...cell('period'), rule: 'period_label', from: periodText, to: reading.period.period });
    }
    const period = reading?.ok ? reading.period : null;

    const valueCell = raw('value');
    const quantity = readQuantity(valueCell, { unit: context.indicatorUnits.get(indicator) });
    if (!quantity.ok) diagnostics.push(problem(quantity.code, { ...at('value', cellText(valueCell)), expected: quantity.expected }));
    else for (const rule of quantity.applied) normalizations.push({ ...cell('value'), rule, from: String(valueCell), to: String(quantity.value) });

    if (diagnostics.length > before || region === null || year === undefined || !quantity.ok) continue;
    const key = `${indicator}|${region}|${year}|${period?.period ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(problem('DUPLICATE_KEY', { ...at('indicator', indicator), detail: `与第${first}行重复 same key as row ${first}` }));
      continue;
    }
    seen.set(key, row);
    targets.push({ indicator, region, year, period: period?.period ?? null, value: quantity.value, note: cellText(raw('note')), row });
  }
  return { targets, diagnostics, normalizations };
}
