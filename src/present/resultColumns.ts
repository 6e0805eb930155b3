import { statusLabels } from '../assess/statusRules.js';
import type { Finding } from '../model/finding.js';
import type { FigureResult } from '../model/figureResult.js';
import type { FindingNames } from './format/findingWords.js';
import { notesText } from './format/findingWords.js';
import type { RunContext } from './runContext.js';

/**
 * The columns of results.csv, .json and .parquet, in output order: the
 * contract's twelve first, then the extras (CONTRACT.md §Outputs): names,
 * unit and status in words, where the target came from, what was missing,
 * the findings in words (`notes`) and as data (`findings`); then the
 * outlook (OUTLOOK.md §1–3): 同比, the year-end projection with its range,
 * chance and basis, and the pace needed. New columns only ever go at the end.
 *
 * @example
 * kpi.table().select(resultColumns.slice(0, 12)); // the contract's columns only
 */
export const resultColumns = [
  'indicator',
  'region',
  'period',
  'actual',
  'target',
  'annual_target',
  'attainment',
  'annual_progress',
  'expected_progress',
  'gap',
  'status',
  'rank',
  'indicator_name',
  'region_name',
  'unit',
  'status_label',
  'target_source',
  'missing_inputs',
  'missing_children',
  'notes',
  'findings',
  'actual_prev_year',
  'yoy_change',
  'yoy_growth',
  'projected',
  'projected_low',
  'projected_high',
  'probability',
  'projection_basis',
  'pace_so_far',
  'pace_needed',
] as const;

export type ResultColumn = (typeof resultColumns)[number];
/** One row of the results files. */
export type ResultRow = Record<Exclude<ResultColumn, 'findings'>, string | number | null> & { readonly findings: readonly Finding[] };

/** Makes output rows for a run: names and words from the run's catalog and regions. */
export function resultRowsOf(context: Pick<RunContext, 'catalog' | 'regions' | 'results'>): ResultRow[] {
  const indicators = new Map(context.catalog.indicators.map((i) => [i.id, i]));
  const regionNames = new Map(context.regions.map((r) => [r.code, r.name]));
  const names: FindingNames = { region: (code) => regionNames.get(code) };
  return context.results.map((r) => resultRow(r, indicators.get(r.indicator), regionNames.get(r.region) ?? r.region, names));
}

const joined = (list: readonly string[]): string | null => (list.length === 0 ? null : list.join('; '));

/** A figure's assessed values under their column names, in column order (the contract's, after the key). */
export const assessedColumns = (r: FigureResult) =>
  ({
    actual: r.actual,
    target: r.target,
    annual_target: r.annualTarget,
    attainment: r.attainment,
    annual_progress: r.annualProgress,
    expected_progress: r.expectedProgress,
    gap: r.gap,
    status: r.status,
    rank: r.rank,
  }) satisfies Partial<Record<ResultColumn, string | number | null>>;

/** A figure's outlook under its column names, in column order. */
/** The outlook columns of a figure (OUTLOOK.md §1–3), named as the results files name them. */
export const outlookColumns = (r: FigureResult) =>
  ({
    actual_prev_year: r.actualPrevYear,
    yoy_change: r.yoyChange,
    yoy_growth: r.yoyGrowth,
    projected: r.projected,
    projected_low: r.projectedLow,
    projected_high: r.projectedHigh,
    probability: r.probability,
    projection_basis: r.projectionBasis,
    pace_so_far: r.paceSoFar,
    pace_needed: r.paceNeeded,
  }) satisfies Partial<Record<ResultColumn, string | number | null>>;

function resultRow(r: FigureResult, indicator: { name: string; unit: string } | undefined, regionName: string, names: FindingNames): ResultRow {
  return {
    indicator: r.indicator,
    region: r.region,
    period: r.period,
    ...assessedColumns(r),
    indicator_name: indicator?.name ?? r.indicator,
    region_name: regionName,
    unit: indicator?.unit ?? '',
    status_label: statusLabels[r.status],
    target_source: r.targetSource,
    missing_inputs: joined(r.missingInputs),
    missing_children: joined(r.missingChildren),
    notes: notesText(r.findings, names),
    findings: r.findings,
    ...outlookColumns(r),
  };
}
