import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import type { ZodError, ZodType } from 'zod';
import { ZodOptional } from 'zod';
import { suggestCode } from '../check/suggestCode.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { StoreUnusableError, StoreVersionError } from '../store/store.js';
import { dashboardRoutes } from './dashboard/dashboardRoutes.js';
import { openApiDocument } from './openApi.js';
import type { ParameterSchema } from './parameters.js';
import { parameterSchemas } from './parameters.js';
import type { Publication } from './publication.js';
import type { Answer, Route } from './routes.js';
import { routes } from './routes.js';

export interface AppOptions {
  /** Web origins allowed to call the API from a browser page (CORS); none by default. */
  readonly corsOrigins?: readonly string[];
}

/**
 * The HTTP API over a publication, as a Hono app: the routes of the route
 * table, `/openapi.json` made from the same table, and the dashboard at `/`.
 * Read-only: every route answers GET (and HEAD) only.
 */
export function serverApp(publication: Publication, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.onError((e, c) => failure(c, e));
  app.notFound((c) => c.json(problemBody(404, [problem('UNKNOWN_ENDPOINT', { value: c.req.path, expected: `${routes.map((r) => r.path).join(' ')}；GET /openapi.json 列出全部 lists them all` })]), 404));
  if (options.corsOrigins && options.corsOrigins.length > 0) app.use('*', cors({ origin: [...options.corsOrigins], allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Last-Modified'] }));
  app.use('*', revalidation(publication));
  const document = openApiDocument(routes);
  app.get('/openapi.json', (c) => c.json(document));
  for (const r of routes) app.get(honoPath(r.path), async (c) => answer(c, await r.handle({ ...parameters(c, r), snapshot: await publication.snapshot(), wantsCsv: /\btext\/csv\b/.test(c.req.header('accept') ?? '') })));
  app.route('/', dashboardRoutes());
  return app;
}

/** `/explain/{indicator}` → `/explain/:indicator`. */
const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

function answer(c: Context, a: Answer): Response {
  if ('json' in a) return c.json(a.json);
  if ('html' in a) return c.html(a.html);
  return c.body([...a.csv].join(''), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `inline; filename="${a.fileName}"` });
}

/** A route's path and query parameters, validated by their Zod schemas; an unknown query parameter is a mistake, not something to ignore. */
function parameters(c: Context, r: Route): { path: never; query: never } {
  const problems: Diagnostic[] = [];
  const parse = (name: ParameterSchema | undefined, given: Record<string, string>): unknown => {
    if (name === undefined) return {};
    const schema = parameterSchemas[name];
    const known = Object.keys(schema.shape);
    for (const key of Object.keys(given)) {
      if (known.includes(key)) continue;
      const near = suggestCode(key, known.map((k) => ({ code: k, name: k })));
      problems.push(problem('BAD_PARAMETER', { column: key, value: given[key], detail: '不认识的参数 unknown parameter', expected: `${near ? `你是不是要写 ${near.code}？did you mean ${near.code}?；` : ''}${known.join('、') || '—'}` }));
    }
    const result = schema.safeParse(given);
    if (!result.success) problems.push(...zodProblems(result.error, given, schema.shape));
    return result.data;
  };
  const path = parse(r.pathParameters, c.req.param());
  const query = parse(r.queryParameters, c.req.query());
  if (problems.length > 0) throw new KpiInputError(problems);
  return { path: path as never, query: query as never };
}

/** Each failed parameter, with what it should be in the words of its schema's description. */
function zodProblems(error: ZodError, given: Record<string, string>, shape: Record<string, ZodType>): Diagnostic[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const schema = shape[key];
    const inner = schema instanceof ZodOptional ? (schema.unwrap() as ZodType) : schema;
    return problem('BAD_PARAMETER', { column: key, value: given[key], expected: schema?.description ?? inner?.description ?? issue.message });
  });
}

/** What an error says to the client: 400 with every problem for bad input, 503 before anything is published, 500 (no details) for a bug. */
function failure(c: Context, e: unknown): Response {
  if (e instanceof KpiInputError) return c.json(problemBody(400, e.diagnostics), 400);
  if (e instanceof StoreUnusableError || e instanceof StoreVersionError) return c.json(problemBody(503, [problem('NO_RUN', { detail: e.message })]), 503);
  return c.json({ error: { status: 500, message: '服务器内部错误 internal error', problems: [] } }, 500);
}

/** The JSON body of an error: the problems, each with its code, parameter, value and what was expected, and one message listing them. */
function problemBody(status: number, diagnostics: readonly Diagnostic[]) {
  const problems = diagnostics.map((d) => ({ code: d.code, ...(d.column === undefined ? {} : { parameter: d.column }), ...(d.value === undefined ? {} : { value: d.value }), ...(d.expected === undefined ? {} : { expected: d.expected }), message: problemText(d) }));
  return { error: { status, message: problems.map((p) => p.message).join('\n'), problems } };
}

/** `BAD_PARAMETER 参数 parameter "period": … （值 value "2023Q5"；应为 expected: …）`, as the CLI words a located problem. */
const problemText = (d: Diagnostic): string => {
  const detail = [d.value === undefined ? undefined : `值 value "${d.value}"`, d.expected === undefined ? undefined : `应为 expected: ${d.expected}`].filter(Boolean).join('；');
  return `${d.code}${d.column === undefined ? '' : ` 参数 parameter "${d.column}"`}: ${d.message}${detail ? `（${detail}）` : ''}`;
};

/**
 * ETag (a hash of the body) and Last-Modified (when the snapshot was
 * published) on every successful answer, and 304 when the client's
 * If-None-Match or If-Modified-Since says it already has it: a dashboard can
 * poll every few seconds for the price of a header.
 */
function revalidation(publication: Publication) {
  return async (c: Context, next: () => Promise<void>): Promise<void> => {
    await next();
    if (c.res.status !== 200 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return;
    const body = Buffer.from(await c.res.clone().arrayBuffer());
    const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const modified = c.res.headers.get('Last-Modified') ?? (await publication.snapshot().then((s) => s.publishedAt.toUTCString(), () => undefined));
    const headers = new Headers(c.res.headers);
    headers.set('ETag', tag);
    headers.set('Cache-Control', 'no-cache');
    if (modified !== undefined) headers.set('Last-Modified', modified);
    const ifNoneMatch = c.req.header('if-none-match');
    const ifModifiedSince = c.req.header('if-modified-since');
    const fresh =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === tag || t.trim() === '*')
        : ifModifiedSince !== undefined && modified !== undefined && Date.parse(ifModifiedSince) >= Math.floor(Date.parse(modified) / 1000) * 1000;
    c.res = fresh ? new Response(null, { status: 304, headers }) : new Response(body, { status: 200, headers });
  };
}
