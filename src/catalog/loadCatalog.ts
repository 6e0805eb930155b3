import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Catalog } from './catalog.js';
import type { RawDefinition } from './checkCatalog.js';
import { checkCatalog } from './checkCatalog.js';

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/**
 * Loads a metrics folder: `variables.yaml` (a list of variables) and
 * `indicators/*.yaml` (one indicator each, read in name order; the file may
 * also hold a list). Throws {@link KpiInputError} listing every problem.
 *
 * @example const catalog = await loadCatalog('metrics');
 */
export async function loadCatalog(folder: string): Promise<Catalog> {
  const variablesFile = join(folder, 'variables.yaml');
  const variableDefs: RawDefinition[] = [];
  const indicatorDefs: RawDefinition[] = [];
  const readErrors = [];
  try {
    const data: unknown = parseYaml(await readFile(variablesFile, 'utf8'));
    for (const item of Array.isArray(data) ? data : [data]) variableDefs.push({ file: variablesFile, data: item });
  } catch (e) {
    readErrors.push(problem('FILE_UNREADABLE', { file: variablesFile, detail: (e as Error).message }));
  }
  const indicatorFolder = join(folder, 'indicators');
  let names: string[] = [];
  try {
    names = (await readdir(indicatorFolder)).filter(isYaml).sort();
  } catch (e) {
    readErrors.push(problem('FILE_UNREADABLE', { file: indicatorFolder, detail: (e as Error).message }));
  }
  for (const name of names) {
    const file = join(indicatorFolder, name);
    try {
      const data: unknown = parseYaml(await readFile(file, 'utf8'));
      for (const item of Array.isArray(data) ? data : [data]) indicatorDefs.push({ file, data: item });
    } catch (e) {
      readErrors.push(problem('FILE_UNREADABLE', { file, detail: (e as Error).message }));
    }
  }
  const { catalog, diagnostics } = checkCatalog(variableDefs, indicatorDefs);
  const all = [...readErrors, ...diagnostics];
  if (all.some((d) => d.severity === 'error')) throw new KpiInputError(all);
  return catalog;
}
