import { z } from 'zod';
import { decodeRow } from '../../store/decodeRow.js';
import type { QualityRule } from './qualityRule.js';

const row = z.object({ region: z.string(), period: z.string(), variable: z.string(), value: z.number(), reference: z.number(), previous_period: z.string() });

/**
 * STOCK_JUMP (warning): a quarterly stock (a level at the quarter's end)
 * whose own report differs from its own report of the quarter before (across
 * a year's end too) by more than `jumpTolerance` × |previous| — exactly at
 * the tolerance is not flagged. From 0, any change is a jump. Own reports only, as stored.
 */
export const stockJump: QualityRule<'STOCK_JUMP'> = {
  code: 'STOCK_JUMP',
  severity: 'warning',
  async find({ store, settings }) {
    const tolerance = settings.jumpTolerance;
    const rows = await store.all(
      `
      SELECT o.region, o.period, o.variable, o.value, p.value AS reference, p.period AS previous_period
      FROM latest_obs o
      JOIN w_variables v ON v.code = o.variable AND v.kind = 'stock' AND v.frequency = 'quarterly'
      JOIN latest_obs p ON p.region = o.region AND p.variable = o.variable AND p.pidx = o.pidx - 1
      WHERE abs(o.value - p.value) > $tolerance * abs(p.value)`,
      { tolerance },
    );
    return rows.map((r) => {
      const f = decodeRow(row, r, 'latest_obs');
      return {
        code: 'STOCK_JUMP',
        severity: 'warning',
        region: f.region,
        period: f.period,
        variable: f.variable,
        indicator: null,
        value: f.value,
        reference: f.reference,
        params: { previousPeriod: f.previous_period, tolerance },
      };
    });
  },
};
