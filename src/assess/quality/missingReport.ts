import { z } from 'zod';
import type { QualityParams } from '../../model/qualityFinding.js';
import { periodAt } from '../../model/period.js';
import { decodeRow } from '../../store/decodeRow.js';
import type { QualityRule } from './qualityRule.js';

const row = z.object({
  region: z.string(),
  variable: z.string(),
  period: z.string(),
  pidx: z.number(),
  reference: z.number().nullable(),
  siblings: z.number(),
  siblings_reported: z.number(),
  origin: z.string().nullable(),
  resolved_value: z.number().nullable(),
  children_count: z.number().nullable(),
});

type Fallback = QualityParams<'MISSING_REPORT'>['fallback'];

/** What the engine uses instead of the missing report, from how `resolved` got the region's value. */
function fallbackOf(origin: string | null, children: number | null): Fallback {
  if (origin === 'sum') return 'children_sum';
  // An annual variable is read as-of: an earlier year's own report stands in.
  if (origin === 'reported') return 'earlier_report';
  return origin === 'missing' && children !== null && children > 0 ? 'children_incomplete' : 'none';
}

/**
 * MISSING_REPORT (warning): region r did not report variable v itself at
 * period p, although r reported v itself at the same quarter a year earlier,
 * or at least half of r's siblings (the other regions with r's parent)
 * reported v themselves at p. Periods are the run's (those with any
 * observation); an annual variable is due at Q4 only. Candidates come from
 * the reports that exist (last year's, the siblings'), never from the full
 * region × variable × period grid, so the rule stays cheap for thousands of
 * regions. The finding says what stands in for the report (see
 * {@link QualityParams} of MISSING_REPORT): the same rows are the 催报 list,
 * missing-reports.csv.
 */
export const missingReport: QualityRule<'MISSING_REPORT'> = {
  code: 'MISSING_REPORT',
  severity: 'warning',
  async find({ store }) {
    const rows = await store.all(`
      WITH families AS (
        SELECT parent, count(*) AS children FROM w_regions WHERE parent IS NOT NULL GROUP BY parent
      ),
      reported AS (
        -- per parent, variable and period: how many of its children reported themselves
        SELECT r.parent, o.variable, o.pidx, count(*) AS n
        FROM latest_obs o JOIN w_regions r ON r.code = o.region
        WHERE r.parent IS NOT NULL
        GROUP BY r.parent, o.variable, o.pidx
      ),
      candidates AS (
        SELECT o.region, o.variable, o.pidx + 4 AS pidx FROM latest_obs o
        UNION
        SELECT r.code AS region, x.variable, x.pidx FROM reported x JOIN w_regions r ON r.parent = x.parent
      )
      SELECT c.region, c.variable, p.period, p.pidx,
             last_year.value AS reference,
             coalesce(f.children, 1) - 1 AS siblings,
             coalesce(x.n, 0) AS siblings_reported,
             res.origin, res.value AS resolved_value, res.children_count
      FROM candidates c
      JOIN periods p ON p.pidx = c.pidx
      JOIN w_regions r ON r.code = c.region
      JOIN w_variables v ON v.code = c.variable
      LEFT JOIN latest_obs own ON own.region = c.region AND own.variable = c.variable AND own.pidx = c.pidx
      LEFT JOIN latest_obs last_year ON last_year.region = c.region AND last_year.variable = c.variable AND last_year.pidx = c.pidx - 4
      LEFT JOIN families f ON f.parent = r.parent
      LEFT JOIN reported x ON x.parent = r.parent AND x.variable = c.variable AND x.pidx = c.pidx
      LEFT JOIN resolved res ON res.region = c.region AND res.variable = c.variable AND res.pidx = c.pidx
      WHERE own.region IS NULL
        AND (v.frequency = 'quarterly' OR p.quarter = 4)
        AND (last_year.region IS NOT NULL OR (f.children > 1 AND 2 * coalesce(x.n, 0) >= f.children - 1))`);
    return rows.map((r) => {
      const f = decodeRow(row, r, 'MISSING_REPORT');
      const fallback = fallbackOf(f.origin, f.children_count);
      return {
        code: 'MISSING_REPORT',
        severity: 'warning',
        region: f.region,
        period: f.period,
        variable: f.variable,
        indicator: null,
        value: null,
        reference: f.reference,
        params: {
          previousPeriod: periodAt(f.pidx - 4).period,
          lastYear: f.reference !== null,
          siblings: f.siblings,
          siblingsReported: f.siblings_reported,
          fallback,
          fallbackValue: fallback === 'children_sum' || fallback === 'earlier_report' ? f.resolved_value : null,
        },
      };
    });
  },
};
