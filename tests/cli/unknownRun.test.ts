import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { longCsv, runFolder } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

describe('asking for a run the database does not hold', () => {
  let db: string;
  beforeAll(async () => {
    const ran = await runFolder({ observations: { 'q.csv': longCsv([['A', '2023Q2', 'gdp', 10], ['B', '2023Q2', 'gdp', 5]]) } });
    db = join(ran.out, 'kpi.duckdb');
  });

  it('kpi diff 1 2 after one run names the missing run and the runs there are, and says nothing was changed', async () => {
    const term = fakeTerminal();
    expect(await main(['diff', '1', '2', '--db', db], term)).toBe(1);
    const text = term.stderr.join('\n');
    expect(text).toContain('UNKNOWN_RUN');
    expect(text).toContain('值 value "2"');
    // On the CLI's clock, with its offset.
    expect(text).toMatch(/finished runs: #1（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00）/);
    expect(text).toContain('只读命令，数据库未改动');
    expect(text).not.toContain('nothing was stored');
  });

  it('kpi run --as-of names the runs there are too, and a rejected run still says nothing was stored', async () => {
    const term = fakeTerminal();
    expect(await main(['run', '--as-of', '9', '--db', db, '--out', join(db, '..', '..', 'asof'), '--no-report'], term)).toBe(1);
    const text = term.stderr.join('\n');
    expect(text).toContain('UNKNOWN_RUN');
    expect(text).toContain('nothing was stored');
  });
});
