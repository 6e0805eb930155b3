import { z } from 'zod';
import { decodeRow } from '../../store/decodeRow.js';
import type { Store } from '../../store/store.js';
import type { QualityRule } from './qualityRule.js';

/**
 * The one place the parent-vs-children rule is written (INDICATORS.md §3,
 * OUTLOOK.md §5): a region's own report of an additive variable that differs
 * from the complete sum of its rollup children by more than `tolerance` ×
 * |own report|. Run right after `resolved` is made (src/resolve/): leaves the
 * temp table `parent_sum_mismatches` (region, variable, period, pidx,
 * reported, children_sum, children, own_pidx), one row per resolved value
 * that differs, so that
 * - evaluate puts a PARENT_SUM_MISMATCH finding (src/model/finding.ts) on
 *   every figure that uses such a value, and
 * - the rule below lists each mismatch once in quality.csv.
 * The same table holds a region's own report that differs from the sum of its
 * firms (`w_entity_totals`), `children` then being the number of firms.
 *
 * An annual variable is read as-of, so its value (and its children's) at
 * 2023Q2 is the 2022 report: `own_pidx` is the period of the parent's own
 * report, and the rule keeps only the rows at that period.
 */
export async function findParentSumMismatches(store: Store, tolerance: number): Promise<void> {
  await store.run(
    `
    CREATE OR REPLACE TEMP TABLE parent_sum_mismatches AS
    SELECT r.region, r.variable, r.period, r.pidx, r.value AS reported, r.children_sum, r.children_count AS children, o.pidx AS own_pidx,
           'children' AS basis
    FROM resolved r
    JOIN latest_obs o ON o.obs_id = r.own_obs_id
    WHERE r.origin = 'reported' AND r.children_sum IS NOT NULL
      AND abs(r.value - r.children_sum) > $tolerance * abs(r.value)`,
    { tolerance },
  );
  // A region's own report against the sum of its firms (firm-level files, src/store/entityObservations.ts): the same
  // kind of finding, `children` then counting firms. A key that already differs from its children is listed once.
  await store.run(
    `
    INSERT INTO parent_sum_mismatches
    SELECT r.region, r.variable, r.period, r.pidx, r.value, t.value, t.entities, o.pidx, 'firms'
    FROM resolved r
    JOIN latest_obs o ON o.obs_id = r.own_obs_id
    JOIN w_entity_totals t ON t.region = r.region AND t.variable = r.variable AND t.period = o.period
    WHERE r.origin = 'reported' AND t.reported IS NOT NULL
      AND abs(r.value - t.value) > $tolerance * abs(r.value)
      AND NOT EXISTS (SELECT 1 FROM parent_sum_mismatches m WHERE m.region = r.region AND m.variable = r.variable AND m.pidx = r.pidx)`,
    { tolerance },
  );
}

const row = z.object({ region: z.string(), period: z.string(), variable: z.string(), reported: z.number(), children_sum: z.number(), children: z.number(), basis: z.enum(['children', 'firms']) });

/** PARENT_SUM_MISMATCH (warning): a parent's own report differing from the complete sum of its rollup children by more than `dataQualityTolerance`. */
export const parentSumMismatch: QualityRule<'PARENT_SUM_MISMATCH'> = {
  code: 'PARENT_SUM_MISMATCH',
  severity: 'warning',
  async find({ store, settings }) {
    const rows = await store.all('SELECT region, period, variable, reported, children_sum, children, basis FROM parent_sum_mismatches WHERE own_pidx = pidx');
    return rows.map((r) => {
      const f = decodeRow(row, r, 'parent_sum_mismatches');
      return {
        code: 'PARENT_SUM_MISMATCH',
        severity: 'warning',
        region: f.region,
        period: f.period,
        variable: f.variable,
        indicator: null,
        value: f.reported,
        reference: f.children_sum,
        params: { children: f.children, tolerance: settings.dataQualityTolerance, ...(f.basis === 'firms' ? { basis: 'firms' as const } : {}) },
      };
    });
  },
};
