/// <reference lib="dom" />
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colophonHeading } from '../../src/present/html/colophon.js';
import { printedPage, runningText } from '../../src/present/html/printPage.js';
import type { ReportData } from '../../src/present/report/reportData.js';
import { renderReport } from '../../src/present/report/renderReport.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.js';
import type { PrintedPart } from '../support/printPdf.js';
import { openReport, pdfPagePng, pdfPages, popplerTool, PrintedPages, printedParts, printPdf, squeeze } from '../support/printPdf.js';
import { sampleReportData } from '../support/sampleReport.js';

const suite = chromiumPath
  ? 'the 通报 printed to PDF (A4 landscape, headless Chromium)'
  : 'the 通报 printed to PDF — skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)';
const pdftotext = popplerTool('pdftotext');
/** Checks that read the pages' text need pdftotext; without it they say so in their name. */
const reading = (name: string): string => (pdftotext ? name : `${name} — skipped: no pdftotext (apt-get install poppler-utils)`);

const mmToPx = 96 / 25.4;
/** The body's box on paper, in CSS px: what a chart must fit in to print whole. */
const body = {
  width: (printedPage.width - printedPage.margin.left - printedPage.margin.right) * mmToPx,
  height: (printedPage.height - printedPage.margin.top - printedPage.margin.bottom) * mmToPx,
};

/**
 * At most this many pages for the sample 2023Q4 通报, each chart at its
 * natural size: the headline table 1, the heatmap's two parts 2, 16
 * cumulative charts two to a page 8 (two rows of them are taller than a
 * page), 11 rankings four to a page 3, 10 regions one to a page 10 (a
 * scorecard is over half a page), 28 trends six to a page 5, the plan and
 * its 87 overdue milestones with the data-quality note 4, the indicator
 * notes and the colophon 2: 35, and one page of slack for a table that
 * wraps differently. The same report printed 45 pages before it had a print
 * layout; a page more than this means something no longer fits where it did.
 */
const maxPages = 36;

describe.skipIf(!chromiumPath)(suite, () => {
  let browser: Browser;
  let data: ReportData;
  let html: string;
  let pdf: string;
  let pageCount: number;
  /** Each page's text (pdftotext -raw), when pdftotext is installed. */
  let pages: string[] = [];
  /** Each chart's height as printed (print media, the page's body width), in CSS px. */
  let heights: Map<string, number>;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'kpi-print-'));
    data = await sampleReportData('2023Q4');
    const files = await renderReport(data, out, { engineVersion: 'test' });
    html = await readFile(files.html, 'utf8');
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await openReport(browser, files.html);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor(body.width), height: Math.floor(body.height) });
    const boxes = await page.$$eval('figure.chart', (figures) => figures.map((f) => [f.getAttribute('data-chart') ?? '', f.querySelector('svg')?.getBoundingClientRect().height ?? 0] as const));
    heights = new Map(boxes);
    await page.context().close();
    pdf = join(out, 'report.pdf');
    await printPdf(files.html, pdf, browser);
    pageCount = (await readFile(pdf)).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    if (pdftotext) pages = await pdfPages(pdf);
    if (popplerTool('pdftoppm')) await refresh('docs/report-print-after-p1.png', async (png) => pdfPagePng(pdf, 1, 60, png));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  const running = () => runningText(data);
  /** The running header and footer lines, which are not the body. */
  const marginLine = (line: string): boolean => /^第\d+页\/共\d+页$/.test(line) || line === squeeze(`${running().title}${running().period}`);
  const parts = (): PrintedPart[] => printedParts(html);

  it(`prints the sample on at most ${maxPages} A4 landscape pages`, async () => {
    const size = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec((await readFile(pdf)).toString('latin1'));
    expect([Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))]).toEqual([842, 595]); // A4 landscape in points
    expect(pageCount).toBeGreaterThan(10);
    expect(pageCount).toBeLessThanOrEqual(maxPages);
  });

  it.skipIf(!pdftotext)(reading('puts the page number, the page count and the period on every page'), () => {
    expect(pages).toHaveLength(pageCount);
    pages.forEach((text, i) => {
      const page = squeeze(text);
      expect(page, `page ${i + 1}`).toContain(`第${i + 1}页/共${pageCount}页`);
      expect(page, `page ${i + 1}`).toContain(squeeze(running().period));
    });
  });

  it.skipIf(!pdftotext)(reading('never ends a page on a heading, and keeps each heading on the page of what follows it'), () => {
    const headings = new Set(parts().flatMap((p) => (p.kind === 'heading' ? [squeeze(p.text)] : [])));
    const lastLines = pages.map((text) => squeeze(text.split('\n').filter((line) => squeeze(line) !== '' && !marginLine(squeeze(line))).at(-1) ?? ''));
    expect(lastLines.flatMap((line, i) => (headings.has(line) ? [`page ${i + 1} ends on 「${line}」`] : []))).toEqual([]);

    const printed = new PrintedPages(pages, marginLine);
    const apart: string[] = [];
    let heading: { text: string; page: number } | undefined;
    for (const part of parts()) {
      if (part.kind === 'heading') {
        const at = printed.next(part.text);
        expect(at, `heading 「${part.text}」 printed`).toBeDefined();
        heading = { text: part.text, page: at?.page ?? -1 };
        continue;
      }
      const at = printed.next(part.texts.join('')) ?? printed.next(part.texts.at(-1) ?? '');
      if (heading && at && at.page !== heading.page) apart.push(`「${heading.text}」 on page ${heading.page + 1}, its chart ${part.name} on page ${at.page + 1}`);
      heading = undefined;
    }
    expect(apart).toEqual([]);
  });

  it.skipIf(!pdftotext)(reading('prints every chart that fits on a page whole on one page'), () => {
    const printed = new PrintedPages(pages, marginLine);
    const split: string[] = [];
    for (const part of parts()) {
      if (part.kind !== 'chart') continue;
      expect(part.texts.length, part.name).toBeGreaterThan(3);
      const whole = printed.next(part.texts.join(''));
      if (whole) continue;
      if ((heights.get(part.name) ?? Infinity) <= body.height) split.push(part.name);
      printed.next(part.texts.at(-1) ?? '');
    }
    expect(split).toEqual([]);
  });

  it('draws every chart small enough to print whole on one page at its natural size', () => {
    expect(heights.size).toBe(parts().filter((p) => p.kind === 'chart').length);
    const tooTall = [...heights].filter(([, height]) => height > body.height).map(([name, height]) => `${name}: ${Math.round(height)} px > ${Math.round(body.height)} px`);
    expect(tooTall).toEqual([]);
  });

  it.skipIf(!pdftotext)(reading('keeps period codes and engine words out of the body: only the colophon at the end names the run and the engine'), () => {
    const all = pages.map(squeeze);
    const colophonPage = all.findLastIndex((p) => p.includes(colophonHeading));
    expect(colophonPage, 'the colophon is printed').toBe(pageCount - 1);
    const bodyText = [...all.slice(0, colophonPage), all[colophonPage]?.split(colophonHeading)[0] ?? ''];
    const found = bodyText.flatMap((text, i) => ['2023Q', '运行#', 'kpi-engine', '数据计算于'].filter((word) => text.includes(word)).map((word) => `page ${i + 1}: ${word}`));
    expect(found).toEqual([]);
    const colophon = all[colophonPage]?.split(colophonHeading)[1] ?? '';
    for (const word of [`运行#${data.runId}`, 'kpi-enginetest', '+08:00（北京时间）']) expect(colophon).toContain(word);
  });
});

/** Writes a generated picture under docs/ only when its bytes changed, so a test run leaves an unchanged file alone. */
async function refresh(file: string, make: (path: string) => Promise<void>): Promise<void> {
  const scratch = join(await mkdtemp(join(tmpdir(), 'kpi-png-')), 'page.png');
  await make(scratch);
  const fresh = await readFile(scratch);
  const old = await readFile(file).catch(() => undefined);
  if (!old?.equals(fresh)) await writeFile(file, fresh);
}
