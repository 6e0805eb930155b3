import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { checkDataFolder } from '../../src/check/checkDataFolder.js';
import { isError } from '../../src/diagnostics/diagnostic.js';
import { longCsv, tempDir, writeFolder } from '../support/fixture.js';
import { nobodySkip } from '../support/nobody.js';

const good = longCsv([
  ['A', '2023Q1', 'gdp', 100],
  ['B', '2023Q1', 'gdp', 50],
]);

async function check(data: string) {
  const folder = await checkDataFolder(data, await loadCatalog('metrics'), () => {}, { now: new Date('2024-01-01T00:00:00Z') });
  const name = (file: string | undefined) => (file ?? '').slice(data.length + 1);
  return {
    folder,
    errors: folder.diagnostics.filter(isError).map((d) => [d.code, name(d.file), d.value]),
    warnings: folder.diagnostics.filter((d) => !isError(d)).map((d) => [d.code, name(d.file), d.value]),
  };
}

/** Parquet bytes written by DuckDB from a SELECT. */
async function parquet(select: string): Promise<Uint8Array> {
  const path = join(await tempDir('kpi-parquet-'), 'x.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return readFile(path);
}

describe('file types in observations/', () => {
  it('a file of any other type is an error, so its figures never silently vanish', async () => {
    const data = await writeFolder({ observations: { 'a.csv': good, 'b.csv.gz': Uint8Array.from([0x1f, 0x8b, 8, 0]), 'c.txt': good, 'd.xlsb': 'PK' } });
    const { errors } = await check(data);
    expect(errors).toEqual([
      ['UNSUPPORTED_DATA_FILE', 'observations/b.csv.gz', 'b.csv.gz'],
      ['UNSUPPORTED_DATA_FILE', 'observations/c.txt', 'c.txt'],
      ['UNSUPPORTED_DATA_FILE', 'observations/d.xlsb', 'd.xlsb'],
    ]);
  });

  it('an Office lock file and a hidden file are skipped with a note, and do not block the run', async () => {
    const lock = Uint8Array.from([0x05, 0x41, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x41, 0x00]);
    const data = await writeFolder({ observations: { 'a.csv': good, '~$a.xlsx': lock, '.DS_Store': lock } });
    const { folder, errors, warnings } = await check(data);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      ['FILE_SKIPPED', 'observations/.DS_Store', '.DS_Store'],
      ['FILE_SKIPPED', 'observations/~$a.xlsx', '~$a.xlsx'],
    ]);
    expect(folder.observationFiles.map((f) => f.observations.length)).toEqual([2]);
  });

  it('a Parquet cell holding a list or a struct is an error, not the number its digits spell', async () => {
    const bytes = await parquet(
      `SELECT * FROM (VALUES ('A', '2023Q1', 'gdp', [1, 234], {'v': 5}), ('B', '2023Q1', 'gdp', [50], {'v': 6})) t(region, period, variable, value, extra)`,
    );
    const data = await writeFolder({ observations: { 'a.parquet': bytes } });
    const { folder } = await check(data);
    const errors = folder.diagnostics.filter(isError).map((d) => [d.code, d.row, d.column, d.value]);
    expect(errors).toEqual([
      ['NOT_A_NUMBER', 1, 'value', '[1,234]'],
      ['NOT_A_NUMBER', 2, 'value', '[50]'],
    ]);
  });
});

describe('filesystem faults while reading the data folder are located diagnostics, every one', () => {
  it('a folder named like a data file, a dangling link and a looping link are each FILE_ACCESS with the OS code', async () => {
    const data = await writeFolder({ observations: { 'a.csv': good } });
    const obs = join(data, 'observations');
    await mkdir(join(obs, 'x.csv'));
    await symlink(join(data, 'nowhere.csv'), join(obs, 'dangling.csv'));
    await symlink(join(obs, 'loop2.csv'), join(obs, 'loop1.csv'));
    await symlink(join(obs, 'loop1.csv'), join(obs, 'loop2.csv'));
    const { errors } = await check(data);
    expect(errors).toEqual([
      ['FILE_ACCESS', 'observations/dangling.csv', 'ENOENT'],
      ['FILE_ACCESS', 'observations/loop1.csv', 'ELOOP'],
      ['FILE_ACCESS', 'observations/loop2.csv', 'ELOOP'],
      ['FILE_ACCESS', 'observations/x.csv', 'EISDIR'],
    ]);
  });

  it('a file name that is not UTF-8 (GBK bytes) is reported readably, asking to rename it', async () => {
    const data = await writeFolder({ observations: { 'a.csv': good } });
    // 数据.csv in GBK
    const gbkName = Buffer.concat([Buffer.from([0xca, 0xfd, 0xbe, 0xdd]), Buffer.from('.csv')]);
    await writeFile(Buffer.concat([Buffer.from(join(data, 'observations') + '/'), gbkName]), good);
    const { errors } = await check(data);
    expect(errors).toEqual([['BAD_FILE_NAME', 'observations/数据.csv', '数据.csv']]);
  });

  it('regions.csv as a dangling link is FILE_ACCESS, and a missing targets.csv stays FOLDER_MISSING', async () => {
    const data = await writeFolder({ observations: { 'a.csv': good } });
    await rm(join(data, 'regions.csv'));
    await symlink(join(data, 'gone.csv'), join(data, 'regions.csv'));
    await rm(join(data, 'targets.csv'));
    const { errors } = await check(data);
    expect(errors).toEqual([
      ['FILE_ACCESS', 'regions.csv', 'ENOENT'],
      ['FOLDER_MISSING', 'targets.csv', undefined],
    ]);
  });

  it('observations as a file, not a folder, is FILE_ACCESS', async () => {
    const data = await writeFolder({});
    await rm(join(data, 'observations'), { recursive: true });
    await writeFile(join(data, 'observations'), 'x');
    const { errors } = await check(data);
    expect(errors).toEqual([['FILE_ACCESS', 'observations', 'ENOTDIR']]);
  });

  // Root reads everything, so the check runs in a child as nobody (uid 65534).
  const skip = nobodySkip();
  it.skipIf(skip !== undefined)(`a file the user may not read is FILE_ACCESS EACCES, not a stack trace${skip ? ` — ${skip}` : ''}`, async () => {
    const data = await writeFolder({ observations: { 'a.csv': good, 'b.csv': good } });
    await chmod(data, 0o755);
    await chmod(join(data, 'observations'), 0o755);
    for (const f of ['regions.csv', 'targets.csv', 'observations/a.csv']) await chmod(join(data, f), 0o644);
    await chmod(join(data, 'observations', 'b.csv'), 0o600);
    const script = `
      import { loadCatalog } from './src/catalog/loadCatalog.ts';
      import { checkDataFolder } from './src/check/checkDataFolder.ts';
      const folder = await checkDataFolder(${JSON.stringify(data)}, await loadCatalog('metrics'));
      process.stdout.write(JSON.stringify(folder.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file, d.value])));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), uid: 65534, gid: 65534, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([['FILE_ACCESS', join(data, 'observations', 'b.csv'), 'EACCES']]);
  });
});
