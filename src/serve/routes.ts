import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { explainFigure } from '../engine/explainFigure.js';
import type { RunContext } from '../present/runContext.js';
import { latestPeriod, periodsOf } from '../present/runContext.js';
import { chartsOf } from '../present/charts/chartsOf.js';
import { sharedChartMeasure } from '../present/render/chartMeasure.js';
import { reportDataOf } from '../present/report/reportDataOf.js';
import type { ResultRow } from '../present/resultColumns.js';
import { resultRowsOf } from '../present/resultColumns.js';
import { resultsCsv } from '../present/resultsCsv.js';
import { listRuns } from '../store/runs.js';
import { ENGINE_VERSION } from '../version.js';
import { lookUp } from './lookup.js';
import type { ParameterSchema } from './parameters.js';
import type { parameterSchemas } from './parameters.js';
import type { Snapshot } from './publication.js';

/** What a route answers with: JSON, CSV text in slices (results.csv's format), or an HTML page. */
export type Answer =
  | { readonly json: unknown }
  | { readonly csv: Iterable<string>; readonly fileName: string }
  | { readonly html: string };

type Parsed<K extends ParameterSchema | undefined> = K extends ParameterSchema ? z.infer<(typeof parameterSchemas)[K]> : Record<string, never>;

/** What a handler is given: its parameters, validated, and the snapshot the request reads. */
interface Request<P extends ParameterSchema | undefined, Q extends ParameterSchema | undefined> {
  readonly path: Parsed<P>;
  readonly query: Parsed<Q>;
  readonly snapshot: Snapshot;
  /** The client asked for CSV (`Accept: text/csv`). */
  readonly wantsCsv: boolean;
}

/**
 * One endpoint of the API. The route table is the single source of the
 * server's routes and of its OpenAPI document: path (OpenAPI's `{name}`
 * syntax), the Zod schemas of its path and query parameters, what it
 * answers with.
 */
export interface Route<P extends ParameterSchema | undefined = ParameterSchema | undefined, Q extends ParameterSchema | undefined = ParameterSchema | undefined> {
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly pathParameters?: P;
  readonly queryParameters?: Q;
  /** The media types of a 200 answer, the first the default. */
  readonly produces: readonly ('application/json' | 'text/csv' | 'text/html')[];
  readonly handle: (request: Request<P, Q>) => Promise<Answer>;
}

const route = <P extends ParameterSchema | undefined, Q extends ParameterSchema | undefined>(r: Route<P, Q>): Route => r;

const runSelection = (run: string | undefined) => ({ runId: run === undefined ? undefined : Number(run) });
const contextOf = (snapshot: Snapshot, run: string | undefined): Promise<RunContext> => snapshot.context(runSelection(run));
const rowsOf = (snapshot: Snapshot, context: RunContext): Promise<ResultRow[]> => snapshot.memo(`rows-${context.runId}`, () => Promise.resolve(resultRowsOf(context)));

export const routes: readonly Route[] = [
  route({
    path: '/health',
    summary: '服务状态 the server is up, and which publication it serves',
    produces: ['application/json'],
    handle: async ({ snapshot }) => {
      const context = await contextOf(snapshot, undefined);
      return { json: { status: 'ok', engineVersion: ENGINE_VERSION, run: context.runId, runAt: context.runAt, publishedAt: snapshot.publishedAt.toISOString() } };
    },
  }),
  route({
    path: '/indicators',
    summary: '指标目录 the indicator catalog of a run',
    queryParameters: 'runOnly',
    produces: ['application/json'],
    handle: async ({ query, snapshot }) => {
      const { catalog } = await contextOf(snapshot, query.run);
      return { json: catalog.indicators.map(({ formulaAst: _ast, inputs: _inputs, ...definition }) => definition) };
    },
  }),
  route({
    path: '/regions',
    summary: '地区树 the regions of a run, in regions.csv order',
    queryParameters: 'runOnly',
    produces: ['application/json'],
    handle: async ({ query, snapshot }) => ({ json: (await contextOf(snapshot, query.run)).regions }),
  }),
  route({
    path: '/periods',
    summary: '有结果的期别 the periods with results, in order',
    queryParameters: 'runOnly',
    produces: ['application/json'],
    handle: async ({ query, snapshot }) => ({ json: periodsOf(await contextOf(snapshot, query.run)) }),
  }),
  route({
    path: '/runs',
    summary: '全部运行 every run in the publication, with its inputs and their hashes (as kpi runs --json)',
    produces: ['application/json'],
    handle: async ({ snapshot }) => ({ json: await snapshot.use((store) => listRuns(store)) }),
  }),
  route({
    path: '/results',
    summary: '结果 result rows (results.json\'s rows), filtered by indicator, region and period',
    description: 'JSON by default; CSV (results.csv\'s format, with a BOM) with `Accept: text/csv` or `?format=csv`.',
    queryParameters: 'results',
    produces: ['application/json', 'text/csv'],
    handle: async ({ query, snapshot, wantsCsv }) => {
      const context = await contextOf(snapshot, query.run);
      const at = lookUp(context, query);
      const rows = (await rowsOf(snapshot, context)).filter(
        (r) => (at.indicator === undefined || r.indicator === at.indicator) && (at.region === undefined || r.region === at.region) && (at.period === undefined || r.period === at.period),
      );
      const csv = query.format === 'csv' || (query.format === undefined && wantsCsv);
      return csv ? { csv: resultsCsv(rows), fileName: `results-run${context.runId}.csv` } : { json: rows };
    },
  }),
  route({
    path: '/explain/{indicator}/{region}/{period}',
    summary: '一个数字是怎样算出来的 how one figure was made (as kpi explain --json)',
    pathParameters: 'explainPath',
    queryParameters: 'runOnly',
    produces: ['application/json'],
    handle: async ({ path, query, snapshot }) => {
      const context = await contextOf(snapshot, query.run);
      const at = lookUp(context, path);
      return { json: await snapshot.use((store) => explainFigure(store, { indicator: at.indicator ?? '', region: at.region ?? '', period: path.period, runId: context.runId })) };
    },
  }),
  route({
    path: '/charts/{kind}',
    summary: '图表 the 通报\'s Vega-Lite charts of one kind (data inline), for a dashboard to embed',
    description: 'An array of charts: `{ kind, name, title, region?, indicator?, spec }`. The heatmap comes in parts.',
    pathParameters: 'chartsPath',
    queryParameters: 'charts',
    produces: ['application/json'],
    handle: async ({ path, query, snapshot }) => {
      const context = await contextOf(snapshot, query.run);
      const at = lookUp(context, query);
      const period = at.period ?? latestPeriod(context);
      if (period === null) return { json: [] };
      const measure = await sharedChartMeasure();
      const data = await snapshot.memo(`report-data-${context.runId}-${period}`, () => Promise.resolve(reportDataOf(context, period)));
      return { json: chartsOf(data, path.kind, { region: at.region, indicator: at.indicator }, measure) };
    },
  }),
  route({
    path: '/report/{period}',
    summary: '通报 the HTML report of a period, as kpi report writes it (self-contained, prints to A4)',
    pathParameters: 'reportPath',
    queryParameters: 'runOnly',
    produces: ['text/html'],
    handle: async ({ path, query, snapshot }) => {
      const context = await contextOf(snapshot, query.run);
      lookUp(context, { period: path.period });
      const html = await snapshot.memo(`report-${context.runId}-${path.period}`, () => renderedReport(context, path.period));
      return { html };
    },
  }),
];

/** The 通报's page, rendered aside and read back (the first request for a period waits for it; later ones are served from memory). */
async function renderedReport(context: RunContext, period: string): Promise<string> {
  const { renderReport } = await import('../present/report/renderReport.js');
  const folder = await mkdtemp(join(tmpdir(), 'kpi-serve-report-'));
  try {
    const files = await renderReport(reportDataOf(context, period), folder, { engineVersion: ENGINE_VERSION });
    return await readFile(files.html, 'utf8');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
