/// <reference lib="dom" />
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { chartFont } from '../../src/present/charts/chartTheme.js';
import type { RunningServer } from '../../src/serve/startServer.js';
import { startServer } from '../../src/serve/startServer.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.js';
import { tempDir } from '../support/fixture.js';
import { sampleRunAt } from '../support/sampleReport.js';

const suite = chromiumPath
  ? 'the dashboard of kpi serve (headless Chromium)'
  : 'the dashboard of kpi serve — skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)';

/** `UPDATE_SCREENSHOT=1` writes the README's picture; otherwise it stays in the test's temp folder. */
const screenshotFile = 'docs/dashboard.png';
const sections = ['scorecard', 'heatmap', 'ranking', 'trend'] as const;

interface Region {
  readonly code: string;
  readonly name: string;
  readonly parent: string | null;
}
interface Indicator {
  readonly id: string;
  readonly formula: string;
}

/** A page of the dashboard and what it did: console errors and page errors, and every request that left the server. */
interface Visit {
  readonly page: Page;
  readonly problems: string[];
  readonly outside: string[];
}

describe.skipIf(!chromiumPath)(suite, () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;
  let periods: string[];
  let regions: Region[];
  let indicators: Indicator[];
  let root: Region;
  /** A region under the root: the drill-down target. */
  let child: Region;

  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;

  beforeAll(async () => {
    folder = await tempDir('kpi-dashboard-');
    const run = await runJob({ data: 'data/suqian', out: join(folder, 'out'), now: sampleRunAt });
    if (!run.snapshot) throw new Error('the sample run published no snapshot');
    server = await startServer({ snapshot: run.snapshot.path, port: 0 });
    [periods, regions, indicators] = await Promise.all([api<string[]>('/periods'), api<Region[]>('/regions'), api<Indicator[]>('/indicators')]);
    root = regions.find((r) => r.parent === null) as Region;
    child = regions.filter((r) => r.parent === root.code)[1] as Region;
    // playwright launches with a fresh temporary profile (user-data-dir) of its own.
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the dashboard (at `hash`) in a fresh context, 1600 × 1000 as on a projector, and waits until every section has drawn. */
  async function visit(hash = '', prepare?: (page: Page) => Promise<unknown>): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const outside: string[] = [];
    const origin = new URL(server.url).origin;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== origin) outside.push(r.url());
    });
    await prepare?.(page);
    await page.goto(`${server.url}/${hash}`);
    await settled(page);
    return { page, problems, outside };
  }

  /** The page has shown its view and no section is still loading. */
  const settled = (page: Page) =>
    page.waitForFunction((kinds) => document.documentElement.dataset.state === 'ready' && kinds.every((k) => document.getElementById(k)?.dataset.state !== 'loading'), sections, { timeout: 30_000 });

  /** Waits for the scorecard of `region` to be drawn. */
  const scorecardOf = async (page: Page, region: string) => {
    await page.waitForSelector(`#scorecard[data-state="drawn"] figure[data-chart="scorecard-${region}"] svg`, { timeout: 30_000 });
    return page.locator('#scorecard svg .role-title-text').first().textContent();
  };

  /** Clicks a mark a little in from its left edge: clear of its neighbour's white border, and of the figure's text (a layer above it). */
  const clickMark = async (page: Page, selector: string) => {
    const mark = page.locator(selector).first();
    const box = await mark.boundingBox();
    await mark.click({ position: { x: Math.min(12, (box?.width ?? 8) / 4), y: (box?.height ?? 8) / 2 } });
  };

  it('draws the scorecard, the heatmap, the ranking and the trend, loading nothing from anywhere but the server', async () => {
    const { page, problems, outside } = await visit();
    for (const kind of sections) {
      expect(await page.locator(`#${kind}`).getAttribute('data-state'), kind).toBe('drawn');
      expect(await page.locator(`#${kind} figure.chart svg`).count(), kind).toBeGreaterThan(0);
    }
    expect(await page.locator('#page-title').textContent()).toBe(`${root.name}主要指标完成情况`);
    expect(await page.locator('#period').inputValue()).toBe(periods.at(-1));
    expect(await page.locator('#region').inputValue()).toBe(root.code);
    expect(await page.locator('#problem').isHidden()).toBe(true);
    // The charts are drawn in the 通报's font, served by the dashboard itself.
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`));
    expect(faces).toEqual(expect.arrayContaining([`${chartFont} 400`, `${chartFont} 700`]));

    const shot = join(await mkdtemp(join(tmpdir(), 'kpi-dashboard-shot-')), 'dashboard.png');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOT === '1') await copyFile(shot, screenshotFile);

    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('drills down to a region clicked in the heatmap, and explains the figure clicked', async () => {
    const { page, problems, outside } = await visit();
    await clickMark(page, `#heatmap .mark-rect path[aria-label*="地区: ${child.name};"]`);
    expect(await scorecardOf(page, child.code)).toContain(child.name);
    expect(await page.locator('#region').inputValue()).toBe(child.code);

    await page.waitForSelector('#explain[data-state="shown"]');
    const hash = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
    const indicator = indicators.find((i) => i.id === hash.get('indicator'));
    const panel = await page.locator('#explain').textContent();
    expect(hash.get('region')).toBe(child.code);
    expect(panel).toContain(indicator?.formula);
    expect(panel).toContain(child.name);
    expect(panel).toMatch(/第\d+行 row \d+/);

    await settled(page);
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('drills down to a region clicked in the ranking', async () => {
    const { page, problems } = await visit();
    await clickMark(page, `#ranking .mark-rect path[aria-label*="地区: ${child.name};"]`);
    expect(await scorecardOf(page, child.code)).toContain(child.name);
    expect(await page.locator('#region').inputValue()).toBe(child.code);
    await page.waitForSelector(`#trend[data-state="drawn"] svg`);
    expect(await page.locator('#trend svg .role-title-text').first().textContent()).toContain(child.name);
    await settled(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('explains a scorecard bar clicked: formula, inputs with their files and rows, target, status', async () => {
    const { page, problems } = await visit();
    await clickMark(page, '#scorecard .mark-rect path');
    await page.waitForSelector('#explain[data-state="shown"]');
    const panel = (await page.locator('#explain').textContent()) ?? '';
    for (const word of ['公式', '输入', '计算', '目标', '判定']) expect(panel).toContain(word);
    expect(panel).toContain(indicators[0]?.formula);
    await page.locator('#explain .explain-close').click();
    expect(await page.locator('#explain').isHidden()).toBe(true);
    await settled(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the view the URL hash names, again on reload, and steps back through drill-downs', async () => {
    const period = periods.at(-3) as string;
    const indicator = indicators[0]?.id as string;
    const { page, problems } = await visit(`#period=${period}&region=${child.code}&indicator=${indicator}`);
    const shows = async () => [await page.locator('#period').inputValue(), await page.locator('#region').inputValue(), await page.locator('#indicator').inputValue()];
    expect(await shows()).toEqual([period, child.code, indicator]);
    expect(await scorecardOf(page, child.code)).toContain(child.name);

    await page.reload();
    await settled(page);
    expect(await shows()).toEqual([period, child.code, indicator]);
    expect(await scorecardOf(page, child.code)).toContain(child.name);

    await page.locator('#region').selectOption(root.code);
    expect(await scorecardOf(page, root.code)).toContain(root.name);
    await page.goBack();
    expect(await scorecardOf(page, child.code)).toContain(child.name);
    expect(await shows()).toEqual([period, child.code, indicator]);
    await settled(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says what went wrong in the server\'s words when a request fails, and draws the rest', async () => {
    const message = '尚无发布的运行 nothing is published yet';
    const { page } = await visit('', (p) =>
      p.route('**/charts/heatmap*', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { status: 503, message, problems: [] } }) })),
    );
    expect(await page.locator('#problem').textContent()).toBe(message);
    expect(await page.locator('#problem').isVisible()).toBe(true);
    expect(await page.locator('#heatmap').getAttribute('data-state')).toBe('failed');
    expect(await page.locator('#scorecard').getAttribute('data-state')).toBe('drawn');
    await page.context().close();
  });
});
