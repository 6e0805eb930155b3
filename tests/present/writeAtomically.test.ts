import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialOf, writeAtomically } from '../../src/present/writeAtomically.js';
import { tempDir } from '../support/fixture.js';

describe('writing files atomically', () => {
  it('writes text, bytes, slices and a writer’s file, which may read the partials before it', async () => {
    const dir = await tempDir();
    const [a, b, c, d] = ['a.txt', 'b.bin', 'c.csv', 'd.txt'].map((f) => join(dir, f)) as [string, string, string, string];
    await writeAtomically([
      { file: a, content: 'text' },
      { file: b, content: new Uint8Array([1, 2, 3]) },
      { file: c, content: ['x,y\r\n', '1,2\r\n'] },
      { file: d, content: async (path) => writeFile(path, `copy of ${await readFile(partialOf(c), 'utf8')}`) },
    ]);
    expect(await readFile(a, 'utf8')).toBe('text');
    expect([...(await readFile(b))]).toEqual([1, 2, 3]);
    expect(await readFile(d, 'utf8')).toBe('copy of x,y\r\n1,2\r\n');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.bin', 'c.csv', 'd.txt']);
  });

  it('leaves every file as it was when any of them fails, and no partial behind', async () => {
    const dir = await tempDir();
    const [a, b] = [join(dir, 'a.txt'), join(dir, 'b.txt')];
    await writeFile(a, 'old a');
    await writeFile(b, 'old b');
    const failing = writeAtomically([
      { file: a, content: 'new a' },
      { file: b, content: () => Promise.reject(new Error('disk full')) },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await readFile(a, 'utf8')).toBe('old a');
    expect(await readFile(b, 'utf8')).toBe('old b');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
