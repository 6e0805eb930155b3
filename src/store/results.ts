import { decodeFindings } from '../model/finding.js';
import type { FigureOutlook, FigureResult } from '../model/figureResult.js';
import type { Status } from '../model/status.js';
import { statuses } from '../model/status.js';
import type { Row, Store } from './store.js';
import { ident, joinSql, sql } from '../model/sql.js';

/**
 * The `results` table: every run's assessed figures. The only module that
 * writes or reads it; rows leave as checked {@link FigureResult}s.
 */

/**
 * The outlook's columns (OUTLOOK.md §1–3), each with its {@link FigureOutlook}
 * field and DuckDB type; src/assess/outlook/assessOutlook.ts adds them to
 * `assessed` in this order.
 */
export const outlookColumns = {
  actual_prev_year: { field: 'actualPrevYear', type: 'DOUBLE' },
  yoy_change: { field: 'yoyChange', type: 'DOUBLE' },
  yoy_growth: { field: 'yoyGrowth', type: 'DOUBLE' },
  projected: { field: 'projected', type: 'DOUBLE' },
  projected_low: { field: 'projectedLow', type: 'DOUBLE' },
  projected_high: { field: 'projectedHigh', type: 'DOUBLE' },
  probability: { field: 'probability', type: 'DOUBLE' },
  projection_basis: { field: 'projectionBasis', type: 'VARCHAR' },
  pace_so_far: { field: 'paceSoFar', type: 'DOUBLE' },
  pace_needed: { field: 'paceNeeded', type: 'DOUBLE' },
} as const satisfies Record<string, { field: keyof FigureOutlook; type: 'DOUBLE' | 'VARCHAR' }>;

type OutlookColumn = keyof typeof outlookColumns;
const outlookNames = Object.keys(outlookColumns) as OutlookColumn[];

/** The stored columns, in the order `assessed` (src/assess/assessResults.ts, then the outlook's) has them. */
const columns = [
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
  'target_source',
  'missing_inputs',
  'missing_children',
  'findings',
  ...outlookNames,
  'ord',
] as const;

/** Stores the temp table `assessed` as run `runId`'s results. */
export async function saveAssessedResults(store: Store, runId: number): Promise<void> {
  const names = joinSql(columns.map(ident));
  await store.run(sql`INSERT INTO results (run_id, ${names}) SELECT $run, ${names} FROM assessed`, { run: runId });
}

/** Which of a run's figures to read; all of them by default. */
export interface ResultFilter {
  readonly indicator?: string;
  readonly region?: string;
  readonly period?: string;
  /** Only periods of these years. */
  readonly years?: readonly number[];
  /** Only periods up to and including this one. */
  readonly through?: string;
}

/** A run's figures in output order (the catalog's indicators, then regions as listed, then periods). */
export async function readResults(store: Store, runId: number, filter: ResultFilter = {}): Promise<FigureResult[]> {
  const rows = await store.all(
    sql`SELECT ${joinSql(columns.filter((c) => c !== 'ord' && c !== 'findings').map(ident))}, CAST(findings AS VARCHAR) AS findings
     FROM results
     WHERE run_id = $run
       AND ($indicator IS NULL OR indicator = $indicator)
       AND ($region IS NULL OR region = $region)
       AND ($period IS NULL OR period = $period)
       AND ($through IS NULL OR period <= $through)
       AND ($years IS NULL OR list_contains($years::INTEGER[], CAST(substr(period, 1, 4) AS INTEGER)))
     ORDER BY ord`,
    {
      run: runId,
      indicator: filter.indicator ?? null,
      region: filter.region ?? null,
      period: filter.period ?? null,
      through: filter.through ?? null,
      years: filter.years === undefined ? null : JSON.stringify(filter.years),
    },
  );
  return rows.map(decodeResult);
}

const statusSet = new Set<string>(statuses);

/** A stored row as a {@link FigureResult}, every column checked: a row the engine did not write is an error, not a guess. */
function decodeResult(row: Row): FigureResult {
  const text = (c: string): string => {
    const v = row[c];
    if (typeof v !== 'string') throw new Error(`results.${c}: expected text, found ${typeof v}`);
    return v;
  };
  const textOrNull = (c: string): string | null => (row[c] === null ? null : text(c));
  const number = (c: string): number | null => {
    const v = row[c];
    if (v === null || typeof v === 'number') return v;
    throw new Error(`results.${c}: expected a number, found ${typeof v}`);
  };
  const texts = (c: string): string[] => {
    const v = row[c];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`results.${c}: expected a list of text`);
    return v;
  };
  const status = text('status');
  if (!statusSet.has(status)) throw new Error(`results.status: unknown status "${status}"`);
  const outlook: FigureOutlook = {
    actualPrevYear: number('actual_prev_year'),
    yoyChange: number('yoy_change'),
    yoyGrowth: number('yoy_growth'),
    projected: number('projected'),
    projectedLow: number('projected_low'),
    projectedHigh: number('projected_high'),
    probability: number('probability'),
    projectionBasis: textOrNull('projection_basis'),
    paceSoFar: number('pace_so_far'),
    paceNeeded: number('pace_needed'),
  };
  return {
    indicator: text('indicator'),
    region: text('region'),
    period: text('period'),
    actual: number('actual'),
    target: number('target'),
    annualTarget: number('annual_target'),
    attainment: number('attainment'),
    annualProgress: number('annual_progress'),
    expectedProgress: number('expected_progress'),
    gap: number('gap'),
    status: status as Status,
    rank: number('rank'),
    targetSource: textOrNull('target_source'),
    missingInputs: texts('missing_inputs'),
    missingChildren: texts('missing_children'),
    findings: decodeFindings(text('findings')),
    ...outlook,
  };
}
