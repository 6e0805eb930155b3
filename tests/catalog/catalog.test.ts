import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { KpiInputError } from '../../src/diagnostics/diagnostic.js';
import { longCsv, runFolder, tempDir } from '../support/fixture.js';
import { expectClose } from '../support/matchers.js';

async function copyOfMetrics(): Promise<string> {
  const dir = await tempDir('kpi-metrics-');
  await cp('metrics', dir, { recursive: true });
  return dir;
}

describe('the metrics catalog', () => {
  it('holds the 22 variables and 16 indicators of INDICATORS.md and the 12 plan programmes, with plan tasks and lead units', async () => {
    const catalog = await loadCatalog('metrics');
    expect(catalog.variables).toHaveLength(22 + 12);
    expect(catalog.indicators.map((i) => i.id)).toEqual([
      'rd_intensity', 'rd_platforms', 'rd_institution_rate', 'high_tech_firms', 'tech_smes', 'patents_per_10k',
      'high_tech_output_share', 'tech_contract_share', 'incubators', 'new_incubated_firms', 'talents_introduced',
      'energy_intensity_decline', 'good_air_days_ratio', 'sci_fiscal_share', 'graduates_attracted',
      // File order (by task number): the plan programmes promoted from the milestones (issue 5) sit among them.
      'skill_competitions', 'order_classes', 'apprentices_trained', 'school_locality_events', 'invention_patents',
      'new_patent_owning_firms', 'ip_standard_firms', 'ip_pledge_amount', 'ip_pledges', 'ip_assistance_cases',
      'ip_mediation_cases', 'fund_tech_investments', 'online_financing',
    ]);
    const byId = new Map(catalog.indicators.map((i) => [i.id, i]));
    expect(byId.get('talents_introduced')).toMatchObject({ task: 11, schedule: 'linear', scope: 'extensive', lead_units: ['市委组织部'] });
    expect(byId.get('patents_per_10k')).toMatchObject({ task: 6, schedule: 'year_end', scope: 'intensive', lead_units: ['市市场监管局'] });
    expect(catalog.variables.filter((v) => !v.additive).map((v) => v.code)).toEqual([
      'good_air_days', 'valid_air_days', 'skill_competitions', 'school_locality_events', 'ip_assistance_cases', 'ip_mediation_cases',
    ]);
  });

  it('rejects an indicator whose formula uses an unknown identifier, naming both', async () => {
    const dir = await copyOfMetrics();
    await writeFile(join(dir, 'indicators', '99_bad.yaml'), "id: bad\nname: 坏\nunit: '%'\ndirection: higher\nscope: intensive\nschedule: level\nformula: 'gdp / rd_spending'\n");
    const error = await loadCatalog(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiInputError);
    const diagnostics = (error as KpiInputError).diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'FORMULA_UNKNOWN_IDENTIFIER', value: 'rd_spending' })]);
    expect(diagnostics[0]?.message).toContain('bad');
  });

  it('rejects a formula nested 10,000 brackets deep with a located FORMULA_TOO_DEEP that says the limit', async () => {
    const dir = await copyOfMetrics();
    const file = join(dir, 'indicators', '99_deep.yaml');
    await writeFile(file, `id: deep\nname: 深\nunit: '%'\ndirection: higher\nscope: intensive\nschedule: level\nformula: '${'('.repeat(10_000)}gdp${')'.repeat(10_000)}'\n`);
    const error = await loadCatalog(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiInputError);
    const diagnostics = (error as KpiInputError).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.file, d.column])).toEqual([['FORMULA_TOO_DEEP', file, 'formula']]);
    expect(diagnostics[0]?.expected).toContain('100');
    expect(diagnostics[0]?.message).toContain('more than 100 levels');
  });

  it('rejects a definition with a field of the wrong kind', async () => {
    const dir = await copyOfMetrics();
    await writeFile(join(dir, 'indicators', '99_bad.yaml'), "id: bad\nname: 坏\nunit: '%'\ndirection: up\nscope: intensive\nschedule: level\nformula: gdp\n");
    const error = (await loadCatalog(dir).catch((e: unknown) => e)) as KpiInputError;
    expect(error.diagnostics.map((d) => [d.code, d.column])).toEqual([['BAD_DEFINITION', 'direction']]);
  });

  it('adds an indicator by adding a definition, including a lower-is-better one', async () => {
    const dir = await copyOfMetrics();
    await writeFile(
      join(dir, 'indicators', '90_energy_per_gdp.yaml'),
      "id: energy_per_gdp\nname: 单位GDP能耗\nunit: 吨标准煤/万元\ndirection: lower\nscope: intensive\nschedule: level\nformula: 'energy_consumption / gdp'\n",
    );
    const ran = await runFolder(
      {
        regions: 'code,name,parent,level\nC,City,,city\n',
        targets: 'indicator,region,year,period,value\nenergy_per_gdp,C,2023,,0.5\n',
        observations: { 'q.csv': longCsv([['C', '2023Q2', 'energy_consumption', 400], ['C', '2023Q2', 'gdp', 1000]]) },
      },
      { metrics: dir },
    );
    const row = ran.row('energy_per_gdp', 'C', '2023Q2');
    expectClose(row.actual, 0.4);
    // lower is better: attainment = target / actual
    expectClose(row.attainment, 1.25);
    expect(row.status).toBe('on_track');
  });
});
