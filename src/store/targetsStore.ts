import { z } from 'zod';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';
import { storedPeriod } from '../model/period.js';

/**
 * Reads of the `targets` table: every stored version of targets.csv, one per
 * load, each row with the file and row it was read from. (src/store/loadData.ts
 * writes it; a run's working set copies one version into `w_targets`.)
 */

/** A target row as it stood in its file. */
export interface TargetSourceRow {
  readonly file: string;
  /** The row in targets.csv (header = row 1). */
  readonly row: number;
  readonly year: number;
  /** Null for the annual target; a quarter for a schedule point. */
  readonly period: string | null;
  readonly value: number;
  readonly note: string;
}

const sourceRow = z.object({
  file: z.string(),
  row: z.number().int(),
  year: z.number().int(),
  period: z.string().nullable(),
  value: z.number(),
  note: z.string(),
});

/**
 * The rows one figure's target was made from, in file order: the annual
 * target of the region it is taken from (the figure's own, or the ancestor
 * an intensive indicator inherits from; an annual row or a Q4 schedule
 * point) and the figure's own schedule point for the period.
 *
 * @example await targetRowsFor(store, inputs.targetsLoad, { indicator: 'rd_intensity', region: 'D01', annualFrom: 'C01', period: '2023Q2' });
 */
export async function targetRowsFor(
  store: Store,
  load: number,
  figure: { indicator: string; region: string; annualFrom: string; period: string },
): Promise<TargetSourceRow[]> {
  const { year } = storedPeriod(figure.period);
  const rows = await store.all(
    `SELECT l.file, t."row" AS row, t.year, t.period, t.value, t.note FROM targets t JOIN loads l ON l.load_id = t.load_id
     WHERE t.load_id = $load AND t.indicator = $indicator AND t.year = $year
       AND ((t.region = $from AND (t.period IS NULL OR t.period = $yearEnd)) OR (t.region = $region AND t.period = $period))
     ORDER BY t."row"`,
    { load, indicator: figure.indicator, year, from: figure.annualFrom, yearEnd: `${year}Q4`, region: figure.region, period: figure.period },
  );
  return rows.map((row) => decodeRow(sourceRow, row, 'targets'));
}

/** One target row added (`before` null), removed (`after` null) or changed between two versions of the targets. */
export interface TargetChange {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
  readonly period: string | null;
  readonly before: number | null;
  readonly after: number | null;
}

const changeRow = z.object({
  indicator: z.string(),
  region: z.string(),
  year: z.number().int(),
  period: z.string().nullable(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});

/**
 * The target rows that differ between two stored versions of the targets,
 * ordered by indicator, region, year and period.
 *
 * @example await targetChanges(store, a.targetsLoad, b.targetsLoad)
 */
export async function targetChanges(store: Store, before: number, after: number): Promise<TargetChange[]> {
  const rows = await store.all(
    `SELECT coalesce(x.indicator, y.indicator) AS indicator, coalesce(x.region, y.region) AS region, coalesce(x.year, y.year) AS year,
            coalesce(x.period, y.period) AS period, x.value AS before, y.value AS after
     FROM (SELECT * FROM targets WHERE load_id = $before) x FULL JOIN (SELECT * FROM targets WHERE load_id = $after) y
       ON x.indicator = y.indicator AND x.region = y.region AND x.year = y.year AND x.period IS NOT DISTINCT FROM y.period
     WHERE x.value IS DISTINCT FROM y.value ORDER BY 1, 2, 3, 4`,
    { before, after },
  );
  return rows.map((row) => decodeRow(changeRow, row, 'targets'));
}
