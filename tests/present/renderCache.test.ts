import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chart } from '../../src/present/charts/chart.js';
import { chartCatalog } from '../../src/present/charts/chartCatalog.js';
import type { ChartFonts } from '../../src/present/render/chartFonts.js';
import { loadChartFonts } from '../../src/present/render/chartFonts.js';
import { drawSvgs } from '../../src/present/render/drawCharts.js';
import { cachedSubsetFonts, subsetFonts } from '../../src/present/render/fontSubset.js';
import { cacheKey, defaultCacheFolder, renderCache } from '../../src/present/render/renderCache.js';
import { renderSvg } from '../../src/present/render/renderSvg.js';
import { chartTextMeasure, useChartTextMetrics } from '../../src/present/render/textMetrics.js';
import { tempDir } from '../support/fixture.js';
import { sampleReportData } from '../support/sampleReport.js';

let fonts: ChartFonts;
let charts: Chart[];

beforeAll(async () => {
  const data = await sampleReportData('2023Q2');
  fonts = await loadChartFonts();
  useChartTextMetrics(fonts);
  charts = chartCatalog.trend(data, chartTextMeasure(fonts)).slice(0, 2);
  expect(charts).toHaveLength(2);
}, 60_000);

const svgEntries = async (folder: string): Promise<string[]> => readdir(join(folder, 'svg')).catch(() => []);

describe('the drawing cache', () => {
  it('gives the same SVG as drawing, and keeps one entry per spec', async () => {
    const folder = await tempDir('kpi-cache-');
    const specs = charts.map((c) => c.spec);
    const drawn = await Promise.all(specs.map((spec) => renderSvg(spec)));
    const first = drawSvgs(specs, fonts, 'test', renderCache(folder));
    expect(await Promise.all(specs.map((_, i) => first(i)))).toEqual(drawn);
    expect(await svgEntries(folder)).toHaveLength(2);
    const again = drawSvgs(specs, fonts, 'test', renderCache(folder));
    expect(await Promise.all(specs.map((_, i) => again(i)))).toEqual(drawn);
    expect(await svgEntries(folder)).toHaveLength(2);
  });

  it('a second run reads what the first drew, and a changed spec or engine version is drawn again', async () => {
    const folder = await tempDir('kpi-cache-');
    const [spec] = charts.map((c) => c.spec);
    if (!spec) throw new Error('no spec');
    await drawSvgs([spec], fonts, 'test', renderCache(folder))(0);
    // Marks the entry, so that a read of it shows.
    const [entry] = await svgEntries(folder);
    await writeFile(join(folder, 'svg', entry ?? ''), JSON.stringify({ svg: '<svg>cached</svg>', warnings: [] }));
    expect((await drawSvgs([spec], fonts, 'test', renderCache(folder))(0)).svg).toBe('<svg>cached</svg>');
    const changed = { ...spec, title: 'another title' } as typeof spec;
    expect((await drawSvgs([changed], fonts, 'test', renderCache(folder))(0)).svg).not.toBe('<svg>cached</svg>');
    expect((await drawSvgs([spec], fonts, 'test 2', renderCache(folder))(0)).svg).not.toBe('<svg>cached</svg>');
    expect(await svgEntries(folder)).toHaveLength(3);
  });

  it('draws again over an entry it cannot read, and a cache it cannot write only costs the drawing', async () => {
    const folder = await tempDir('kpi-cache-');
    const [spec] = charts.map((c) => c.spec);
    if (!spec) throw new Error('no spec');
    const expected = await renderSvg(spec);
    await drawSvgs([spec], fonts, 'test', renderCache(folder))(0);
    const [entry] = await svgEntries(folder);
    await writeFile(join(folder, 'svg', entry ?? ''), '{"svg": 3');
    expect(await drawSvgs([spec], fonts, 'test', renderCache(folder))(0)).toEqual(expected);
    // A file where the folder should be: nothing can be written under it.
    const blocked = join(folder, 'blocked');
    await writeFile(blocked, '');
    expect(await drawSvgs([spec], fonts, 'test', renderCache(blocked))(0)).toEqual(expected);
  });

  it('cuts the same font subset bytes as without it, and serves them from the cache the second time', async () => {
    const folder = await tempDir('kpi-cache-');
    const text = '宿迁市主要指标完成情况';
    const plain = subsetFonts(fonts, text, '宿迁市');
    const first = await cachedSubsetFonts(fonts, text, '宿迁市', renderCache(folder));
    const second = await cachedSubsetFonts(fonts, text, '宿迁市', renderCache(folder));
    // opentype.js stamps the head table with the time it writes (bytes 20–35 of the table): the rest is the same.
    expect(first.regular.byteLength).toBe(plain.regular.byteLength);
    expect([...first.characters]).toEqual([...plain.characters]);
    expect(Buffer.from(second.regular).equals(Buffer.from(first.regular))).toBe(true);
    expect(Buffer.from(second.bold).equals(Buffer.from(first.bold))).toBe(true);
    expect(await readdir(join(folder, 'font'))).toHaveLength(2);
    await cachedSubsetFonts(fonts, `${text}通报`, '宿迁市', renderCache(folder));
    expect(await readdir(join(folder, 'font'))).toHaveLength(3);
  });

  it('prunes entries no run has used for 30 days, and keeps the rest', async () => {
    const folder = await tempDir('kpi-cache-');
    await mkdir(join(folder, 'svg'), { recursive: true });
    await writeFile(join(folder, 'svg', 'old'), 'x');
    await writeFile(join(folder, 'svg', 'recent'), 'x');
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await utimes(join(folder, 'svg', 'old'), old, old);
    await renderCache(folder).prune();
    expect(await svgEntries(folder)).toEqual(['recent']);
    expect(await readFile(join(folder, 'svg', 'recent'), 'utf8')).toBe('x');
  });

  it('keys are the parts, delimited: moving a character from one part to the next changes the key', () => {
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey('ab', 'c')).toBe(cacheKey('ab', 'c'));
    expect(cacheKey(new Uint8Array([1, 2]))).not.toBe(cacheKey(new Uint8Array([1]), new Uint8Array([2])));
  });

  it('lives in $KPI_CACHE_DIR, else under $XDG_CACHE_HOME or ~/.cache', () => {
    expect(defaultCacheFolder({ KPI_CACHE_DIR: '/c' })).toBe('/c');
    expect(defaultCacheFolder({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'kpi'));
    expect(defaultCacheFolder({})).toMatch(/\.cache[/\\]kpi$/);
  });
});
