import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../src/present/resultColumns.js';
import { longCsv, runFolder, tempDir } from '../support/fixture.js';
import { expectClose, codesOf } from '../support/matchers.js';

const cityOnly = 'code,name,parent,level\nC,City,,city\n';
const targets = (rows: string[]): string => `indicator,region,year,period,value\n${rows.join('\n')}\n`;

describe('targets, 序时进度, attainment and status (INDICATORS.md §4–§5)', () => {
  it('reproduces worked example §6: new incubated firms at 2023Q2 are in warning, 2.5 points behind 序时', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['new_incubated_firms,C,2023,,120', 'new_incubated_firms,C,2023,2023Q2,60']),
      observations: { 'q2.csv': longCsv([['C', '2023Q2', 'new_incubated_firms', 57]]) },
    });
    const row = ran.row('new_incubated_firms', 'C', '2023Q2');
    expect(row.target).toBe(60);
    expectClose(row.attainment, 0.95);
    expectClose(row.annual_progress, 0.475);
    expectClose(row.expected_progress, 0.5);
    expect(row.gap).toBe(-3);
    expect(row.status).toBe('warning');
    expectClose(((row.annual_progress as number) - (row.expected_progress as number)) * 100, -2.5);
  });

  it('reproduces worked example §6: R&D intensity 41.3 / 1920.57 against 2.2 %', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['rd_intensity,C,2023,,2.2']),
      observations: { 'q2.csv': longCsv([['C', '2023Q2', 'rd_expenditure', 41.3], ['C', '2023Q2', 'gdp', 1920.57]]) },
    });
    const row = ran.row('rd_intensity', 'C', '2023Q2');
    expectClose(row.actual, (100 * 41.3) / 1920.57);
    expectClose(row.attainment, (100 * 41.3) / 1920.57 / 2.2);
    expectClose(row.gap, (100 * 41.3) / 1920.57 - 2.2);
    expect(row.expected_progress).toBe(1);
    expect(row.status).toBe('warning');
  });

  it('falls back to linear when an explicit indicator has no schedule row for the period', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['new_incubated_firms,C,2023,,120', 'new_incubated_firms,C,2023,2023Q2,60']),
      observations: { 'q.csv': longCsv([['C', '2023Q1', 'new_incubated_firms', 31], ['C', '2023Q3', 'new_incubated_firms', 80]]) },
    });
    const q3 = ran.row('new_incubated_firms', 'C', '2023Q3');
    expect(q3.target).toBe(90);
    expectClose(q3.expected_progress, 0.75);
    expectClose(q3.attainment, 80 / 90);
    expect(q3.status).toBe('behind');
    expect(codesOf(q3)).toContain('NO_SCHEDULE_ROW');
    expect(ran.row('new_incubated_firms', 'C', '2023Q1').status).toBe('on_track');
  });

  it('takes the Q4 schedule row as the annual target when no annual row exists', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['invention_patents,C,2023,2023Q2,3750', 'invention_patents,C,2023,2023Q4,4000']),
      observations: { 'q.csv': longCsv([['C', '2023Q2', 'invention_patents', 3800]]) },
    });
    const row = ran.row('invention_patents', 'C', '2023Q2');
    expect(row.annual_target).toBe(4000);
    expect(row.target).toBe(3750);
    expectClose(row.expected_progress, 3750 / 4000);
    expectClose(row.annual_progress, 0.95);
    expect(row.status).toBe('on_track');
  });

  it('pro-rates a linear target and calls it completed once the annual target is met', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['talents_introduced,C,2023,,100']),
      observations: { 'q.csv': longCsv([['C', '2023Q1', 'talents_introduced', 20], ['C', '2023Q3', 'talents_introduced', 101]]) },
    });
    const q1 = ran.row('talents_introduced', 'C', '2023Q1');
    expect(q1.target).toBe(25);
    expectClose(q1.expected_progress, 0.25);
    expectClose(q1.attainment, 0.8);
    expect(q1.status).toBe('behind');
    expect(ran.row('talents_introduced', 'C', '2023Q3').status).toBe('completed');
  });

  it('holds year-end indicators as pending before Q4 and judges them at Q4', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['high_tech_firms,C,2023,,700']),
      observations: {
        'q.csv': longCsv([
          ['C', '2023Q2', 'high_tech_firms', 600],
          ['C', '2023Q3', 'high_tech_firms', 710],
          ['C', '2023Q4', 'high_tech_firms', 650],
        ]),
      },
    });
    const q2 = ran.row('high_tech_firms', 'C', '2023Q2');
    expect(q2.status).toBe('pending');
    expect(q2.expected_progress).toBeNull();
    expect(ran.row('high_tech_firms', 'C', '2023Q3').status).toBe('completed');
    const q4 = ran.row('high_tech_firms', 'C', '2023Q4');
    expect(q4.expected_progress).toBe(1);
    expect(q4.status).toBe('warning');
  });

  it('calls a level indicator completed only at Q4; before that it is on track', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['sci_fiscal_share,C,2023,,3']),
      observations: {
        'q.csv': longCsv([
          ['C', '2023Q2', 'sci_fiscal_exp', 4],
          ['C', '2023Q2', 'public_fiscal_exp', 100],
          ['C', '2023Q4', 'sci_fiscal_exp', 7],
          ['C', '2023Q4', 'public_fiscal_exp', 200],
          ['C', '2023Q3', 'sci_fiscal_exp', 2],
          ['C', '2023Q3', 'public_fiscal_exp', 100],
        ]),
      },
    });
    expect(ran.row('sci_fiscal_share', 'C', '2023Q2').status).toBe('on_track');
    expect(ran.row('sci_fiscal_share', 'C', '2023Q4').status).toBe('completed');
    expect(ran.row('sci_fiscal_share', 'C', '2023Q3').status).toBe('behind');
  });

  it('moves the warning band with the warningThreshold setting', async () => {
    const spec = {
      regions: cityOnly,
      targets: targets(['talents_introduced,C,2023,,100']),
      observations: { 'q.csv': longCsv([['C', '2023Q2', 'talents_introduced', 43]]) },
    };
    expect((await runFolder(spec)).row('talents_introduced', 'C', '2023Q2').status).toBe('behind');
    expect((await runFolder({ ...spec, settings: { warningThreshold: 0.8 } })).row('talents_introduced', 'C', '2023Q2').status).toBe('warning');
  });

  it('lets a district inherit the city’s intensive target but not its extensive one', async () => {
    const ran = await runFolder({
      targets: targets(['rd_intensity,C,2023,,2.2', 'rd_intensity,B,2023,,1.5', 'high_tech_firms,C,2023,,700']),
      observations: {
        'q.csv': longCsv([
          ['A', '2023Q4', 'rd_expenditure', 2],
          ['A', '2023Q4', 'gdp', 100],
          ['B', '2023Q4', 'rd_expenditure', 2],
          ['B', '2023Q4', 'gdp', 100],
          ['A', '2023Q4', 'high_tech_firms', 320],
          ['B', '2023Q4', 'high_tech_firms', 320],
        ]),
      },
    });
    const a = ran.row('rd_intensity', 'A', '2023Q4');
    expect(a.annual_target).toBe(2.2);
    expect(a.target_source).toBe('inherited:C');
    expect(ran.row('rd_intensity', 'B', '2023Q4').annual_target).toBe(1.5);
    expect(ran.row('rd_intensity', 'B', '2023Q4').target_source).toBe('own');
    const firms = ran.row('high_tech_firms', 'A', '2023Q4');
    expect(firms.annual_target).toBeNull();
    expect(firms.status).toBe('no_target');
    // 640 / 700 = 0.914: within the 0.9 warning band
    expect(ran.row('high_tech_firms', 'C', '2023Q4').status).toBe('warning');
  });

  it('never inherits an ancestor’s schedule rows', async () => {
    const ran = await runFolder({
      targets: targets(['new_incubated_firms,C,2023,2023Q1,30', 'new_incubated_firms,C,2023,,120', 'new_incubated_firms,A,2023,,40']),
      observations: { 'q.csv': longCsv([['A', '2023Q1', 'new_incubated_firms', 10], ['B', '2023Q1', 'new_incubated_firms', 5]]) },
    });
    expect(ran.row('new_incubated_firms', 'A', '2023Q1').target).toBe(10);
    expect(ran.row('new_incubated_firms', 'C', '2023Q1').target).toBe(30);
  });

  it('ranks siblings by attainment with shared ranks for ties (1, 2, 2, 4), none for the root or a null', async () => {
    const regions = 'code,name,parent,level\nC,City,,city\nA,A,C,district\nB,B,C,district\nD,D,C,district\nE,E,C,district\nF,F,C,district\n';
    const ran = await runFolder({
      regions,
      targets: targets(['talents_introduced,A,2023,,10', 'talents_introduced,B,2023,,10', 'talents_introduced,D,2023,,10', 'talents_introduced,E,2023,,10', 'talents_introduced,C,2023,,40']),
      observations: {
        'q.csv': longCsv([
          ['A', '2023Q4', 'talents_introduced', 12],
          ['B', '2023Q4', 'talents_introduced', 9],
          ['D', '2023Q4', 'talents_introduced', 9],
          ['E', '2023Q4', 'talents_introduced', 5],
          ['F', '2023Q4', 'talents_introduced', 3],
        ]),
      },
    });
    const rank = (r: string) => ran.row('talents_introduced', r, '2023Q4').rank;
    expect([rank('A'), rank('B'), rank('D'), rank('E')]).toEqual([1, 2, 2, 4]);
    expect(rank('F')).toBeNull();
    expect(rank('C')).toBeNull();
  });

  it('reports no_data for a region with nothing reported, even with a target', async () => {
    const ran = await runFolder({
      targets: targets(['talents_introduced,A,2023,,10']),
      observations: { 'q.csv': longCsv([['B', '2023Q1', 'talents_introduced', 3]]) },
    });
    const a = ran.row('talents_introduced', 'A', '2023Q1');
    expect(a.actual).toBeNull();
    expect(a.status).toBe('no_data');
    expect(a.status_label).toBe('无数据');
  });
});

describe('a target of 0 or below (INDICATORS.md §5)', () => {
  const cityAndTwo = 'code,name,parent,level\nC,City,,city\nA,A,C,district\nB,B,C,district\n';

  it('judges a level indicator against a target of 0 by comparing the figure with it: on track before Q4, completed at Q4', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['sci_fiscal_share,C,2023,,0']),
      observations: {
        'q.csv': longCsv([
          ['C', '2023Q2', 'sci_fiscal_exp', 4],
          ['C', '2023Q2', 'public_fiscal_exp', 100],
          ['C', '2023Q4', 'sci_fiscal_exp', 7],
          ['C', '2023Q4', 'public_fiscal_exp', 200],
        ]),
      },
    });
    const q2 = ran.row('sci_fiscal_share', 'C', '2023Q2');
    expect(q2.attainment).toBeNull();
    expect(q2.annual_progress).toBeNull();
    expect(q2.gap).toBe(4);
    expect(q2.status).toBe('on_track');
    expect(q2.findings).toContainEqual({ code: 'TARGET_NOT_POSITIVE', params: { target: 0 } });
    expect(q2.findings).toContainEqual({ code: 'ANNUAL_TARGET_NOT_POSITIVE', params: { annualTarget: 0 } });
    expect(ran.row('sci_fiscal_share', 'C', '2023Q4').status).toBe('completed');
  });

  it('reads a negative target of a higher-is-better figure as a floor: −1 meets −2, −5 misses it and is behind, not on track', async () => {
    // energy intensity decline = 100 × (1 − (e / g) / prev_year(e / g)): 101 / 1000 against 100 / 1000 is −1 %, 105 / 1000 is −5 %.
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['energy_intensity_decline,C,2023,,-2']),
      observations: {
        'e.csv': longCsv([
          ['C', '2022Q2', 'energy_consumption', 100],
          ['C', '2022Q2', 'gdp_constant', 1000],
          ['C', '2023Q2', 'energy_consumption', 101],
          ['C', '2023Q2', 'gdp_constant', 1000],
          ['C', '2022Q3', 'energy_consumption', 100],
          ['C', '2022Q3', 'gdp_constant', 1000],
          ['C', '2023Q3', 'energy_consumption', 105],
          ['C', '2023Q3', 'gdp_constant', 1000],
        ]),
      },
    });
    const met = ran.row('energy_intensity_decline', 'C', '2023Q2');
    expectClose(met.actual, -1);
    expect(met.attainment).toBeNull();
    expect(met.status).toBe('on_track');
    expect(met.findings).toContainEqual({ code: 'TARGET_NOT_POSITIVE', params: { target: -2 } });
    // −5 / −2 = 2.5 would read as well ahead; the figure is 3 points below the floor
    const missed = ran.row('energy_intensity_decline', 'C', '2023Q3');
    expect(missed.attainment).toBeNull();
    expect(missed.status).toBe('behind');
  });

  it('never puts a missed target of 0 in the warning band', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['energy_intensity_decline,C,2023,,0']),
      observations: {
        'e.csv': longCsv([
          ['C', '2022Q2', 'energy_consumption', 100],
          ['C', '2022Q2', 'gdp_constant', 1000],
          ['C', '2023Q2', 'energy_consumption', 100.1],
          ['C', '2023Q2', 'gdp_constant', 1000],
        ]),
      },
    });
    const row = ran.row('energy_intensity_decline', 'C', '2023Q2');
    expectClose(row.actual, -0.1);
    expect(row.status).toBe('behind');
  });

  it('calls a linear indicator with an annual target of 0 completed once the figure reaches 0, and leaves it out of the ranking', async () => {
    const ran = await runFolder({
      regions: cityAndTwo,
      targets: targets(['talents_introduced,A,2023,,0', 'talents_introduced,B,2023,,10']),
      observations: { 'q.csv': longCsv([['A', '2023Q2', 'talents_introduced', 3], ['B', '2023Q2', 'talents_introduced', 4]]) },
    });
    const a = ran.row('talents_introduced', 'A', '2023Q2');
    expect(a.target).toBe(0);
    expect(a.attainment).toBeNull();
    expect(a.annual_progress).toBeNull();
    expect(a.status).toBe('completed');
    expect(a.rank).toBeNull();
    // B alone is ranked: 4 / 5 = 0.8
    expect(ran.row('talents_introduced', 'B', '2023Q2').rank).toBe(1);
  });

  it('judges an explicit schedule row of 0 by the figure, while the annual progress is still a ratio', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['new_incubated_firms,C,2023,,10', 'new_incubated_firms,C,2023,2023Q1,0']),
      observations: { 'q.csv': longCsv([['C', '2023Q1', 'new_incubated_firms', 4]]) },
    });
    const row = ran.row('new_incubated_firms', 'C', '2023Q1');
    expect(row.target).toBe(0);
    expect(row.attainment).toBeNull();
    expectClose(row.annual_progress, 0.4);
    expect(row.status).toBe('on_track');
    expect(codesOf(row)).toContain('TARGET_NOT_POSITIVE');
    expect(codesOf(row)).not.toContain('ANNUAL_TARGET_NOT_POSITIVE');
  });

  it('calls a year-end indicator with a target of 0 completed once the figure reaches it, without a ratio', async () => {
    const ran = await runFolder({
      regions: cityOnly,
      targets: targets(['high_tech_firms,C,2023,,0']),
      observations: { 'q.csv': longCsv([['C', '2023Q4', 'high_tech_firms', 5]]) },
    });
    const q4 = ran.row('high_tech_firms', 'C', '2023Q4');
    expect(q4.annual_progress).toBeNull();
    expect(q4.status).toBe('completed');
  });

  describe('lower is better', () => {
    const energyPerGdp = async (target: number, energy: number): Promise<ResultRow> => {
      const metrics = await tempDir('kpi-metrics-');
      await cp('metrics', metrics, { recursive: true });
      await writeFile(
        join(metrics, 'indicators', '90_energy_per_gdp.yaml'),
        "id: energy_per_gdp\nname: 单位GDP能耗\nunit: 吨标准煤/万元\ndirection: lower\nscope: intensive\nschedule: level\nformula: 'energy_consumption / gdp'\n",
      );
      const ran = await runFolder(
        {
          regions: cityOnly,
          targets: targets([`energy_per_gdp,C,2023,,${target}`]),
          observations: { 'q.csv': longCsv([['C', '2023Q4', 'energy_consumption', energy], ['C', '2023Q4', 'gdp', 1000]]) },
        },
        { metrics },
      );
      return ran.row('energy_per_gdp', 'C', '2023Q4');
    };

    it('misses a target of 0 with any use at all, and meets it with none', async () => {
      const used = await energyPerGdp(0, 400);
      expect(used.attainment).toBeNull();
      expect(used.status).toBe('behind');
      expect(codesOf(used)).toContain('TARGET_NOT_POSITIVE');
      expect((await energyPerGdp(0, 0)).status).toBe('completed');
    });

    it('meets a positive target with an actual of 0 although target ÷ actual divides by zero, and says why there is no ratio', async () => {
      const row = await energyPerGdp(0.5, 0);
      expect(row.actual).toBe(0);
      expect(row.attainment).toBeNull();
      expect(row.annual_progress).toBeNull();
      expect(row.status).toBe('completed');
      expect(row.findings).toContainEqual({ code: 'LOWER_ACTUAL_NOT_POSITIVE', params: { actual: 0 } });
    });
  });
});
