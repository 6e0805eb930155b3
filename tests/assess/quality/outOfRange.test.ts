import { describe, expect, it } from 'vitest';
import { outOfRange } from '../../../src/assess/quality/outOfRange.js';
import type { Catalog } from '../../../src/catalog/catalog.js';
import { checkCatalog } from '../../../src/catalog/checkCatalog.js';
import { loadCatalog } from '../../../src/catalog/loadCatalog.js';
import type { FigureResult } from '../../../src/model/figureResult.js';
import { defaultSettings } from '../../../src/settings.js';
import { Store } from '../../../src/store/store.js';
import { longCsv } from '../../support/fixture.js';
import { findingsOf, runQuality, where } from './qualityRun.js';

describe('OUT_OF_RANGE: a value outside the catalog’s bounds', () => {
  it('is an error where a variable’s own report passes its max, with the bound as the reference; on the bound is inside', async () => {
    const { findings } = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2023Q4', 'good_air_days', 400], ['A', '2023Q4', 'valid_air_days', 366], ['B', '2023Q4', 'good_air_days', 366], ['B', '2023Q4', 'valid_air_days', 366]]) },
    });
    expect(findingsOf(findings, 'OUT_OF_RANGE').filter((f) => f.variable !== null)).toEqual([
      { code: 'OUT_OF_RANGE', severity: 'error', region: 'A', period: '2023Q4', variable: 'good_air_days', indicator: null, value: 400, reference: 366, params: { bound: 'max' } },
    ]);
  });

  it('is an error where a figure passes its indicator’s range (a share above 100 %); exactly 100 % is inside', async () => {
    const { findings } = await runQuality({
      observations: { 'q.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['A', '2023Q1', 'rd_expenditure', 150], ['B', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'rd_expenditure', 100]]) },
    });
    // A: 100 × 150 ÷ 100 = 150 %; B: exactly 100 %; the city: 100 × 250 ÷ 200 = 125 %.
    const shares = findingsOf(findings, 'OUT_OF_RANGE');
    expect(where(shares)).toEqual(['C 2023Q1 rd_intensity', 'A 2023Q1 rd_intensity']);
    expect(shares[1]).toEqual({ code: 'OUT_OF_RANGE', severity: 'error', region: 'A', period: '2023Q1', variable: null, indicator: 'rd_intensity', value: 150, reference: 100, params: { bound: 'max' } });
  });

  it('judges the latest revision: a later file that corrects the value removes the finding', async () => {
    const first = longCsv([['A', '2023Q4', 'good_air_days', 400], ['A', '2023Q4', 'valid_air_days', 366]]);
    expect(findingsOf((await runQuality({ observations: { '01.csv': first } })).findings, 'OUT_OF_RANGE').length).toBeGreaterThan(0);
    const fixed = await runQuality({ observations: { '01.csv': first, '02_revision.csv': longCsv([['A', '2023Q4', 'good_air_days', 300]]) } });
    expect(findingsOf(fixed.findings, 'OUT_OF_RANGE')).toEqual([]);
  });

  it('reads a min too: a stored value below it (files breaking a min are rejected on reading, so this is a catalog changed since)', async () => {
    const catalog = await loadCatalog('metrics');
    const lowered: Catalog = {
      ...catalog,
      indicators: catalog.indicators.map((i) => (i.id === 'energy_intensity_decline' ? { ...i, range: { min: -10 } } : i)),
    };
    const store = await Store.open(':memory:');
    try {
      await store.run(`CREATE TEMP TABLE latest_obs AS SELECT * FROM (VALUES ('A', '2023Q1', 'gdp', -5.0), ('A', '2023Q1', 'rd_expenditure', 0.0)) t(region, period, variable, value)`);
      const figure = (actual: number): FigureResult => ({ indicator: 'energy_intensity_decline', region: 'A', period: '2023Q1', actual } as unknown as FigureResult);
      const found = await outOfRange.find({ store, catalog: lowered, settings: defaultSettings, regions: [], results: [figure(-20), figure(-10)] });
      expect(found.map((f) => [f.variable ?? f.indicator, f.value, f.params.bound, f.reference])).toEqual([
        ['gdp', -5, 'min', 0],
        ['energy_intensity_decline', -20, 'min', -10],
      ]);
    } finally {
      store.close();
    }
  });

  it('rejects a catalog whose bounds cross, naming the definition', () => {
    const { diagnostics } = checkCatalog(
      [{ file: 'variables.yaml', data: { code: 'x', name: 'X', unit: '个', kind: 'stock', frequency: 'quarterly', additive: true, min: 5, max: 1 } }],
      [{ file: 'x.yaml', data: { id: 'x_share', name: 'X', unit: '%', direction: 'higher', scope: 'intensive', schedule: 'level', formula: 'x', range: { min: 100, max: 0 } } }],
    );
    expect(diagnostics.map((d) => [d.code, d.file, d.column])).toEqual([
      ['BAD_DEFINITION', 'variables.yaml', 'max'],
      ['BAD_DEFINITION', 'x.yaml', 'range.max'],
    ]);
  });
});
