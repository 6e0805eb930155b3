import type { ColumnTable } from 'arquero';
import { escape, from } from 'arquero';
import { statusLabels } from '../../assess/statusRules.js';
import type { Status } from '../../model/status.js';
import { formatGap, formatShare, formatValue } from '../format/formatFigure.js';
import type { ReportData, ReportRow } from '../report/reportData.js';

/** Field names every chart's data shares. */
export interface FigureRecord {
  indicator: string;
  indicator_name: string;
  unit: string;
  region: string;
  region_name: string;
  period: string;
  year: number;
  quarter: number;
  actual: number | null;
  target: number | null;
  attainment: number | null;
  annual_progress: number | null;
  expected_progress: number | null;
  gap: number | null;
  annual_target: number | null;
  /** 年末预计 (OUTLOOK.md §2). */
  projected: number | null;
  status: Status;
  status_label: string;
  rank: number | null;
  actual_label: string;
  target_label: string;
  attainment_label: string;
  gap_label: string;
  indicator_ord: number;
  region_ord: number;
}

/**
 * The report's figures as an Arquero table, with the names, order keys and
 * formatted labels every chart draws from. Charts filter, order and select
 * from it; formatting lives in one place.
 */
export function figureTable(data: ReportData): ColumnTable {
  // Every chart starts from the same table: build it once per report (Arquero tables are immutable).
  const cached = built.get(data);
  if (cached) return cached;
  const table = buildFigureTable(data, data.rows);
  built.set(data, table);
  return table;
}

const built = new WeakMap<ReportData, ColumnTable>();

function buildFigureTable(data: ReportData, rows: readonly ReportRow[]): ColumnTable {
  const indicators = new Map(data.indicators.map((i, ord) => [i.id, { ...i, ord }]));
  const regions = new Map(data.regions.map((r, ord) => [r.code, { ...r, ord }]));
  const indicatorOf = (id: string) => {
    const found = indicators.get(id);
    if (!found) throw new Error(`indicator ${id} is not in the report's catalog`);
    return found;
  };
  return from(rows.map((r) => ({ ...r })))
    .derive({
      indicator_name: escape((d: ReportRow) => indicatorOf(d.indicator).name),
      unit: escape((d: ReportRow) => indicatorOf(d.indicator).unit),
      indicator_ord: escape((d: ReportRow) => indicatorOf(d.indicator).ord),
      region_name: escape((d: ReportRow) => regions.get(d.region)?.name ?? d.region),
      region_ord: escape((d: ReportRow) => regions.get(d.region)?.ord ?? Number.MAX_SAFE_INTEGER),
      status_label: escape((d: ReportRow) => statusLabels[d.status]),
      actual_label: escape((d: ReportRow) => formatValue(d.actual, indicatorOf(d.indicator))),
      target_label: escape((d: ReportRow) => formatValue(d.target, indicatorOf(d.indicator))),
      attainment_label: escape((d: ReportRow) => formatShare(d.attainment)),
      gap_label: escape((d: ReportRow) => formatGap(d.gap, indicatorOf(d.indicator))),
    })
    .rename({ annualTarget: 'annual_target', annualProgress: 'annual_progress', expectedProgress: 'expected_progress', targetSource: 'target_source' });
}

/**
 * `table` with `$` parameters bound for its filter expressions. Arquero types
 * `params()` as getter-or-setter (`this | Params`, so a chained call is `any`);
 * given values, it returns the table.
 */
export const withParams = (table: ColumnTable, params: Readonly<Record<string, unknown>>): ColumnTable =>
  table.params(params) as ColumnTable;
