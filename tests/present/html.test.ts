import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import opentype from 'opentype.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodsInWords } from '../../src/present/format/periodLabels.js';
import { colophonHeading } from '../../src/present/html/colophon.js';
import { cssString, runningCharacters, runningText } from '../../src/present/html/printPage.js';
import { regionPhrase } from '../../src/present/format/regionPhrase.js';
import { renderReportHtml } from '../../src/present/html/renderReportHtml.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import type { ReportFiles } from '../../src/present/report/renderReport.js';
import { renderReport } from '../../src/present/report/renderReport.js';
import { plainText } from '../support/printPdf.js';
import { sampleReportData } from '../support/sampleReport.js';

let data: ReportData;
let files: ReportFiles;
let html: string;

beforeAll(async () => {
  data = await sampleReportData('2023Q2');
  files = await renderReport(data, await mkdtemp(join(tmpdir(), 'kpi-html-')), { engineVersion: 'test' });
  html = await readFile(files.html, 'utf8');
}, 60_000);

/** What a reader sees of the page: the text of <main> before the colophon, charts included. */
const bodyText = (): string => plainText((/<main>([\s\S]*?)<footer class="colophon">/.exec(html)?.[1] ?? '').replace(/<style[\s\S]*?<\/style>/g, ''));

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
    // The printed page's margins (title, period, 第 … 页) are the stylesheet's content strings.
    const page = cjk(html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, '') + runningCharacters(runningText(data)));
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
    expect(html.match(/<figure class="chart"/g)).toHaveLength(files.charts.length);
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
    expect(html).toMatch(/[一二三四五六七八九十]+、数据质量提示/);
    expect(html).toMatch(/宿迁市 · 全社会R&amp;D经费支出占GDP比重：数据质量[^<]*R&amp;D经费支出 2023年二季度[^<]*1\.02%/);
    for (const ind of data.indicators) {
      const note = new RegExp(`<tr id="note-${ind.id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
      expect(note, ind.id).toContain(`<code>${ind.formula.replaceAll('&', '&amp;')}</code>`);
      expect(note, ind.id).toContain(ind.unit);
    }
  });

  it('opens with the quarter in words, then the early warnings before Q4, numbered in order from 一', () => {
    const narrative = html.indexOf('<h2>本期概况</h2>');
    const warnings = html.indexOf('一、预警清单');
    const headline = html.indexOf('二、宿迁市主要指标完成情况');
    expect(narrative).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(narrative);
    expect(headline).toBeGreaterThan(warnings);
    for (const part of ['总体情况。', '亮点。', '问题。', '下步。']) expect(html).toContain(part);
    // One row per early warning of the period, each with its lead units.
    const list = /<table class="warning-list">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect((list.match(/<tr>/g) ?? []).length - 1).toBe(data.warnings.length);
    expect(data.warnings.length).toBeGreaterThan(0);
  });

  it('escapes names and notes, so data can never inject markup', () => {
    const hostile: ReportData = {
      ...data,
      title: '"}</style><img src=y>',
      regions: data.regions.map((r, i) => (i === 1 ? { ...r, name: '<img src=x onerror=alert(1)>' } : r)),
    };
    const page = renderReportHtml(hostile, [], { engineVersion: 'test' });
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
    // The title also goes into the stylesheet, as the printed page's running header.
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(cssString('a"b\\c</style>')).toBe('"a\\22 b\\5c c\\3c /style\\3e "');
  });

  it('keeps the run and the engine out of the body: a colophon at the end says which run, when on Beijing time, and which engine', () => {
    const text = bodyText();
    expect(text.length).toBeGreaterThan(2000);
    for (const word of ['运行 #', 'kpi-engine', '数据计算于', 'run #']) expect(text, word).not.toContain(word);
    const colophon = plainText(/<footer class="colophon">([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '');
    expect(colophon).toContain(colophonHeading);
    expect(colophon).toContain(`运行 #${data.runId}`);
    expect(colophon).toContain('2024-01-20 09:00:00+08:00（北京时间）'); // the sample's run time
    expect(colophon).toContain('kpi-engine test');
    expect(html.indexOf('<footer class="colophon">')).toBeGreaterThan(html.lastIndexOf('</section>'));
  });

  it('names periods in words everywhere in the body, never as codes like 2023Q1', () => {
    expect(bodyText()).not.toMatch(/\d{4}Q[1-4]/);
    expect(bodyText()).toContain('2023年二季度');
  });

  it('says a region\'s level once in its headings: no 某市全市…, no 某市市…', () => {
    const root = data.regions.find((r) => r.parent === null)?.name ?? '';
    const headings = [...html.matchAll(/<h[1-3]\b[^>]*>([\s\S]*?)<\/h[1-3]>/g)].map((m) => plainText(m[1] ?? ''));
    expect(headings.length).toBeGreaterThan(8);
    for (const heading of headings) expect(heading).not.toMatch(new RegExp(`${root}(全市|市(?!场))`));
  });

  it('keeps each unit and each unit name on one line, so only the indicator column wraps', () => {
    for (const ind of data.indicators) {
      const cells = [...headlineRow(ind.id).matchAll(/<td\b[^>]*>[\s\S]*?<\/td>/g)].map((m) => m[0]);
      expect(cells[1], ind.id).toMatch(/^<td class="name">/);
      expect(cells[2], ind.id).toBe(`<td class="unit">${ind.unit}</td>`);
      expect(cells.at(-1), ind.id).toBe(`<td class="units">${ind.lead_units.map((u) => `<span class="unit-name">${u}</span>`).join('、')}</td>`);
    }
  });
});

describe('regionPhrase', () => {
  it('drops a word\'s 全市 or 市 that repeats the level its region\'s name ends in', () => {
    expect(regionPhrase('某某市', '全市发明专利拥有量')).toBe('某某市发明专利拥有量');
    expect(regionPhrase('某某市', '市综合金融服务平台线上撮合融资')).toBe('某某市综合金融服务平台线上撮合融资');
    expect(regionPhrase('某某县', '全县科技型中小企业数')).toBe('某某县科技型中小企业数');
    expect(regionPhrase('某某区', '区级财政科技支出')).toBe('某某区级财政科技支出');
  });

  it('leaves everything else as written: other words, words that merely begin with the character, names without a level', () => {
    expect(regionPhrase('某某市', '主要指标完成情况')).toBe('某某市主要指标完成情况');
    expect(regionPhrase('某某市', '市场监管局')).toBe('某某市市场监管局');
    expect(regionPhrase('某某区', '区域创新能力')).toBe('某某区区域创新能力');
    expect(regionPhrase('某某县', '市综合金融服务平台')).toBe('某某县市综合金融服务平台');
    expect(regionPhrase('某某新区', '全市发明专利拥有量')).toBe('某某新区发明专利拥有量');
    expect(regionPhrase('某某开发园', '全市发明专利拥有量')).toBe('某某开发园全市发明专利拥有量');
    expect(regionPhrase('某某市', '市')).toBe('某某市市');
  });
});

describe('periodsInWords', () => {
  it('spells every period code of a sentence as the 通报 prints periods, and nothing else', () => {
    expect(periodsInWords('R&D经费支出 2023Q2 本级报送 1.02，2022Q4 为 0.98')).toBe('R&D经费支出 2023年二季度 本级报送 1.02，2022年四季度 为 0.98');
    expect(periodsInWords('rd_2023Q2x 12023Q1 2023Q5')).toBe('rd_2023Q2x 12023Q1 2023Q5');
  });
});
