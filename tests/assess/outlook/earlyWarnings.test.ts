import { describe, expect, it } from 'vitest';
import type { WarningIndicator, WarningRow } from '../../../src/assess/outlook/earlyWarnings.js';
import { earlyWarnings, latestWarnings } from '../../../src/assess/outlook/earlyWarnings.js';

const indicators: WarningIndicator[] = [
  { id: 'firms', direction: 'higher', lead_units: ['市科技局', '市发改委'] },
  { id: 'patents', direction: 'higher', lead_units: ['市市场监管局'] },
  { id: 'energy', direction: 'lower', lead_units: [] },
];

/** A row that projects `projected` against `annualTarget`, in warning and with no probability unless given. */
const row = (over: Partial<WarningRow> & Pick<WarningRow, 'indicator' | 'region' | 'projected'>): WarningRow => ({
  period: '2023Q2',
  actual: 1,
  annualTarget: 100,
  status: 'warning',
  probability: null,
  ...over,
});

const keys = (rows: readonly WarningRow[], threshold = 0.5): string[] => earlyWarnings(rows, indicators, threshold).map((w) => `${w.period} ${w.indicator} ${w.region}`);

describe('early warnings, 预警清单 (OUTLOOK.md §4)', () => {
  it('lists a figure whose projection misses the annual target: below it for higher-is-better, above it for lower', () => {
    expect(keys([row({ indicator: 'firms', region: 'A', projected: 99 }), row({ indicator: 'firms', region: 'B', projected: 100 })])).toEqual(['2023Q2 firms A']);
    expect(keys([row({ indicator: 'energy', region: 'A', projected: 101 }), row({ indicator: 'energy', region: 'B', projected: 100 })])).toEqual(['2023Q2 energy A']);
  });

  it('lists a figure whose chance of meeting the target is below warningProbability, even with the projection on target', () => {
    const likely = row({ indicator: 'firms', region: 'A', projected: 101, probability: 0.55 });
    expect(keys([likely])).toEqual([]);
    expect(keys([likely], 0.6)).toEqual(['2023Q2 firms A']);
  });

  it('leaves out Q4, and figures completed, without data or without a target', () => {
    const miss = { indicator: 'firms', projected: 50 };
    expect(
      keys([
        row({ ...miss, region: 'A', period: '2023Q4' }),
        row({ ...miss, region: 'B', status: 'completed' }),
        row({ ...miss, region: 'C', status: 'no_data' }),
        row({ ...miss, region: 'D', status: 'no_target', annualTarget: null }),
        row({ ...miss, region: 'E', status: 'pending' }),
        row({ ...miss, region: 'F', status: 'on_track' }),
      ]),
    ).toEqual(['2023Q2 firms E', '2023Q2 firms F']);
  });

  it('orders by period, then most serious first on one scale for both directions, ties by indicator then region code', () => {
    const list = [
      row({ indicator: 'firms', region: 'B', projected: 90 }), // −0.10
      row({ indicator: 'firms', region: 'A', projected: 80 }), // −0.20
      row({ indicator: 'energy', region: 'Z', projected: 115 }), // 15 % over: −0.15
      row({ indicator: 'patents', region: 'A', projected: 90 }), // −0.10, ties with firms B: firms first
      row({ indicator: 'firms', region: 'A2', projected: 90 }), // −0.10, ties with firms B: A2 before B
      row({ indicator: 'firms', region: 'A', projected: 10, period: '2023Q1' }),
    ];
    expect(keys(list)).toEqual(['2023Q1 firms A', '2023Q2 firms A', '2023Q2 energy Z', '2023Q2 firms A2', '2023Q2 firms B', '2023Q2 patents A']);
  });

  it('carries the shortfall (target − projected; projected − target for lower-is-better) and the lead units', () => {
    const [firms, energy] = earlyWarnings([row({ indicator: 'firms', region: 'A', projected: 80 }), row({ indicator: 'energy', region: 'A', projected: 110 })], indicators, 0.5);
    expect(firms).toEqual({ period: '2023Q2', indicator: 'firms', region: 'A', actual: 1, annualTarget: 100, projected: 80, probability: null, shortfall: 20, leadUnits: ['市科技局', '市发改委'] });
    expect(energy?.shortfall).toBe(10);
    expect(energy?.leadUnits).toEqual([]);
  });

  it('puts a target of 0 or below, where the share means nothing, after the other warnings of its period', () => {
    expect(keys([row({ indicator: 'firms', region: 'A', projected: -5, annualTarget: 0 }), row({ indicator: 'firms', region: 'B', projected: 99 })])).toEqual(['2023Q2 firms B', '2023Q2 firms A']);
  });

  it('counts the latest period that has any, for the run’s summary', () => {
    expect(latestWarnings([{ period: '2023Q1' }, { period: '2023Q2' }, { period: '2023Q2' }])).toEqual({ period: '2023Q2', count: 2 });
    expect(latestWarnings([])).toBeNull();
  });
});
