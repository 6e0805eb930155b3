import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';
import { mountSmallDisk, smallDiskUnavailable, unmount } from '../support/smallDisk.js';
import { nobodySkip } from '../support/nobody.js';

/*
 * The acceptance test of "no Node stack trace ever reaches a user": the
 * compiled CLI (`npm run build` first; `npm test` does) against every bad
 * input of the corpus and against the filesystem faults of real machines.
 * Each must exit with its documented status (README, "Exit status") and name
 * the path, in plain words, without a stack trace.
 */
const bin = resolve('dist/src/cli/bin.js');
const built = existsSync(bin);
const BAD = 'tests/fixtures/bad';

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

function kpi(args: readonly string[], options: { asNobody?: boolean; home?: string } = {}): Promise<Ran> {
  const asNobody = options.asNobody === true && isRoot;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // A hang is a failure too (Node's recursive mkdir loops forever under /proc): kill, never orphan, the child.
      timeout: 60_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, KPI_DEBUG: '', ...(options.home ? { HOME: options.home } : {}) },
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** No stack frame, no Node internals, the documented status, and the path named. */
function expectPlain(ran: Ran, status: number, path: string): void {
  const shown = `exit ${ran.code}\n${ran.stderr}`;
  expect(ran.stderr, shown).not.toMatch(/^\s+at\s/m);
  expect(ran.stderr, shown).not.toContain('node:internal');
  expect(ran.code, shown).toBe(status);
  expect(ran.stderr, shown).toContain(path);
}

/** A data folder that runs clean with the bundled catalog. */
const goodFolder = (dir?: string) =>
  writeFolder({ observations: { 'a.csv': longCsv([['A', '2023Q1', 'gdp', 100], ['B', '2023Q1', 'gdp', 50]]) } }, dir);

interface CorpusCase {
  readonly codes: readonly string[];
  readonly file: string;
  readonly now?: string;
  readonly metrics?: boolean;
}

// Read when the test runs: the corpus grows while people work.
const corpus = Object.entries(JSON.parse(readFileSync(join(BAD, 'cases.json'), 'utf8')) as Record<string, CorpusCase>);

describe.skipIf(!built)('every bad input of the corpus, through the compiled CLI (needs `npm run build`)', () => {
  it.concurrent.each(corpus)('%s: exits 1 (4 for a file the OS refuses), names the file, no stack trace', async (name, c) => {
    const data = join(BAD, name);
    const out = await tempDir('kpi-nostack-corpus-');
    const ran = await kpi(['run', '--data', data, '--out', out, '--no-report', '--quiet', ...(c.metrics ? ['--metrics', join(data, 'metrics')] : [])]);
    if (c.now !== undefined) {
      // Bad only at the case's clock (`now`), which the CLI cannot set: today it may be good input.
      expect(ran.stderr).not.toMatch(/^\s+at\s/m);
      expect([0, 1], ran.stderr).toContain(ran.code);
      return;
    }
    expectPlain(ran, c.codes.includes('FILE_ACCESS') ? 4 : 1, c.file.split('/').at(-1) ?? c.file);
    expect(ran.stdout).toBe('');
  });
});

describe.skipIf(!built)('the output side: --out and --db the filesystem refuses', () => {
  let work: string;
  let data: string;

  beforeAll(async () => {
    work = await tempDir('kpi-nostack-out-');
    data = await goodFolder(join(work, 'data'));
  });

  it('--out is an existing file: exit 4 naming it, the file untouched', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, 'mine');
    expectPlain(await kpi(['run', '--data', data, '--out', file, '--quiet']), 4, file);
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('--out under a file (ENOTDIR): exit 4 naming the path', async () => {
    const file = join(work, 'b-file');
    await writeFile(file, 'mine');
    expectPlain(await kpi(['run', '--data', data, '--out', join(file, 'out'), '--quiet']), 4, join(file, 'out'));
  });

  it('--out where no folder can be made (/proc): exit 4 at once, not a hang in mkdir', async () => {
    expectPlain(await kpi(['run', '--data', data, '--out', '/proc/kpi-out', '--quiet']), 4, '/proc/kpi-out');
  }, 70_000);

  it('--db a CSV file: exit 3 saying it is not a DuckDB database, the CSV untouched', async () => {
    const csv = join(work, 'regions.csv');
    await writeFile(csv, 'code,name\nA,x\n');
    const ran = await kpi(['run', '--data', data, '--out', join(work, 'o-csv'), '--db', csv, '--quiet']);
    expectPlain(ran, 3, csv);
    expect(ran.stderr).toContain('DuckDB');
    expect(await readFile(csv, 'utf8')).toBe('code,name\nA,x\n');
  });

  it('--db a SQLite file: exit 3 naming it as SQLite, without DuckDB reaching for an extension', async () => {
    const lite = join(work, 'old.sqlite');
    await writeFile(lite, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 7)]));
    const ran = await kpi(['run', '--data', data, '--out', join(work, 'o-lite'), '--db', lite, '--quiet']);
    expectPlain(ran, 3, lite);
    expect(ran.stderr).toContain('SQLite');
    expect(ran.stderr).not.toMatch(/extension|download|http/i);
  });

  it('--db an empty file: exit 3, never silently a database', async () => {
    const empty = join(work, 'empty.duckdb');
    await writeFile(empty, '');
    expectPlain(await kpi(['run', '--data', data, '--out', join(work, 'o-empty'), '--db', empty, '--quiet']), 3, empty);
  });

  it('--db on /proc (nothing can be created there): exit 4 naming it', async () => {
    expectPlain(await kpi(['run', '--data', data, '--out', join(work, 'o-proc'), '--db', '/proc/kpi.duckdb', '--quiet']), 4, '/proc/kpi.duckdb');
  });

  it('--db in a folder under a file: exit 4 naming the path', async () => {
    const file = join(work, 'c-file');
    await writeFile(file, 'mine');
    expectPlain(await kpi(['run', '--data', data, '--out', join(work, 'o-dbfile'), '--db', join(file, 'kpi.duckdb'), '--quiet']), 4, file);
  });

  it('--db in a folder that does not exist yet: the folder is made and the run succeeds', async () => {
    const db = join(work, 'new', 'deep', 'kpi.duckdb');
    const ran = await kpi(['run', '--data', data, '--out', join(work, 'o-newdb'), '--db', db, '--no-report', '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});

describe.skipIf(!built)('the input side: data folders the filesystem refuses', () => {
  let work: string;

  beforeAll(async () => {
    work = await tempDir('kpi-nostack-in-');
  });

  const run = (data: string, name: string) => kpi(['run', '--data', data, '--out', join(work, `out-${name}`), '--no-report', '--quiet']);

  it('a data folder that does not exist: exit 1 (FOLDER_MISSING) naming it', async () => {
    const missing = join(work, 'no-such-folder');
    expectPlain(await run(missing, 'missing'), 1, missing);
  });

  it('a data folder that is a file: exit 4 naming it', async () => {
    const file = join(work, 'data-file');
    await writeFile(file, 'not a folder');
    expectPlain(await run(file, 'file'), 4, file);
  });

  it('observations/ holding a directory named x.csv: exit 4 naming it', async () => {
    const data = await goodFolder(join(work, 'dir-csv'));
    await mkdir(join(data, 'observations', 'x.csv'));
    expectPlain(await run(data, 'dir-csv'), 4, 'x.csv');
  });

  it('observations/ holding a dangling symbolic link: exit 4 naming it', async () => {
    const data = await goodFolder(join(work, 'dangling'));
    await symlink(join(work, 'nowhere.csv'), join(data, 'observations', 'b.csv'));
    expectPlain(await run(data, 'dangling'), 4, 'b.csv');
  });

  it('observations/ holding a looping symbolic link: exit 4 naming it', async () => {
    const data = await goodFolder(join(work, 'loop'));
    const link = join(data, 'observations', 'loop.csv');
    await symlink(link, link);
    expectPlain(await run(data, 'loop'), 4, 'loop.csv');
  });
});

/*
 * Permission cases. Root reads and writes whatever the mode bits say, so as
 * root the CLI runs as nobody (65534); as another user the mode bits do it.
 */
const permissionSkip = nobodySkip();

describe.skipIf(!built || permissionSkip !== undefined)(`permissions (as ${isRoot ? 'nobody, from root' : 'this user'})${permissionSkip ? ` — ${permissionSkip}` : ''}`, () => {
  let work: string;
  let data: string;

  beforeAll(async () => {
    work = await tempDir('kpi-nostack-perm-');
    await chmod(work, 0o755); // mkdtemp makes it 0700: nobody must get in.
    data = await goodFolder(join(work, 'data'));
  });

  afterAll(async () => {
    // So the temp folder can be removed by whoever cleans up.
    await chmod(join(data, 'observations', 'a.csv'), 0o644).catch(() => {});
  });

  it('an unreadable data file: exit 4 naming it', async () => {
    const out = join(work, 'out-unreadable');
    await mkdir(out);
    if (isRoot) await chown(out, NOBODY, NOBODY);
    await chmod(join(data, 'observations', 'a.csv'), 0o000);
    try {
      expectPlain(await kpi(['run', '--data', data, '--out', out, '--no-report', '--quiet'], { asNobody: true, home: out }), 4, 'a.csv');
    } finally {
      await chmod(join(data, 'observations', 'a.csv'), 0o644);
    }
  });

  it('an unwritable --out: exit 4 naming it, before any work', async () => {
    const out = join(work, 'out-locked');
    await mkdir(out);
    await chmod(out, 0o555);
    const ran = await kpi(['run', '--data', data, '--out', out, '--quiet'], { asNobody: true, home: work });
    expectPlain(ran, 4, out);
  });

  it('an unwritable folder for --db: exit 4 naming it', async () => {
    const out = join(work, 'out-dbperm');
    await mkdir(out);
    if (isRoot) await chown(out, NOBODY, NOBODY);
    const locked = join(work, 'db-locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    expectPlain(await kpi(['run', '--data', data, '--out', out, '--db', join(locked, 'kpi.duckdb'), '--quiet'], { asNobody: true, home: out }), 4, locked);
  });
});


const diskSkip = built ? smallDiskUnavailable() : 'not built';

describe.skipIf(!built)('a full disk', () => {
  let dir: string | undefined;

  beforeAll(() => {
    const mounted = mountSmallDisk(2);
    if (typeof mounted !== 'string') throw new Error(`cannot mount a small tmpfs (${mounted.reason})`);
    dir = mounted;
  });

  afterAll(() => {
    if (dir !== undefined) unmount(dir);
  });

  const title = diskSkip === undefined ? "exit 4 naming the full disk's folder, no stack trace" : `skipped: cannot mount a small tmpfs (${diskSkip})`;
  it.skipIf(diskSkip !== undefined)(title, async () => {
    const disk = dir ?? '';
    const ran = await kpi(['run', '--data', 'data/suqian', '--out', join(disk, 'out'), '--quiet']);
    expectPlain(ran, 4, disk);
    expect(ran.stderr).toMatch(/ENOSPC|磁盘已满/);
  }, 120_000);
});

describe.skipIf(!built)('read-only commands on a database that is not there', () => {
  let work: string;
  let missing: string;

  beforeAll(async () => {
    work = await tempDir('kpi-nostack-nodb-');
    missing = join(work, 'kpi.duckdb');
  });

  it.each([
    ['runs', ['runs', '--db']],
    ['history', ['history', 'A', 'gdp', '2023Q1', '--db']],
    ['explain', ['explain', 'rd_intensity', 'A', '2023Q1', '--db']],
    ['diff', ['diff', '1', '2', '--db']],
    ['report', ['report', '--out', 'REPORT', '--db']],
  ])('kpi %s: exit 3 saying there is no database, and creates none', async (_name, args) => {
    const ran = await kpi([...args.map((a) => (a === 'REPORT' ? join(work, 'report') : a)), missing]);
    expectPlain(ran, 3, missing);
    expect(existsSync(missing)).toBe(false);
  });

  it('kpi run --as-of without a database: exit 3 naming where it looked', async () => {
    expectPlain(await kpi(['run', '--as-of', '1', '--out', join(work, 'asof')]), 3, join(work, 'asof', 'kpi.duckdb'));
  });
});

describe.skipIf(!built)('usage mistakes', () => {
  it('an unknown command: exit 2, in Chinese and English', async () => {
    const ran = await kpi(['frobnicate']);
    expectPlain(ran, 2, 'frobnicate');
    expect(ran.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(ran.stderr).toMatch(/unknown command/);
  });

  it('an unknown option: exit 2, in Chinese and English', async () => {
    const ran = await kpi(['run', '--frobnicate']);
    expectPlain(ran, 2, '--frobnicate');
    expect(ran.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(ran.stderr).toMatch(/nknown option/);
  });

  it('a command name that is an Object property (toString) is an unknown command, not a crash', async () => {
    expectPlain(await kpi(['toString']), 2, 'toString');
  });
});
