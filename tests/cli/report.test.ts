import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/loadCatalog.js';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

describe('kpi report', () => {
  let work: string;

  beforeAll(async () => {
    work = await tempDir('kpi-report-cli-');
    expect(await main(['run', '--data', 'data/suqian', '--out', work, '--no-report', '--quiet'], fakeTerminal())).toBe(0);
  }, 60_000);

  it('--no-report leaves the run folder without a report', () => {
    expect(existsSync(join(work, 'report-2023Q4'))).toBe(false);
  });

  it('a report made later from the store lists the data-quality checks the run found (stored with the run), as quality.csv does', async () => {
    const out = join(work, 'report-quality');
    expect(await main(['report', '--period', '2023Q2', '--out', out, '--quiet'], fakeTerminal())).toBe(0);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    const table = /<table class="quality-list">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const csv = (await readFile(join(work, 'quality.csv'), 'utf8')).split('\r\n').slice(1).filter((l) => l.includes(',2023Q2,'));
    const listed = csv.filter((l) => !l.startsWith('MISSING_REPORT,'));
    expect(listed.length).toBeGreaterThan(0);
    expect((table.match(/<tr>/g) ?? []).length - 1).toBe(listed.length);
    expect(table).toContain('上级与下级合计不符');
  }, 60_000);

  it('renders one period into the folder given, finding the database in its parent, with progress on stderr', async () => {
    const term = fakeTerminal();
    const out = join(work, 'report-2023Q2');
    expect(await main(['report', '--period', '2023Q2', '--out', out], term)).toBe(0);
    const charts = await readdir(join(out, 'charts'));
    const names = [...new Set(charts.map((f) => f.replace(/\.(vl\.json|svg|png)$/, '')))];
    for (const name of names) for (const ext of ['.vl.json', '.svg']) expect(charts, name).toContain(`${name}${ext}`);
    // PNGs only with --png: the page and the workbook need none.
    expect(charts.filter((f) => f.endsWith('.png'))).toEqual([]);
    expect(names).toContain('heatmap');
    expect(names.filter((n) => n.startsWith('scorecard-'))).toHaveLength(10);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'report.xlsx'))).toBe(true);
    expect(charts.some((f) => f.endsWith('.partial'))).toBe(false);
    expect(term.stdout.join('\n')).toContain('2023Q2');
    expect(term.stderr.some((l) => l.includes('绘制图表'))).toBe(true);
    // The .vl.json is the spec other dashboards embed: Vega-Lite v6 with its data inline.
    const spec = JSON.parse(await readFile(join(out, 'charts', 'heatmap.vl.json'), 'utf8')) as { $schema: string; data: { values: unknown[] } };
    expect(spec.$schema).toContain('vega-lite/v6');
    // One cell per indicator and region it applies to: the plan quantities only for the city.
    const indicators = (await loadCatalog('metrics')).indicators;
    const cityOnly = indicators.filter((i) => i.applies_to?.root === true).length;
    expect(cityOnly).toBeGreaterThan(0);
    // The heatmap continues as heatmap-2, … when it would not print whole on a page; its parts hold every cell once.
    let cells = 0;
    for (const part of names.filter((n) => /^heatmap(-\d+)?$/.test(n))) {
      cells += (JSON.parse(await readFile(join(out, 'charts', `${part}.vl.json`), 'utf8')) as { data: { values: unknown[] } }).data.values.length;
    }
    expect(cells).toBe((indicators.length - cityOnly) * 10 + cityOnly);
  }, 60_000);

  it('--png also draws every chart as a PNG; a report drawn from the cache is the same files as one drawn afresh', async () => {
    const cache = await tempDir('kpi-report-cache-');
    const saved = process.env.KPI_CACHE_DIR;
    process.env.KPI_CACHE_DIR = cache;
    try {
      const withPng = join(work, 'report-png');
      expect(await main(['report', '--period', '2023Q3', '--out', withPng, '--png', '--quiet'], fakeTerminal())).toBe(0);
      const charts = await readdir(join(withPng, 'charts'));
      const svgs = charts.filter((f) => f.endsWith('.svg'));
      expect(svgs.length).toBeGreaterThan(10);
      for (const svg of svgs) expect(charts).toContain(svg.replace(/\.svg$/, '.png'));
      const cached = join(work, 'report-cached');
      const afresh = join(work, 'report-afresh');
      expect(await main(['report', '--period', '2023Q3', '--out', cached, '--png', '--quiet'], fakeTerminal())).toBe(0);
      expect(await main(['report', '--period', '2023Q3', '--out', afresh, '--png', '--no-cache', '--quiet'], fakeTerminal())).toBe(0);
      for (const file of charts) {
        const drawn = await readFile(join(afresh, 'charts', file));
        expect((await readFile(join(cached, 'charts', file))).equals(drawn), file).toBe(true);
        expect((await readFile(join(withPng, 'charts', file))).equals(drawn), file).toBe(true);
      }
      expect(await readFile(join(cached, 'report.xlsx'))).toEqual(await readFile(join(afresh, 'report.xlsx')));
      expect((await readdir(join(cache, 'svg'))).length).toBe(svgs.length);
    } finally {
      if (saved === undefined) delete process.env.KPI_CACHE_DIR;
      else process.env.KPI_CACHE_DIR = saved;
    }
  }, 120_000);

  it('takes the latest period when none is given', async () => {
    const term = fakeTerminal();
    expect(await main(['report', '--db', join(work, 'kpi.duckdb'), '--out', join(work, 'latest'), '--quiet'], term)).toBe(0);
    expect(term.stdout.join('\n')).toContain('2023Q4');
  }, 60_000);

  it('exits 1 naming the periods it has when asked for one without results', async () => {
    const term = fakeTerminal();
    expect(await main(['report', '--period', '2030Q1', '--db', join(work, 'kpi.duckdb'), '--out', join(work, 'none')], term)).toBe(1);
    const text = term.stderr.join('\n');
    expect(text).toContain('UNKNOWN_PERIOD');
    expect(text).toContain('2023Q2');
    expect(existsSync(join(work, 'none'))).toBe(false);
  });

  it('exits 3 when there is no database, saying where it looked', async () => {
    const term = fakeTerminal();
    const empty = await tempDir('kpi-empty-');
    expect(await main(['report', '--out', join(empty, 'r')], term)).toBe(3);
    expect(term.stderr.join('\n')).toContain(join(empty, 'r', 'kpi.duckdb'));
  });

  it('exits 2 on a malformed period or a missing --out, and explains itself with --help', async () => {
    expect(await main(['report', '--period', '2023-Q2', '--out', work], fakeTerminal())).toBe(2);
    expect(await main(['report', '--period', '2023Q2'], fakeTerminal())).toBe(2);
    const term = fakeTerminal();
    expect(await main(['report', '--help'], term)).toBe(0);
    expect(term.stdout.join('\n')).toContain('kpi report --period 2023Q2');
  });
});
