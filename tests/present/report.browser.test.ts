/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/present/report/renderReport.js';
import type { ReportFiles } from '../../src/present/report/renderReport.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.js';
import { sampleReportData } from '../support/sampleReport.js';

const suite = chromiumPath
  ? 'the HTML report in headless Chromium'
  : 'the HTML report in headless Chromium — skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)';

describe.skipIf(!chromiumPath)(suite, () => {
  let browser: Browser;
  let files: ReportFiles;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'kpi-html-'));
    files = await renderReport(await sampleReportData('2023Q2'), out, { engineVersion: 'test' });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from disk with the network off: no console errors, no failed or outside requests, every chart drawn, the embedded font used', async () => {
    const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      if (route.request().url().startsWith('file:')) await route.continue();
      else await route.abort();
    });
    await page.goto(pathToFileURL(resolve(files.html)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);

    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);

    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          name: f.getAttribute('data-chart'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg?.querySelectorAll('path, rect, line').length ?? 0,
          texts: svg?.querySelectorAll('text').length ?? 0,
        };
      }),
    );
    expect(charts.map((c) => c.name).sort()).toEqual(files.charts.map((c) => c.name).sort());
    for (const c of charts) {
      expect(c.width, `${c.name} width`).toBeGreaterThan(200);
      expect(c.height, `${c.name} height`).toBeGreaterThan(100);
      expect(c.marks, `${c.name} marks`).toBeGreaterThan(3);
      expect(c.texts, `${c.name} texts`).toBeGreaterThan(3);
    }

    // The page draws with the embedded Noto Sans SC subset, so text widths are those the charts were laid out with.
    expect(await page.evaluate(() => document.fonts.check('bold 15px "Noto Sans SC"') && [...document.fonts].some((f) => f.status === 'loaded'))).toBe(true);
    // As drawn by the browser with the embedded font: no title, label or legend text outside its chart or over another.
    const clashes = await page.$$eval('figure.chart svg', (svgs) =>
      (svgs as SVGSVGElement[]).flatMap((svg) => {
        const name = svg.closest('figure')?.getAttribute('data-chart') ?? '?';
        const frame = svg.getBoundingClientRect();
        const selector = ['title', 'axis-label', 'axis-title', 'legend-label', 'legend-title'].map((r) => `g.role-${r} text`).join(', ');
        const texts = [...svg.querySelectorAll(selector)].map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
        const found: string[] = [];
        for (const t of texts) {
          if (t.box.left < frame.left - 1 || t.box.right > frame.right + 1 || t.box.top < frame.top - 1 || t.box.bottom > frame.bottom + 1) {
            found.push(`${name}: "${t.text}" outside the chart`);
          }
        }
        texts.forEach((a, i) =>
          texts.slice(i + 1).forEach((b) => {
            const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            if (w > 1 && h > 3 && a.text !== '' && b.text !== '') found.push(`${name}: "${a.text}" over "${b.text}"`);
          }),
        );
        return found;
      }),
    );
    expect(clashes).toEqual([]);

    const headline = await page.$$eval('table.headline tbody tr', (rows) => rows.length);
    expect(headline).toBe((await sampleReportData('2023Q2')).indicators.length);

    // The README's picture of the 通报 is this screenshot: refreshed by every run, written only when it changed.
    await mkdir('out/screenshots', { recursive: true });
    const shot = await page.screenshot({ path: 'out/screenshots/report-2023Q2.png', fullPage: false });
    await page.screenshot({ path: 'out/screenshots/report-2023Q2-full.png', fullPage: true });
    const docs = 'docs/report-2023Q2.png';
    if (!(await readFile(docs).catch(() => undefined))?.equals(shot)) await writeFile(docs, shot);
    await context.close();
  }, 120_000);
});
