import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { checkDataFolder } from '../../src/check/checkDataFolder.js';
import { KpiInputError } from '../../src/diagnostics/diagnostic.js';
import type { RunOptions } from '../../src/engine/runJob.js';
import { runJob } from '../../src/engine/runJob.js';
import { decodeText } from '../../src/read/decodeText.js';
import { Store } from '../../src/store/store.js';
import { gb18030Bytes, utf16Bytes, writeFolder } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';
import { main } from '../../src/cli/main.js';

/*
 * The same content saved the ways Excel and other tools save it: UTF-8 with
 * and without a BOM, UTF-16 with a BOM, and GBK/GB18030 (Chinese Excel's
 * "CSV"). Each must land exactly the same rows.
 */
const regions = '地区代码,地区名称,上级代码,层级\n3213,宿迁市,,city\n321322,沭阳县,3213,county\n321323,泗阳县,3213,county\n';
const observations =
  '地区代码,期别,指标代码,数值,来源,备注\n' +
  '321322,2023Q1,gdp,100,沭阳县统计局,一季度快报\n' +
  '321322,2023Q1,rd_expenditure,2,沭阳县科技局,\n' +
  '321323,2023Q1,gdp,50,泗阳县统计局,一季度快报\n' +
  '321323,2023Q1,rd_expenditure,1,泗阳县科技局,含（修订）\n';

interface Stored {
  region: string;
  period: string;
  variable: string;
  value: number;
  source: string;
  note: string;
  row: number;
}

/** Writes the folder with regions.csv and observations/obs.csv as the given bytes, runs it, and reads back the observations and region names. */
async function load(regionsBytes: string | Uint8Array, obsBytes: string | Uint8Array, options: Partial<RunOptions> = {}) {
  const data = await writeFolder({ observations: { 'obs.csv': obsBytes } });
  await writeFile(join(data, 'regions.csv'), regionsBytes);
  const summary = await runJob({ data, out: join(data, 'out'), ...options });
  const store = await Store.open(summary.db);
  try {
    const rows = await store.all<Stored & Record<string, unknown>>('SELECT region, period, variable, value, source, note, "row" FROM observations ORDER BY obs_id');
    const names = await store.all<{ code: string; name: string }>('SELECT code, name FROM regions ORDER BY code');
    return { rows, names };
  } finally {
    store.close();
  }
}

describe('text encodings', () => {
  it('a GBK file and a UTF-8 file with the same content load to the same observations', async () => {
    const utf8 = await load(regions, observations);
    const gbk = await load(gb18030Bytes(regions), gb18030Bytes(observations));

    expect(utf8.rows).toHaveLength(4);
    expect(gbk.rows).toEqual(utf8.rows);
    expect(gbk.names).toEqual(utf8.names);
    expect(gbk.rows[0]).toMatchObject({ source: '沭阳县统计局', note: '一季度快报' });
    expect(gbk.names.map((r) => r.name)).toEqual(['宿迁市', '沭阳县', '泗阳县']);
  });

  it.each([
    ['UTF-8 with a BOM', () => `\uFEFF${observations}`],
    ['UTF-16 LE with a BOM', () => utf16Bytes(observations, 'le')],
    ['UTF-16 BE with a BOM', () => utf16Bytes(observations, 'be')],
  ])('%s loads the same observations as plain UTF-8', async (_name, bytes) => {
    const plain = await load(regions, observations);
    expect((await load(regions, bytes())).rows).toEqual(plain.rows);
  });

  it('logs one normalization for a file decoded from GB18030, and none for UTF-8', async () => {
    const data = await writeFolder({ regions, observations: { 'a_gbk.csv': gb18030Bytes(observations), 'b_utf8.csv': observations.replaceAll('2023Q1', '2023Q2') } });
    const folder = await checkDataFolder(data, await loadCatalog('metrics'));

    expect(folder.diagnostics).toEqual([]);
    const encodings = folder.normalizations.filter((n) => n.rule === 'encoding');
    expect(encodings).toEqual([{ file: join(data, 'observations', 'a_gbk.csv'), rule: 'encoding', from: 'gb18030', to: 'utf-8' }]);
    expect(folder.observationFiles[0]?.normalizations).toEqual(encodings);
    expect(folder.observationFiles[1]?.normalizations).toEqual([]);
  });

  it('an explicit encoding wins over detection', async () => {
    // Told GBK, the engine reads GBK; told UTF-8, it does not fall back to GBK but rejects the first Chinese line, the header.
    const gbk = await load(gb18030Bytes(regions), gb18030Bytes(observations), { encoding: 'gbk' });
    expect(gbk.names.map((r) => r.name)).toEqual(['宿迁市', '沭阳县', '泗阳县']);
    const error = await load(regions, gb18030Bytes(observations), { encoding: 'utf-8' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KpiInputError);
    expect((error as KpiInputError).diagnostics).toEqual([expect.objectContaining({ code: 'BAD_ENCODING', row: 1 })]);
  });

  it('an encoding name TextDecoder does not know is one diagnostic, not one per file', async () => {
    const data = await writeFolder({ regions, observations: { 'obs.csv': observations } });
    const folder = await checkDataFolder(data, await loadCatalog('metrics'), () => {}, { encoding: 'big-five' });
    expect(folder.diagnostics).toEqual([expect.objectContaining({ code: 'UNKNOWN_ENCODING', value: 'big-five' })]);
  });

  it('kpi run --encoding gb18030 reads a GBK folder', async () => {
    const data = await writeFolder({ observations: { 'obs.csv': gb18030Bytes(observations) } });
    await writeFile(join(data, 'regions.csv'), gb18030Bytes(regions));
    const term = fakeTerminal();
    expect(await main(['run', '--data', data, '--out', join(data, 'out'), '--encoding', 'gb18030', '--no-report', '--quiet'], term)).toBe(0);
  });
});

describe('decodeText', () => {
  it('says which encoding it decoded from', () => {
    expect(decodeText(Buffer.from('a,b\n')).encoding).toBe('utf-8');
    expect(decodeText(gb18030Bytes('地区,数值\n')).encoding).toBe('gb18030');
    expect(decodeText(utf16Bytes('地区\n', 'be'))).toEqual({ text: '地区\n', encoding: 'utf-16be' });
  });

  it('locates the first line that is neither UTF-8 nor GB18030', () => {
    const bytes = Uint8Array.from([...Buffer.from('a,b\n1,2\n3,'), 0xff, 0x0a]);
    expect(() => decodeText(bytes)).toThrow(expect.objectContaining({ name: 'TextEncodingError', line: 3, excerpt: '3,\uFFFD' }));
  });
});
