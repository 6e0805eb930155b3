import { z } from 'zod';
import type { Catalog } from '../../catalog/catalog.js';
import type { FigureResult } from '../../model/figureResult.js';
import type { QualityFinding } from '../../model/qualityFinding.js';
import { joinSql, literal, numberLiteral, sql } from '../../model/sql.js';
import { decodeRow } from '../../store/decodeRow.js';
import type { Store } from '../../store/store.js';
import type { QualityRule } from './qualityRule.js';

const row = z.object({ region: z.string(), period: z.string(), variable: z.string(), value: z.number(), bound: z.enum(['min', 'max']), reference: z.number() });

/** A bound as SQL: the catalog's number, or NULL when the catalog gives none. */
const boundSql = (bound: number | undefined) => (bound === undefined ? sql`CAST(NULL AS DOUBLE)` : numberLiteral(bound));

/** Own reports outside their variable's `min`/`max`, as stored (the latest revision in effect). */
async function variablesOutOfRange(store: Store, catalog: Catalog): Promise<QualityFinding<'OUT_OF_RANGE'>[]> {
  const bounded = catalog.variables.filter((v) => v.min !== undefined || v.max !== undefined);
  if (bounded.length === 0) return [];
  // The bounds are the catalog's constants, compiled in like a formula's numbers; the values stay in the table.
  const bounds = joinSql(bounded.map((v) => sql`(${literal(v.code)}, ${boundSql(v.min)}, ${boundSql(v.max)})`));
  const rows = await store.all(sql`
    SELECT o.region, o.period, o.variable, o.value,
           CASE WHEN o.value < b.lo THEN 'min' ELSE 'max' END AS bound,
           CASE WHEN o.value < b.lo THEN b.lo ELSE b.hi END AS reference
    FROM latest_obs o
    JOIN (VALUES ${bounds}) b(variable, lo, hi) ON b.variable = o.variable
    WHERE o.value < b.lo OR o.value > b.hi`);
  return rows.map((r) => {
    const f = decodeRow(row, r, 'latest_obs');
    return { code: 'OUT_OF_RANGE', severity: 'error', region: f.region, period: f.period, variable: f.variable, indicator: null, value: f.value, reference: f.reference, params: { bound: f.bound } };
  });
}

/** Figures outside their indicator's `range`. */
function indicatorsOutOfRange(results: readonly FigureResult[], catalog: Catalog): QualityFinding<'OUT_OF_RANGE'>[] {
  const ranges = new Map(catalog.indicators.flatMap((i) => (i.range ? [[i.id, i.range] as const] : [])));
  const found: QualityFinding<'OUT_OF_RANGE'>[] = [];
  for (const r of results) {
    const range = ranges.get(r.indicator);
    if (range === undefined || r.actual === null) continue;
    const broken = range.min !== undefined && r.actual < range.min ? ('min' as const) : range.max !== undefined && r.actual > range.max ? ('max' as const) : null;
    if (broken === null) continue;
    const reference = broken === 'min' ? range.min : range.max;
    if (reference === undefined) continue;
    found.push({ code: 'OUT_OF_RANGE', severity: 'error', region: r.region, period: r.period, variable: null, indicator: r.indicator, value: r.actual, reference, params: { bound: broken } });
  }
  return found;
}

/**
 * OUT_OF_RANGE (error): a variable's own report outside the catalog's
 * `min`/`max` (metrics/variables.yaml), or a figure outside its indicator's
 * `range` (a share above 100 %). A value on a bound is inside.
 */
export const outOfRange: QualityRule<'OUT_OF_RANGE'> = {
  code: 'OUT_OF_RANGE',
  severity: 'error',
  async find({ store, catalog, results }) {
    return [...(await variablesOutOfRange(store, catalog)), ...indicatorsOutOfRange(results, catalog)];
  },
};
