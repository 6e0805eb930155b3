import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../src/version.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

describe('the project', () => {
  it('keeps every region code and name of the sample out of src/', async () => {
    const regions = (await readFile('data/suqian/regions.csv', 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
    const needles = regions.flatMap(([code, name]) => [code, name]).filter((s): s is string => Boolean(s));
    expect(needles.length).toBeGreaterThan(10);
    for (const file of await filesUnder('src')) {
      const text = await readFile(file, 'utf8');
      for (const needle of needles) expect(text.includes(needle), `${file} mentions ${needle}`).toBe(false);
    }
  });

  it('records the version package.json declares', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });

  it('runs its tests on the bureau\'s clock, UTC+8, as vitest.config.ts pins it', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(new Date(0).getTimezoneOffset()).toBe(-480);
    expect(new Date('2023-07-01T00:00:00Z').getTimezoneOffset()).toBe(-480);
  });

  it('keeps console.* out of library code', async () => {
    for (const file of await filesUnder('src')) {
      if (file.includes(`${join('src', 'cli')}`)) continue;
      expect(await readFile(file, 'utf8'), file).not.toMatch(/console\./);
    }
  });
});
