import { z } from 'zod';
import { decodeRow } from '../../store/decodeRow.js';
import type { QualityRule } from './qualityRule.js';

const row = z.object({ region: z.string(), period: z.string(), variable: z.string(), value: z.number(), reference: z.number(), previous_period: z.string() });

/**
 * YTD_DECREASE (error): a quarterly flow is a year-to-date total (累计值),
 * so a region's own report at yQk below its own report at yQ(k−1) of the
 * same year cannot be right. Equal is fine (nothing happened that quarter).
 * Only own reports count, never sums; each as stored, the latest revision in effect.
 */
export const ytdDecrease: QualityRule<'YTD_DECREASE'> = {
  code: 'YTD_DECREASE',
  severity: 'error',
  async find({ store }) {
    const rows = await store.all(`
      SELECT o.region, o.period, o.variable, o.value, p.value AS reference, p.period AS previous_period
      FROM latest_obs o
      JOIN w_variables v ON v.code = o.variable AND v.kind = 'flow' AND v.frequency = 'quarterly'
      JOIN latest_obs p ON p.region = o.region AND p.variable = o.variable AND p.year = o.year AND p.pidx = o.pidx - 1
      WHERE o.value < p.value`);
    return rows.map((r) => {
      const f = decodeRow(row, r, 'latest_obs');
      return {
        code: 'YTD_DECREASE',
        severity: 'error',
        region: f.region,
        period: f.period,
        variable: f.variable,
        indicator: null,
        value: f.value,
        reference: f.reference,
        params: { previousPeriod: f.previous_period },
      };
    });
  },
};
