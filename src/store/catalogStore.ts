import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import { checkCatalog } from '../catalog/checkCatalog.js';
import type { IndicatorDefinition } from '../catalog/indicator.js';
import { decodeRow } from './decodeRow.js';
import type { Store } from './store.js';

/** The catalog as plain definitions (formulas as written), the form that is stored and hashed. */
export function catalogDefinitions(catalog: Catalog): { variables: unknown[]; indicators: IndicatorDefinition[] } {
  return {
    variables: catalog.variables.map((v) => ({ ...v })),
    indicators: catalog.indicators.map(({ formulaAst: _ast, inputs: _inputs, ...definition }) => definition),
  };
}

/** sha256 of the definitions, the "definitions' hash" a publication records. */
export function catalogSha256(catalog: Catalog): string {
  return createHash('sha256').update(JSON.stringify(catalogDefinitions(catalog))).digest('hex');
}

/** Stores the catalog's definitions once per distinct content; returns their hash. */
export async function saveCatalog(store: Store, catalog: Catalog): Promise<string> {
  const sha = catalogSha256(catalog);
  const { variables, indicators } = catalogDefinitions(catalog);
  await store.run('INSERT INTO catalogs VALUES ($sha, CAST($v AS JSON), CAST($i AS JSON)) ON CONFLICT DO NOTHING', {
    sha,
    v: JSON.stringify(variables),
    i: JSON.stringify(indicators),
  });
  return sha;
}

const definitionsRow = z.object({ v: z.string(), i: z.string() });

/** The catalog a run used, rebuilt (and re-checked) from its stored definitions. */
export async function storedCatalog(store: Store, sha: string): Promise<Catalog> {
  const row = await store.one('SELECT CAST(variables AS VARCHAR) AS v, CAST(indicators AS VARCHAR) AS i FROM catalogs WHERE sha256 = $sha', { sha });
  if (!row) throw new Error(`catalog ${sha} is not in the store`);
  const { v, i } = decodeRow(definitionsRow, row, 'catalogs');
  const file = `(stored catalog ${sha.slice(0, 12)})`;
  const { catalog, diagnostics } = checkCatalog(
    (JSON.parse(v) as unknown[]).map((data) => ({ file, data })),
    (JSON.parse(i) as unknown[]).map((data) => ({ file, data })),
  );
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`stored catalog ${sha} no longer checks: ${diagnostics[0]?.message}`);
  return catalog;
}

const variableNames = z.array(z.looseObject({ code: z.string(), name: z.string() }));

/**
 * The code and name of each variable of a stored catalog, in catalog order,
 * without re-checking the whole catalog: enough to name what a user typed
 * (`kpi history` takes a code or a Chinese name). Empty for a hash not stored.
 *
 * @example await storedVariableNames(store, run.definitionsSha256) // [{ code: 'gdp', name: '地区生产总值' }, …]
 */
export async function storedVariableNames(store: Store, sha: string): Promise<{ code: string; name: string }[]> {
  const row = await store.one('SELECT CAST(variables AS VARCHAR) AS v FROM catalogs WHERE sha256 = $sha', { sha });
  if (!row) return [];
  const { v } = decodeRow(z.object({ v: z.string() }), row, 'catalogs');
  const parsed = variableNames.safeParse(JSON.parse(v));
  if (!parsed.success) throw new Error(`catalogs.variables: stored catalog ${sha.slice(0, 12)} does not list variables as { code, name }`);
  return parsed.data.map(({ code, name }) => ({ code, name }));
}
