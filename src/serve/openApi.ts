import { z } from 'zod';
import { ENGINE_VERSION } from '../version.js';
import { parameterSchemas } from './parameters.js';
import type { Route } from './routes.js';

type JsonSchema = Record<string, unknown>;

/** The parameters of one Zod object schema, as OpenAPI lists them. */
function parametersOf(name: keyof typeof parameterSchemas | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (name === undefined) return [];
  const schema = z.toJSONSchema(parameterSchemas[name], { io: 'input', target: 'draft-2020-12' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([param, property]) => {
    const { description, ...rest } = property;
    return { name: param, in: where, required: where === 'path' || (schema.required ?? []).includes(param), description, schema: rest };
  });
}

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'message', 'problems'],
      properties: {
        status: { type: 'integer' },
        message: { type: 'string', description: '中文在前、英文在后的说明 the message, Chinese then English' },
        problems: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', description: '问题代码 a stable problem code (tests and tools match on it)' },
              parameter: { type: 'string' },
              value: { type: 'string' },
              expected: { type: 'string', description: '应为什么，含"你是不是要写" what was expected, with a did-you-mean' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 document of the API, made from the route table and the
 * same Zod schemas that validate each request's parameters.
 */
export function openApiDocument(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const r of routes) {
    const content = Object.fromEntries(r.produces.map((type) => [type, type === 'application/json' ? { schema: {} } : { schema: { type: 'string' } }]));
    paths[r.path] = {
      get: {
        summary: r.summary,
        ...(r.description === undefined ? {} : { description: r.description }),
        operationId: operationId(r.path),
        parameters: [...parametersOf(r.pathParameters, 'path'), ...parametersOf(r.queryParameters, 'query')],
        responses: {
          '200': { description: r.summary, content, headers: { ETag: { schema: { type: 'string' } }, 'Last-Modified': { schema: { type: 'string' } } } },
          '304': { description: '未变化 not modified since the ETag / Last-Modified the client sent' },
          ...(r.pathParameters !== undefined || r.queryParameters !== undefined
            ? { '400': { description: '参数不正确或运行中没有该名称 a parameter is not valid, or names nothing in the run', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } } }
            : {}),
          '503': { description: '尚无发布 nothing published yet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'kpi serve — 指标结果只读接口 read-only API over published KPI results',
      version: ENGINE_VERSION,
      description: 'Everything comes from the latest publication of `kpi run` (its read-only snapshot). Every answer carries an ETag and Last-Modified; send If-None-Match or If-Modified-Since to get 304 when nothing changed.',
    },
    paths,
    components: { schemas: { Problem: problemSchema } },
  };
}

/** `/explain/{indicator}/{region}/{period}` → `explain`; `/charts/{kind}` → `charts`. */
const operationId = (path: string): string => path.split('/').filter((p) => p !== '' && !p.startsWith('{')).join('_') || 'root';
