import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { lastPublishedRun } from '../publish/settleRuns.js';
import { observationsInEffect } from '../store/runInputs.js';
import type { Store } from '../store/store.js';

/** One stored revision of an observation, with where it came from. */
export interface Revision {
  readonly obsId: number;
  readonly value: number;
  readonly file: string;
  readonly name: string;
  readonly sha256: string;
  readonly row: number;
  readonly column: string;
  readonly loadedAt: string;
  readonly runId: number | null;
  readonly source: string;
  readonly note: string;
  /** The revision in effect in the latest publication: in the file that comes last in name order among the folder's files then. */
  readonly current: boolean;
}

export interface History {
  readonly region: string;
  readonly regionName: string | null;
  readonly variable: string;
  readonly variableName: string | null;
  readonly period: string;
  readonly revisions: readonly Revision[];
}

/**
 * Every value ever stored for one region × variable × period, oldest first,
 * with the file, its sha256, the row and column, and the load time. Region
 * and variable may be given by code or by Chinese name.
 *
 * @example
 * const h = await observationHistory(store, 'D01', 'gdp', '2023Q2');
 */
export async function observationHistory(store: Store, region: string, variable: string, period: string): Promise<History> {
  const regionRow = await store.one<{ code: string; name: string }>(
    `SELECT code, name FROM regions WHERE code = $r OR name = $r ORDER BY load_id DESC LIMIT 1`,
    { r: region },
  );
  const catalog = await store.one<{ v: string }>('SELECT CAST(variables AS VARCHAR) AS v FROM catalogs c JOIN runs ON runs.catalog_sha256 = c.sha256 ORDER BY run_id DESC LIMIT 1');
  const variables = catalog ? (JSON.parse(catalog.v) as { code: string; name: string }[]) : [];
  const variableDef = variables.find((v) => v.code === variable || v.name === variable);
  const code = regionRow?.code ?? region;
  const variableCode = variableDef?.code ?? variable;
  const rows = await store.all<{
    obs_id: number;
    value: number;
    file: string;
    name: string;
    sha256: string;
    row: number;
    column: string;
    loaded_at: string;
    run_id: number | null;
    source: string;
    note: string;
  }>(
    `SELECT o.obs_id, o.value, l.file, l.name, l.sha256, o."row" AS row, o."column" AS column,
            strftime(l.loaded_at, '%Y-%m-%d %H:%M:%S') AS loaded_at, l.run_id, o.source, o.note
     FROM observations o JOIN loads l USING (load_id)
     WHERE o.region = $region AND o.variable = $variable AND o.period = $period
     ORDER BY o.obs_id`,
    { region: code, variable: variableCode, period },
  );
  if (rows.length === 0) {
    const known = regionRow ? (variableDef ? `${code} ${variableCode} ${period}` : `基础数据项 variable "${variable}"`) : `地区 region "${region}"`;
    throw new KpiInputError([problem('NO_HISTORY', { value: `${region} ${variable} ${period}`, detail: `没有找到 ${known} / nothing stored` })]);
  }
  const published = await lastPublishedRun(store);
  const current = published !== null
    ? await store.one<{ obs_id: number }>(`SELECT obs_id FROM (${observationsInEffect(published)}) WHERE region = $region AND variable = $variable AND period = $period`, {
        region: code,
        variable: variableCode,
        period,
      })
    : undefined;
  return {
    region: code,
    regionName: regionRow?.name ?? null,
    variable: variableCode,
    variableName: variableDef?.name ?? null,
    period,
    revisions: rows.map((r) => ({
      obsId: r.obs_id,
      value: r.value,
      file: r.file,
      name: r.name,
      sha256: r.sha256,
      row: r.row,
      column: r.column,
      loadedAt: r.loaded_at,
      runId: r.run_id,
      source: r.source,
      note: r.note,
      current: r.obs_id === current?.obs_id,
    })),
  };
}
