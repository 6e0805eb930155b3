import { describe, expect, it } from 'vitest';
import { cityAB, longCsv, runFolder } from '../support/fixture.js';
import { expectClose, codesOf } from '../support/matchers.js';

describe('a region’s input values (INDICATORS.md §3)', () => {
  it('a parent’s ratio is the ratio of its children’s sums, never the average of their ratios', async () => {
    const ran = await runFolder({
      observations: {
        'q1.csv': longCsv([
          ['A', '2023Q1', 'rd_expenditure', 2],
          ['A', '2023Q1', 'gdp', 100],
          ['B', '2023Q1', 'rd_expenditure', 3],
          ['B', '2023Q1', 'gdp', 300],
        ]),
      },
    });
    expectClose(ran.row('rd_intensity', 'A', '2023Q1').actual, 2);
    expectClose(ran.row('rd_intensity', 'B', '2023Q1').actual, 1);
    // (2 + 3) / (100 + 300) * 100 = 1.25, not (2 + 1) / 2 = 1.5
    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, 1.25);
  });

  it('a city total reported directly beats the sum of its districts', async () => {
    const ran = await runFolder({
      observations: {
        'q1.csv': longCsv([
          ['A', '2023Q1', 'rd_expenditure', 2],
          ['A', '2023Q1', 'gdp', 100],
          ['B', '2023Q1', 'rd_expenditure', 3],
          ['B', '2023Q1', 'gdp', 300],
          ['C', '2023Q1', 'gdp', 400.2],
        ]),
      },
    });
    expectClose(ran.row('rd_intensity', 'C', '2023Q1').actual, (100 * 5) / 400.2);
    // 0.05 % apart: within the 0.5 % tolerance, so no data-quality note
    expect(codesOf(ran.row('rd_intensity', 'C', '2023Q1'))).not.toContain('PARENT_SUM_MISMATCH');
  });

  it('flags a reported total that differs from its children’s sum by more than 0.5 %', async () => {
    const ran = await runFolder({
      observations: {
        'q1.csv': longCsv([
          ['A', '2023Q1', 'rd_expenditure', 2],
          ['A', '2023Q1', 'gdp', 100],
          ['B', '2023Q1', 'rd_expenditure', 3],
          ['B', '2023Q1', 'gdp', 300],
          ['C', '2023Q1', 'gdp', 410],
        ]),
      },
    });
    const city = ran.row('rd_intensity', 'C', '2023Q1');
    expectClose(city.actual, (100 * 5) / 410);
    expect(codesOf(city)).toContain('PARENT_SUM_MISMATCH');
    expect(city.findings.find((f) => f.code === 'PARENT_SUM_MISMATCH')?.params).toMatchObject({ variable: 'gdp' });
    expect(ran.summary.qualityNotes).toBeGreaterThan(0);
  });

  it('never sums a non-additive variable: a city’s air-quality ratio needs its own monitoring', async () => {
    const districtsOnly = await runFolder({
      observations: {
        'air.csv': longCsv([
          ['A', '2023Q1', 'good_air_days', 80],
          ['A', '2023Q1', 'valid_air_days', 90],
          ['B', '2023Q1', 'good_air_days', 70],
          ['B', '2023Q1', 'valid_air_days', 90],
        ]),
      },
    });
    expect(districtsOnly.row('good_air_days_ratio', 'C', '2023Q1').actual).toBeNull();
    expect(districtsOnly.row('good_air_days_ratio', 'C', '2023Q1').status).toBe('no_data');
    expectClose(districtsOnly.row('good_air_days_ratio', 'A', '2023Q1').actual, (100 * 80) / 90);

    const withCity = await runFolder({
      observations: {
        'air.csv': longCsv([
          ['A', '2023Q1', 'good_air_days', 80],
          ['A', '2023Q1', 'valid_air_days', 90],
          ['C', '2023Q1', 'good_air_days', 72],
          ['C', '2023Q1', 'valid_air_days', 90],
        ]),
      },
    });
    expectClose(withCity.row('good_air_days_ratio', 'C', '2023Q1').actual, 80);
  });

  it('a missing child makes the parent missing, and the result names the child', async () => {
    const ran = await runFolder({
      observations: {
        'q1.csv': longCsv([
          ['A', '2023Q1', 'rd_expenditure', 2],
          ['A', '2023Q1', 'gdp', 100],
          ['B', '2023Q1', 'gdp', 300],
        ]),
      },
    });
    const city = ran.row('rd_intensity', 'C', '2023Q1');
    expect(city.actual).toBeNull();
    expect(city.status).toBe('no_data');
    expect(city.missing_children).toBe('B');
    expect(city.missing_inputs).toBe('rd_expenditure');
    expect(city.findings).toContainEqual({ code: 'MISSING_CHILDREN', params: { children: ['B'] } });
  });

  it('does not add a rollup = false unit into its parent, nor wait for it', async () => {
    const regions = `${cityAB}Z,Zone Z,C,zone,false\n`;
    const ran = await runFolder({
      regions,
      observations: {
        'q1.csv': longCsv([
          ['A', '2023Q1', 'invention_patents', 10],
          ['B', '2023Q1', 'invention_patents', 20],
          ['Z', '2023Q1', 'invention_patents', 7],
        ]),
      },
    });
    expect(ran.row('invention_patents', 'C', '2023Q1').actual).toBe(30);
    expect(ran.row('invention_patents', 'Z', '2023Q1').actual).toBe(7);

    const zoneSilent = await runFolder({
      regions,
      observations: { 'q1.csv': longCsv([['A', '2023Q1', 'invention_patents', 10], ['B', '2023Q1', 'invention_patents', 20]]) },
    });
    expect(zoneSilent.row('invention_patents', 'C', '2023Q1').actual).toBe(30);
  });

  it('sums through several levels: a county missing its own figure is the sum of its townships', async () => {
    const ran = await runFolder({
      regions: `code,name,parent,level\nC,City,,city\nK,County,C,county\nT1,Town 1,K,town\nT2,Town 2,K,town\nD,District,C,district\n`,
      observations: {
        'q1.csv': longCsv([
          ['T1', '2023Q1', 'invention_patents', 1],
          ['T2', '2023Q1', 'invention_patents', 2],
          ['D', '2023Q1', 'invention_patents', 4],
        ]),
      },
    });
    expect(ran.row('invention_patents', 'K', '2023Q1').actual).toBe(3);
    expect(ran.row('invention_patents', 'C', '2023Q1').actual).toBe(7);
  });

  it('reads an annual variable as-of: 2023Q2 divides by the 2022 year-end population until a 2023 figure exists', async () => {
    const ran = await runFolder({
      regions: 'code,name,parent,level\nC,City,,city\n',
      observations: {
        'pop.csv': longCsv([
          ['C', '2022', 'population', 500],
          ['C', '2023', 'population', 400],
          ['C', '2023Q2', 'invention_patents', 4000],
          ['C', '2023Q4', 'invention_patents', 4400],
        ]),
      },
    });
    expectClose(ran.row('patents_per_10k', 'C', '2023Q2').actual, 8);
    expectClose(ran.row('patents_per_10k', 'C', '2023Q4').actual, 11);
  });

  it('gives null with a reason on division by zero, never Infinity or NaN', async () => {
    const ran = await runFolder({
      regions: 'code,name,parent,level\nC,City,,city\n',
      observations: { 'q1.csv': longCsv([['C', '2023Q1', 'rd_expenditure', 2], ['C', '2023Q1', 'gdp', 0]]) },
    });
    const row = ran.row('rd_intensity', 'C', '2023Q1');
    expect(row.actual).toBeNull();
    expect(row.status).toBe('no_data');
    expect(codesOf(row)).toContain('ZERO_DIVISION');
    expect(JSON.stringify(row.findings.find((f) => f.code === 'ZERO_DIVISION')?.params)).toContain('gdp');
  });

  it('compares with the same quarter of the previous year through prev_year()', async () => {
    const ran = await runFolder({
      regions: 'code,name,parent,level\nC,City,,city\n',
      observations: {
        'e.csv': longCsv([
          ['C', '2022Q2', 'energy_consumption', 100],
          ['C', '2022Q2', 'gdp_constant', 1000],
          ['C', '2023Q2', 'energy_consumption', 102],
          ['C', '2023Q2', 'gdp_constant', 1050],
        ]),
      },
    });
    // 100 * (1 - (102 / 1050) / (100 / 1000))
    expectClose(ran.row('energy_intensity_decline', 'C', '2023Q2').actual, 100 * (1 - 102 / 1050 / (100 / 1000)));
    expect(ran.row('energy_intensity_decline', 'C', '2022Q2').actual).toBeNull();
    expect(ran.row('energy_intensity_decline', 'C', '2022Q2').missing_inputs).toContain('prev_year(energy_consumption)');
  });
});
