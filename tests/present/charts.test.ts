import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartKinds } from '../../src/present/charts/chart.js';
import type { Chart } from '../../src/present/charts/chart.js';
import { chartCatalog, reportCharts } from '../../src/present/charts/chartCatalog.js';
import { statusColors } from '../../src/present/charts/statusStyle.js';
import { loadChartFonts } from '../../src/present/render/chartFonts.js';
import { renderSvg } from '../../src/present/render/renderSvg.js';
import { measureText, useChartTextMetrics } from '../../src/present/render/textMetrics.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import { sampleReportData } from '../support/sampleReport.js';

const require = createRequire(import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

/** SVG with coordinates rounded to 0.1 px, so float noise cannot break a golden file. */
const normalizeSvg = (svg: string): string => svg.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10)).replace(/></g, '>\n<');

/** The values a chart draws from (its inline data, all layers). */
function inlineValues(chart: Chart): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'values' && Array.isArray(v)) found.push(...(v as Record<string, unknown>[]));
        else visit(v);
      }
    }
  };
  visit(chart.spec);
  return found;
}

let data: ReportData;
let charts: Chart[];

beforeAll(async () => {
  data = await sampleReportData('2023Q2');
  charts = reportCharts(data);
  useChartTextMetrics(await loadChartFonts());
}, 60_000);

describe('the chart catalog', () => {
  it('builds every kind for the sample period, named uniquely', () => {
    for (const kind of chartKinds) expect(charts.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(0);
    expect(new Set(charts.map((c) => c.name)).size).toBe(charts.length);
    expect(charts.filter((c) => c.kind === 'scorecard')).toHaveLength(data.regions.length);
  });

  it('every spec validates against the official Vega-Lite schema shipped in the vega-lite package', async () => {
    const schema = JSON.parse(await readFile(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const chart of charts) {
      const ok = validate(chart.spec);
      expect(ok ? [] : validate.errors?.slice(0, 3), chart.name).toEqual([]);
    }
    // The check can fail: a misspelt mark type is rejected.
    expect(validate({ ...charts[0]?.spec, mark: 'barr' })).toBe(false);
  });

  it('every spec compiles and draws without a Vega or Vega-Lite warning', async () => {
    for (const chart of charts) {
      const { svg, warnings } = await renderSvg(chart.spec);
      expect(warnings, chart.name).toEqual([]);
      expect(svg).toContain('<svg');
    }
  });

  it('the cumulative chart of new incubated firms holds the plan schedule 30/60/90/120 and the actuals to date only', () => {
    const chart = charts.find((c) => c.name === 'cumulative-new_incubated_firms');
    expect(chart).toBeDefined();
    const values = inlineValues(chart as Chart);
    const planned = new Map(values.filter((v) => v.series === '计划进度').map((v) => [v.quarter, v.value]));
    expect([...planned.entries()]).toEqual([[1, 30], [2, 60], [3, 90], [4, 120]]);
    const actuals = values.filter((v) => 'actual' in v && v.year === 2023 && v.indicator === 'new_incubated_firms');
    expect([...new Set(actuals.map((v) => v.quarter))].sort()).toEqual([1, 2]);
    expect(actuals.find((v) => v.quarter === 2)?.actual).toBe(57);
  });

  it('labels figures as analysts write them: % with 2 decimals, gaps of rates in 个百分点, counts as integers', () => {
    const ranking = charts.find((c) => c.name === 'ranking-rd_intensity') as Chart;
    const labels = inlineValues(ranking).flatMap((v) => (typeof v.label === 'string' ? [v.label] : []));
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.every((l) => /^\d+\.\d{2}%\u3000差距 [+-]?\d+\.\d{2}个百分点$/.test(l))).toBe(true);
    const card = charts.find((c) => c.name === `scorecard-${data.regions[0]?.code}`) as Chart;
    const firms = inlineValues(card).find((v) => v.indicator === 'new_incubated_firms');
    expect(firms?.actual_label).toBe('57家');
    expect(firms?.gap_label).toBe('-3家');
    expect(firms?.attainment_label).toBe('95.00%');
  });

  it('ranks regions best first and names the ones it cannot rank', () => {
    const ranking = charts.find((c) => c.name === 'ranking-rd_intensity') as Chart;
    const attainments = inlineValues(ranking).map((v) => v.attainment).filter((a): a is number => typeof a === 'number');
    expect(attainments.length).toBeGreaterThan(1);
    expect([...attainments].sort((a, b) => b - a)).toEqual(attainments);
    const firms = charts.find((c) => c.name === 'ranking-new_incubated_firms') as Chart;
    expect(JSON.stringify(firms.spec.title)).toContain('未排名');
  });

  it('uses one status colour scale, with all seven statuses in Chinese, in every chart that colours by status', () => {
    const scales = charts.flatMap((c) => JSON.stringify(c.spec).match(/"domain":\["已完成"[^\]]*\],"range":\[[^\]]*\]/g) ?? []);
    expect(scales.length).toBeGreaterThanOrEqual(charts.length - charts.filter((c) => c.kind === 'trend').length);
    expect(new Set(scales.filter((s) => s.includes(statusColors.completed))).size).toBe(1);
    expect(scales[0]).toContain('"已完成","达到序时","预警","滞后","年末考核","无数据","无目标"');
  });

  it('Chinese text is measured with the real font: a CJK character is 1 em, not the 0.8 em guess', async () => {
    const fonts = await loadChartFonts();
    expect(measureText(fonts, '宿迁市', 10)).toBeCloseTo(30, 5);
    expect(measureText(fonts, 'iiii', 10)).toBeLessThan(measureText(fonts, 'WWWW', 10));
  });
});

describe('golden SVGs', () => {
  for (const kind of chartKinds) {
    it(`the first ${kind} chart of the sample draws as its golden SVG`, async () => {
      const chart = chartCatalog[kind](data)[0] as Chart;
      const svg = normalizeSvg((await renderSvg(chart.spec)).svg);
      const file = join('tests/golden/charts', `${kind}.svg`);
      if (update) await writeFile(file, svg);
      expect(svg).toBe(await readFile(file, 'utf8'));
    });
  }
});
