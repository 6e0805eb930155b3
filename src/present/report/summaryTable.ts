import type { Status } from '../../model/status.js';
import { statusLabels } from '../../assess/statusRules.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import { progressLead } from '../format/formatFigure.js';
import type { ReportData, ReportRow } from './reportData.js';
import { indicatorsFor, periodRows, rootRegion } from './reportData.js';

/** One line of the headline table: an indicator for one region at the report period. */
export interface SummaryLine {
  readonly indicator: IndicatorDefinition;
  readonly row: ReportRow | undefined;
  /** The target to date (the annual target for `level` and year-end indicators). */
  readonly target: number | null;
  readonly annualTarget: number | null;
  readonly actual: number | null;
  readonly attainment: number | null;
  readonly expectedProgress: number | null;
  /** 超(+)/落后(−)序时, 个百分点. */
  readonly lead: number | null;
  readonly gap: number | null;
  readonly status: Status;
  readonly statusLabel: string;
  readonly leadUnits: string;
}

/**
 * The headline table of a 通报 for one region (the city by default): every
 * catalog indicator, in catalog order, with target, actual, 完成率, 序时进度,
 * 超/落后序时个百分点, status and 牵头单位. An indicator that applies to the
 * region but has no result row is listed as 无数据, never dropped; one that
 * does not apply there (its `applies_to`) is not listed.
 *
 * @example
 * const lines = summaryTable(kpi.report('2023Q2')); // the city's headline table
 * lines.filter((l) => l.status === 'behind').map((l) => l.indicator.name);
 */
export function summaryTable(data: ReportData, region: string = rootRegion(data).code): SummaryLine[] {
  const rows = new Map(periodRows(data).filter((r) => r.region === region).map((r) => [r.indicator, r]));
  return indicatorsFor(data, region).map((indicator) => {
    const row = rows.get(indicator.id);
    const status = row?.status ?? 'no_data';
    return {
      indicator,
      row,
      target: row?.target ?? null,
      annualTarget: row?.annualTarget ?? null,
      actual: row?.actual ?? null,
      attainment: row?.attainment ?? null,
      expectedProgress: row?.expectedProgress ?? null,
      lead: progressLead(row?.annualProgress ?? null, row?.expectedProgress ?? null),
      gap: row?.gap ?? null,
      status,
      statusLabel: statusLabels[status],
      leadUnits: indicator.lead_units.join('、'),
    };
  });
}

/** Status counts for a region at the report period, for the report's opening sentence. */
export function statusCounts(lines: readonly SummaryLine[]): Partial<Record<Status, number>> {
  const counts: Partial<Record<Status, number>> = {};
  for (const line of lines) counts[line.status] = (counts[line.status] ?? 0) + 1;
  return counts;
}
