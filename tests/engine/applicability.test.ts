import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appliesTo } from '../../src/catalog/applicability.js';
import { longCsv, runFolder, tempDir } from '../support/fixture.js';

const regions = 'code,name,parent,level,rollup\nC,City,,city,true\nA,District A,C,district,true\nZ,Zone Z,C,zone,false\n';

/** The shipped catalog plus one indicator per `applies_to` given. */
async function metricsWith(indicators: Record<string, string | undefined>): Promise<string> {
  const dir = await tempDir('kpi-metrics-');
  await cp('metrics', dir, { recursive: true });
  for (const [id, where] of Object.entries(indicators)) {
    await writeFile(
      join(dir, 'indicators', `90_${id}.yaml`),
      `id: ${id}\nname: 测试 ${id}\nunit: 亿元\ndirection: higher\nscope: extensive\nschedule: level\nformula: 'gdp'\n${where === undefined ? '' : `applies_to: ${where}\n`}`,
    );
  }
  return dir;
}

describe('where an indicator applies (CONTRACT.md §Outputs)', () => {
  it('makes rows only for the regions it applies to: the root, some levels, some regions, or everywhere', async () => {
    const metrics = await metricsWith({ everywhere: undefined, city: '{root: true}', districts: '{levels: [district]}', zone_or_city: '{root: true, regions: [Z]}' });
    const ran = await runFolder(
      { regions, observations: { 'q.csv': longCsv([['A', '2023Q2', 'gdp', 10], ['Z', '2023Q2', 'gdp', 5], ['C', '2023Q2', 'gdp', 20]]) } },
      { metrics },
    );
    const where = (id: string) => ran.rows.filter((r) => r.indicator === id).map((r) => r.region).sort();
    expect(where('everywhere')).toEqual(['A', 'C', 'Z']);
    expect(where('city')).toEqual(['C']);
    expect(where('districts')).toEqual(['A']);
    expect(where('zone_or_city')).toEqual(['C', 'Z']);
    // The city's figure is still the sum of its parts where the indicator does not apply to them (here: its own report).
    expect(ran.row('city', 'C', '2023Q2').actual).toBe(20);
    expect(ran.summary.warnings.map((w) => w.code)).not.toContain('APPLIES_TO_UNKNOWN');
  });

  it('warns, and makes no row, for a level or region the data folder does not have', async () => {
    const metrics = await metricsWith({ towns: '{levels: [town]}', ghost: '{regions: [X9]}' });
    const ran = await runFolder({ regions, observations: { 'q.csv': longCsv([['C', '2023Q2', 'gdp', 20]]) } }, { metrics });
    expect(ran.summary.warnings.filter((w) => w.code === 'APPLIES_TO_UNKNOWN').map((w) => w.value).sort()).toEqual(['X9', 'town']);
    expect(ran.rows.some((r) => r.indicator === 'towns' || r.indicator === 'ghost')).toBe(false);
  });

  it('reads the same in TypeScript as in SQL', () => {
    const root = { code: 'C', parent: null, level: 'city' };
    const zone = { code: 'Z', parent: 'C', level: 'zone' };
    expect(appliesTo(undefined, zone)).toBe(true);
    expect(appliesTo({ root: true }, root)).toBe(true);
    expect(appliesTo({ root: true }, zone)).toBe(false);
    expect(appliesTo({ levels: ['zone'] }, zone)).toBe(true);
    expect(appliesTo({ regions: ['Z'] }, zone)).toBe(true);
    expect(appliesTo({ root: false, levels: ['district'] }, zone)).toBe(false);
  });
});
