import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.js';

/** Opens a report.html from disk, offline, with its embedded fonts loaded. */
export async function openReport(browser: Browser, html: string): Promise<Page> {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * Prints a report.html to `pdf` the way a reader's 打印 → 另存为 PDF does:
 * the page's own `@page` rules decide the paper (A4 landscape), the margins
 * and the running header and footer, so the PDF and the print dialog give
 * the same pages. No `displayHeaderFooter`: the page's margin boxes already
 * carry the page number and the period, and Chromium's templates would only
 * print them a second time. In `browser` when given, else in a headless
 * Chromium of its own.
 */
export async function printPdf(html: string, pdf: string, browser?: Browser): Promise<void> {
  if (browser) {
    const page = await openReport(browser, html);
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.context().close();
    return;
  }
  if (!chromiumPath) throw new Error('no Chromium: set CHROMIUM_PATH or apt-get install chromium');
  const own = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await printPdf(html, pdf, own);
  } finally {
    await own.close();
  }
}

/** A program of poppler-utils (pdftotext, pdftoppm), when installed. */
export const popplerTool = (name: 'pdftotext' | 'pdftoppm'): string | undefined => [`/usr/bin/${name}`, `/usr/local/bin/${name}`].find((p) => existsSync(p));

/**
 * Each page's text, first page first, as pdftotext gives it in `-raw` mode:
 * in the order it was drawn, which for a page Chromium printed is document
 * order. pdftotext ends every page with a form feed.
 */
export async function pdfPages(pdf: string): Promise<string[]> {
  const pdftotext = popplerTool('pdftotext');
  if (!pdftotext) throw new Error('no pdftotext: apt-get install poppler-utils');
  const { stdout } = await promisify(execFile)(pdftotext, ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** One page of a PDF as a PNG at `dpi` (pdftoppm). */
export async function pdfPagePng(pdf: string, page: number, dpi: number, png: string): Promise<void> {
  const pdftoppm = popplerTool('pdftoppm');
  if (!pdftoppm) throw new Error('no pdftoppm: apt-get install poppler-utils');
  await promisify(execFile)(pdftoppm, ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, png.replace(/\.png$/, '')]);
}

/*
 * Reading a printed 通报 back: the text of the HTML it was printed from (its
 * headings, its charts' SVG text) and where that text landed among the PDF's
 * pages. pdftotext's `-raw` mode gives each page's text in the order it was
 * drawn, which for a page printed by Chromium is document order, so the
 * texts of one chart come out together, in the order of the SVG.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an HTML fragment: tags dropped, entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&([a-z]+);/g, (whole, name: string) => entities[name] ?? whole);
}

/** Text without any white space, so a line broken differently in the PDF still matches. */
export const squeeze = (text: string): string => text.replace(/[\s\u3000]+/g, '');

/** A heading or a chart of the page, in document order, with the text it prints. */
export type PrintedPart =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'chart'; readonly name: string; readonly texts: readonly string[] };

/** The page's h2/h3 headings and its charts (each with its SVG's texts), in document order. */
export function printedParts(html: string): PrintedPart[] {
  const body = html.replace(/<style[\s\S]*?<\/style>/g, '');
  const parts: PrintedPart[] = [];
  for (const m of body.matchAll(/<h([23])\b[^>]*>([\s\S]*?)<\/h\1>|<figure class="chart" data-chart="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)) {
    if (m[1] !== undefined) parts.push({ kind: 'heading', level: Number(m[1]), text: plainText(m[2] ?? '').trim() });
    else {
      const texts = [...(m[4] ?? '').matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((t) => plainText(t[1] ?? '')).filter((t) => squeeze(t) !== '');
      parts.push({ kind: 'chart', name: m[3] ?? '', texts });
    }
  }
  return parts;
}

/** A place in the printed text: a page (0-based) and an offset in its squeezed text. */
export interface Place {
  readonly page: number;
  readonly at: number;
}

/**
 * The printed pages' text, squeezed, searched front to back: each part of the
 * document is looked for after the one before it, so a short text (a region's
 * name) is found where it is printed, not wherever it first occurs.
 */
export class PrintedPages {
  readonly pages: readonly string[];
  private cursor: Place = { page: 0, at: 0 };

  /** `pages` as pdftotext gives them; `ignore` drops lines that are not the body (the running header and footer). */
  constructor(pages: readonly string[], ignore: (line: string) => boolean) {
    this.pages = pages.map((p) =>
      p
        .split('\n')
        .filter((line) => !ignore(squeeze(line)))
        .map(squeeze)
        .join(''),
    );
  }

  /** Where `text` is next printed, or undefined when it is not printed whole on any page from here on; moves past it when found. */
  next(text: string): Place | undefined {
    const needle = squeeze(text);
    for (let page = this.cursor.page; page < this.pages.length; page++) {
      const at = (this.pages[page] ?? '').indexOf(needle, page === this.cursor.page ? this.cursor.at : 0);
      if (at >= 0) {
        this.cursor = { page, at: at + needle.length };
        return { page, at };
      }
    }
    return undefined;
  }
}
