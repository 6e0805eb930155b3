import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleRules } from '../../src/assess/scheduleRules.js';
import { loadRunContext } from '../../src/engine/loadRunContext.js';
import { runJob } from '../../src/engine/runJob.js';
import { parseQuarter } from '../../src/model/period.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../support/fixture.js';

describe('schedule rules', () => {
  it('draw a report’s schedule line with the same target to date as the SQL that judged every figure', async () => {
    const out = await tempDir('kpi-schedule-');
    await runJob({ data: 'data/suqian', out });
    const store = await Store.open(join(out, 'kpi.duckdb'));
    try {
      const context = await loadRunContext(store);
      const indicators = new Map(context.catalog.indicators.map((i) => [i.id, i]));
      const scheduled = new Map(context.targets.filter((t) => t.period !== null).map((t) => [`${t.indicator} ${t.region} ${t.period}`, t.value]));
      let compared = 0;
      for (const r of context.results) {
        const at = parseQuarter(r.period);
        const indicator = indicators.get(r.indicator);
        if (r.annualTarget === null || at === undefined || indicator === undefined) continue;
        const own = scheduled.get(`${r.indicator} ${r.region} ${r.period}`) ?? null;
        expect(scheduleRules[indicator.schedule].targetToDate(r.annualTarget, at.quarter, own), `${r.indicator} ${r.region} ${r.period}`).toBe(r.target);
        compared++;
      }
      // Every kind the sample uses, several hundred figures.
      expect(compared).toBeGreaterThan(300);
      expect(new Set(context.catalog.indicators.map((i) => i.schedule))).toEqual(new Set(Object.keys(scheduleRules)));
    } finally {
      store.close();
    }
  });
});
