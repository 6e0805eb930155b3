import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { storedVariableNames } from '../store/catalogStore.js';
import type { StoredRevision } from '../store/observationHistory.js';
import { observationInEffect, observationRevisions } from '../store/observationHistory.js';
import { findStoredRegion, regionsLike } from '../store/regionsStore.js';
import { lastPublished, listRuns } from '../store/runs.js';
import type { Store } from '../store/store.js';

/** One stored revision of an observation, with where it came from. */
export interface Revision extends StoredRevision {
  /** The revision in effect in the latest publication: in the file that comes last in name order among the folder's files then. */
  readonly current: boolean;
}

/** Every stored revision of one region's value of one variable at one period (`kpi history`). */
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
  const regionFound = await findStoredRegion(store, region);
  // Variables are named as the latest run's definitions name them.
  const latestRun = (await listRuns(store)).at(-1);
  const variables = latestRun ? await storedVariableNames(store, latestRun.definitionsSha256) : [];
  const variableDef = variables.find((v) => v.code === variable) ?? variables.find((v) => v.name === variable);
  const key = { region: regionFound?.code ?? region, variable: variableDef?.code ?? variable, period };
  const revisions = await observationRevisions(store, key);
  if (revisions.length === 0) {
    const known = regionFound ? (variableDef ? `${key.region} ${key.variable} ${period}` : `基础数据项 variable "${variable}"`) : `地区 region "${region}"`;
    // Part of a name (a county's name without 县) is a near miss: say which regions it could mean.
    const like = regionFound || region === '' ? [] : await regionsLike(store, region);
    const suggestion = like.length === 0 ? '' : `；你是不是要写 did you mean ${like.map((r) => `${r.name}（${r.code}）`).join('、')}？`;
    throw new KpiInputError([problem('NO_HISTORY', { value: `${region} ${variable} ${period}`, detail: `没有找到 ${known} / nothing stored${suggestion}` })]);
  }
  const published = await lastPublished(store);
  const current = published ? await observationInEffect(store, published.runId, key) : undefined;
  return {
    region: key.region,
    regionName: regionFound?.name ?? null,
    variable: key.variable,
    variableName: variableDef?.name ?? null,
    period,
    revisions: revisions.map((r) => ({ ...r, current: r.obsId === current })),
  };
}
