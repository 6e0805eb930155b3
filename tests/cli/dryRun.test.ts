import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

describe('kpi run --dry-run: check, compute and show; store and publish nothing', () => {
  let out: string;

  beforeAll(async () => {
    out = await tempDir('kpi-dry-');
  });

  it('on a first look at a folder, prints the summary and leaves no database and no output folder behind', async () => {
    const term = fakeTerminal();
    const where = join(out, 'never');
    expect(await main(['run', '--data', 'data/suqian', '--out', where, '--dry-run', '-q'], term)).toBe(0);
    const text = term.stdout.join('\n');
    expect(text).toContain('演练 dry run');
    expect(text).toContain('结果 2752 行');
    expect(text).toContain('2023Q4 各地区指标状态 status by region');
    expect(text).toContain('nothing was stored or written');
    expect(text).not.toContain('已写出 wrote');
    expect(existsSync(where)).toBe(false);
  });

  it('needs no --out at all', async () => {
    const term = fakeTerminal();
    expect(await main(['run', '--data', 'data/suqian', '--dry-run', '-q', '--no-report'], term)).toBe(0);
    expect(existsSync('kpi.duckdb')).toBe(false);
  });

  it('against a published folder: the database and the published files stay byte for byte as they were, and the next run number is not used up', async () => {
    const published = join(out, 'published');
    expect(await main(['run', '--data', 'data/suqian', '--out', published, '--no-report', '-q'], fakeTerminal())).toBe(0);
    const before = await snapshot(published);
    const term = fakeTerminal();
    expect(await main(['run', '--data', 'data/suqian', '--out', published, '--dry-run', '-q'], term)).toBe(0);
    expect(term.stdout.join('\n')).toContain('新增观测 0 条');
    expect(await snapshot(published)).toEqual(before);
    const runs = fakeTerminal();
    expect(await main(['runs', '--db', join(published, 'kpi.duckdb'), '--json'], runs)).toBe(0);
    expect((JSON.parse(runs.stdout.join('\n')) as unknown[]).length).toBe(1);
  });

  it('rejects bad input exactly as a real run does (exit 1), with nothing created', async () => {
    const term = fakeTerminal();
    const where = join(out, 'bad');
    expect(await main(['run', '--data', 'tests/fixtures/bad/unknown-region-code', '--out', where, '--dry-run'], term)).toBe(1);
    expect(term.stderr.join('\n')).toContain('UNKNOWN_REGION');
    expect(existsSync(where)).toBe(false);
  });
});

/** Every file under a folder (links as their targets) and its bytes. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = (await readFile(path)).toString('base64');
  }
  return files;
}
