import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { Store } from '../../src/store/store.js';
import { gb18030Bytes, writeFolder } from '../support/fixture.js';

describe('the load log', () => {
  it('keeps, per file, what was normalized on the way in, and the run reports it', async () => {
    const csv = 'region,period,variable,value\nA,2023年一季度,gdp,"1,234.5"\nA,2023年一季度,rd_expenditure,２０\nB,2023年一季度,gdp,100\nB,2023年一季度,rd_expenditure,5\n';
    const data = await writeFolder({ observations: { 'gbk.csv': gb18030Bytes(csv), 'plain.csv': 'region,period,variable,value\nA,2023Q2,gdp,1\n' } });
    const summary = await runJob({ data, out: join(data, 'out') });
    expect(summary.normalized).toHaveLength(1);
    expect(summary.normalized[0]).toMatch(/^observations\/gbk\.csv: 按 GB18030 解码/);
    const store = await Store.open(summary.db);
    try {
      const logs = await store.all<{ name: string; log: string | null }>('SELECT name, log FROM loads ORDER BY load_id');
      const gbk = logs.find((l) => l.name === 'gbk.csv');
      expect(gbk?.log).toContain('GB18030');
      expect(gbk?.log).toContain('2');
      expect(logs.find((l) => l.name === 'plain.csv')?.log).toBeNull();
      const stored = await store.all<{ value: number }>("SELECT value FROM observations WHERE region = 'A' AND period = '2023Q1' ORDER BY variable");
      expect(stored.map((s) => s.value)).toEqual([1234.5, 20]);
    } finally {
      store.close();
    }
  });
});
