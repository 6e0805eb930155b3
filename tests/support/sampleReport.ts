import { join } from 'node:path';
import { runJob } from '../../src/engine/runJob.js';
import { loadRunContext } from '../../src/engine/loadRunContext.js';
import { reportDataOf } from '../../src/present/report/reportDataOf.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from './fixture.js';

/** The fixed run time of sample reports, so generated files do not change from run to run. */
export const sampleRunAt = new Date('2024-01-20T09:00:00+08:00');

const cache = new Map<string, Promise<ReportData>>();

/** The bundled sample run once (per test file) and read back as a report for `period`. */
export function sampleReportData(period = '2023Q2'): Promise<ReportData> {
  let data = cache.get(period);
  if (!data) {
    data = (async () => {
      const out = await tempDir('kpi-report-');
      await runJob({ data: 'data/suqian', out, now: sampleRunAt });
      const store = await Store.open(join(out, 'kpi.duckdb'));
      try {
        return reportDataOf(await loadRunContext(store, { period }), period);
      } finally {
        store.close();
      }
    })();
    cache.set(period, data);
  }
  return data;
}
