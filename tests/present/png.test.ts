import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartCatalog } from '../../src/present/charts/chartCatalog.js';
import { loadChartFonts } from '../../src/present/render/chartFonts.js';
import { subsetFonts } from '../../src/present/render/fontSubset.js';
import type { Raster } from '../../src/present/render/renderPng.js';
import { rasterize, renderPng } from '../../src/present/render/renderPng.js';
import { renderSvg } from '../../src/present/render/renderSvg.js';
import { chartTextMeasure, useChartTextMetrics } from '../../src/present/render/textMetrics.js';
import { sampleReportData } from '../support/sampleReport.js';

/** Pixels darker than mid-grey inside a box (in raster pixels). */
function darkPixels(r: Raster, box: { x: number; y: number; w: number; h: number }): number {
  let n = 0;
  for (let y = box.y; y < Math.min(r.height, box.y + box.h); y++) {
    for (let x = box.x; x < Math.min(r.width, box.x + box.w); x++) {
      const i = (y * r.width + x) * 4;
      if ((r.pixels[i] ?? 255) + (r.pixels[i + 1] ?? 255) + (r.pixels[i + 2] ?? 255) < 3 * 110) n++;
    }
  }
  return n;
}

let svg: string;
let fontFiles: string[];

beforeAll(async () => {
  const data = await sampleReportData('2023Q2');
  const fonts = await loadChartFonts();
  useChartTextMetrics(fonts);
  const chart = chartCatalog.trend(data, chartTextMeasure(fonts))[0];
  if (!chart) throw new Error('the sample has no trend chart');
  svg = (await renderSvg(chart.spec)).svg;
  const subset = subsetFonts(fonts, svg.replace(/<[^>]*>/g, ''));
  const dir = await mkdtemp(join(tmpdir(), 'kpi-png-'));
  fontFiles = [join(dir, 'regular.otf'), join(dir, 'bold.otf')];
  await writeFile(fontFiles[0] as string, subset.regular);
  await writeFile(fontFiles[1] as string, subset.bold);
}, 60_000);

describe('PNG rendering', () => {
  it('draws the Chinese title: ink in the title area with the CJK font, none without it', async () => {
    const withFont = await rasterize(svg, fontFiles);
    const noFont = await rasterize(svg, []);
    expect(withFont.width).toBe(noFont.width);
    // The title (宿迁市… in bold 15 px) sits in the top-left 40 px band at scale 2.
    const titleBox = { x: 0, y: 0, w: Math.round(withFont.width * 0.6), h: 2 * 40 };
    expect(darkPixels(withFont, titleBox)).toBeGreaterThan(500);
    expect(darkPixels(noFont, titleBox)).toBe(0);
    expect(Buffer.compare(await renderPng(svg, fontFiles), await renderPng(svg, []))).not.toBe(0);
  });

  it('writes a real PNG at twice the SVG size', async () => {
    const png = await renderPng(svg, fontFiles);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
  });
});
