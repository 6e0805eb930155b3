import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as fsPromises from 'node:fs/promises';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type * as readTableModule from '../../src/read/readTable.js';

afterEach(() => {
  vi.doUnmock('../../src/read/readTable.js');
  vi.resetModules();
});

describe('reading a data file', () => {
  it('calls bytes no reader can follow FILE_UNREADABLE, with the reader’s reason', async () => {
    const { readChecked } = await import('../../src/check/readChecked.js');
    const diagnostics: Diagnostic[] = [];
    expect(await readChecked('q.json', 'json', new TextEncoder().encode('{"not": "an array"'), {}, diagnostics)).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    expect(await readChecked('q.xlsx', 'xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), {}, diagnostics)).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE', 'FILE_UNREADABLE']);
  });

  it('lets a fault of the engine’s own through instead of blaming the file', async () => {
    vi.doMock('../../src/read/readTable.js', async (importOriginal) => ({
      ...(await importOriginal<typeof readTableModule>()),
      readTable: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'cells')")),
    }));
    const { readChecked } = await import('../../src/check/readChecked.js');
    const diagnostics: Diagnostic[] = [];
    await expect(readChecked('q.csv', 'csv', new TextEncoder().encode('a,b\n1,2\n'), {}, diagnostics)).rejects.toThrow(TypeError);
    expect(diagnostics).toEqual([]);
  });

  it('calls a folder it may not look into a file-access problem, not a missing one', async () => {
    // The OS's answer is mocked: as root (CI) no mode bits would refuse.
    vi.doMock('node:fs/promises', async (importOriginal) => {
      const fs = await importOriginal<typeof fsPromises>();
      const refuse = (path: string) => Object.assign(new Error(`EACCES: permission denied, stat '${path}'`), { code: path.includes('locked') ? 'EACCES' : 'ENOENT' });
      return { ...fs, stat: (path: string) => Promise.reject(refuse(path)) };
    });
    const { exists } = await import('../../src/check/readChecked.js');
    await expect(exists('/data/locked/plan')).rejects.toMatchObject({ name: 'FileAccessError', osCode: 'EACCES', path: '/data/locked/plan' });
    expect(await exists('/data/nothing-here')).toBe(false);
    vi.doUnmock('node:fs/promises');
  });
});
