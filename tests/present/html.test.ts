import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import opentype from 'opentype.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCharts } from '../../src/present/charts/chartCatalog.js';
import { renderReportHtml } from '../../src/present/html/renderReportHtml.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import type { ReportFiles } from '../../src/present/report/renderReport.js';
import { renderReport } from '../../src/present/report/renderReport.js';
import { sampleReportData } from '../support/sampleReport.js';

let data: ReportData;
let files: ReportFiles;
let html: string;

beforeAll(async () => {
  data = await sampleReportData('2023Q2');
  files = await renderReport(data, await mkdtemp(join(tmpdir(), 'kpi-html-')), { engineVersion: 'test' });
  html = await readFile(files.html, 'utf8');
}, 60_000);

/** The `<tr>` of the headline table for one indicator. */
const headlineRow = (indicator: string): string => new RegExp(`<tr data-indicator="${indicator}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';

describe('the HTML report', () => {
  it('is one self-contained file: no scripts, nothing fetched from anywhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
  });

  it('embeds both weights of the chart font: regular with a glyph for every character the page shows, bold for every bold one', () => {
    const faces = [...html.matchAll(/font-weight:(\d+);[^}]*base64,([A-Za-z0-9+/=]+)/g)];
    expect(faces.map((f) => f[1])).toEqual(['400', '700']);
    const cjk = (text: string) => [...new Set(text.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? [])];
    const page = cjk(html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ''));
    const boldParts = [
      ...[...html.matchAll(/<(h[1-3]|th|b)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2] ?? ''),
      ...[...html.matchAll(/<text[^>]*font-weight="bold"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1] ?? ''),
    ];
    const bold = cjk(boldParts.join('').replace(/<[^>]*>/g, ''));
    expect(page.length).toBeGreaterThan(200);
    expect(bold.length).toBeGreaterThan(50);
    for (const [face, needed] of [
      [faces[0], page],
      [faces[1], bold],
    ] as const) {
      const bytes = Buffer.from(face?.[2] ?? '', 'base64');
      const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      expect(needed.filter((c) => font.charToGlyph(c).index === 0), `weight ${face?.[1]}`).toEqual([]);
    }
  });

  it('inlines every chart of the report as SVG, with ids that cannot collide', () => {
    for (const chart of files.charts) expect(html).toContain(`data-chart="${chart.name}"`);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(reportCharts(data).length);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('heads with the city table: target, actual, 完成率, 序时进度, 超/落后序时 and 牵头单位, as analysts write them', () => {
    const rd = headlineRow('rd_intensity');
    for (const cell of ['>2.20<', '>2.15<', '>97.75%<', '>100.00%<', '>-2.25<', 'class="status-warning">预警<', '市科技局']) expect(rd).toContain(cell);
    const firms = headlineRow('new_incubated_firms');
    for (const cell of ['>120<', '>60<', '>57<', '>95.00%<', '>50.00%<', '>-2.50<']) expect(firms).toContain(cell);
    expect(html.match(/<tr data-indicator=/g)).toHaveLength(data.indicators.length);
  });

  it('lists data-quality warnings with variables named, and a footnote per indicator with its formula and unit', () => {
    expect(html).toMatch(/[七八]、数据质量提示/);
    expect(html).toMatch(/宿迁市 · 全社会R&amp;D经费支出占GDP比重：数据质量[^<]*R&amp;D经费支出 2023Q2[^<]*1\.02%/);
    for (const ind of data.indicators) {
      const note = new RegExp(`<tr id="note-${ind.id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
      expect(note, ind.id).toContain(`<code>${ind.formula.replaceAll('&', '&amp;')}</code>`);
      expect(note, ind.id).toContain(ind.unit);
    }
  });

  it('escapes names and notes, so data can never inject markup', () => {
    const hostile: ReportData = {
      ...data,
      regions: data.regions.map((r, i) => (i === 1 ? { ...r, name: '<img src=x onerror=alert(1)>' } : r)),
    };
    const page = renderReportHtml(hostile, [], { engineVersion: 'test' });
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
  });
});
