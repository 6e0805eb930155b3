import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatTime } from '../../src/model/clock.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

// Run at 2023-07-20 01:00 UTC: 09:00 in Beijing, 03:00 in Berlin.
const at = new Date('2023-07-20T01:00:00Z');

describe('the CLI prints and reads every time on one clock: Beijing time unless KPI_TIME_ZONE says otherwise', () => {
  let db: string;
  let out: string;

  beforeAll(async () => {
    out = await tempDir('kpi-clock-');
    db = join(out, 'kpi.duckdb');
    const { runJob } = await import('../../src/engine/runJob.js');
    await runJob({ data: 'tests/fixtures/good', out, now: at });
  });

  afterEach(() => {
    delete process.env.KPI_TIME_ZONE;
  });

  it('kpi runs shows the run time in Beijing time with its offset', async () => {
    const term = fakeTerminal();
    expect(await main(['runs', '--db', db], term)).toBe(0);
    expect(term.stdout[0]).toContain('#1  2023-07-20 09:00:00+08:00  done');
  });

  it('kpi runs --json keeps ISO 8601 in UTC, for tools', async () => {
    const term = fakeTerminal();
    expect(await main(['runs', '--db', db, '--json'], term)).toBe(0);
    expect((JSON.parse(term.stdout.join('\n')) as { startedAt: string }[])[0]?.startedAt).toBe('2023-07-20T01:00:00.000Z');
  });

  it('KPI_TIME_ZONE shows another zone, with that offset', async () => {
    process.env.KPI_TIME_ZONE = 'Europe/Berlin';
    const term = fakeTerminal();
    expect(await main(['runs', '--db', db], term)).toBe(0);
    expect(term.stdout[0]).toContain('#1  2023-07-20 03:00:00+02:00  done');
  });

  it('a KPI_TIME_ZONE that is no zone is a usage mistake (exit 2) naming it', async () => {
    process.env.KPI_TIME_ZONE = 'Mars/Olympus';
    const term = fakeTerminal();
    expect(await main(['runs', '--db', db], term)).toBe(2);
    expect(term.stderr.join('\n')).toContain('"Mars/Olympus"');
  });

  it('--as-of with a bare date means the end of that day in Beijing: 2023-07-20 finds the run of 09:00 that morning, 2023-07-19 finds none', async () => {
    const found = fakeTerminal();
    expect(await main(['run', '--as-of', '2023-07-20', '--out', out, '--dry-run', '--no-report', '-q'], found)).toBe(0);
    expect(found.stdout.join('\n')).toContain('recomputed as of run #1');
    const none = fakeTerminal();
    expect(await main(['run', '--as-of', '2023-07-19', '--out', out, '--dry-run', '--no-report', '-q'], none)).toBe(1);
    // The refusal names the runs there are, on the same clock.
    expect(none.stderr.join('\n')).toContain(`#1（${formatTime(at)}）`);
    expect(none.stderr.join('\n')).toContain('2023-07-19 23:59:59+08:00');
  });

  it('--as-of with a time and no offset is Beijing time: 08:59 is before the run, 09:00 is not; with an offset it is exactly that', async () => {
    expect(await main(['run', '--as-of', '2023-07-20T08:59', '--out', out, '--dry-run', '--no-report', '-q'], fakeTerminal())).toBe(1);
    expect(await main(['run', '--as-of', '2023-07-20T09:00', '--out', out, '--dry-run', '--no-report', '-q'], fakeTerminal())).toBe(0);
    expect(await main(['run', '--as-of', '2023-07-20T01:00Z', '--out', out, '--dry-run', '--no-report', '-q'], fakeTerminal())).toBe(0);
    expect(await main(['run', '--as-of', '2023-07-20T02:59+02:00', '--out', out, '--dry-run', '--no-report', '-q'], fakeTerminal())).toBe(1);
  });

  it('an --as-of that is neither a run nor a time is a usage mistake naming the accepted forms', async () => {
    const term = fakeTerminal();
    expect(await main(['run', '--as-of', 'last tuesday', '--out', out], term)).toBe(2);
    expect(term.stderr.join('\n')).toContain('2023-07-20T10:00+08:00');
  });
});
