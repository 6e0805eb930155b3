import type { Catalog } from '../catalog/catalog.js';
import { PREVIOUS_YEAR_LAG } from '../evaluate/evaluateIndicators.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { ResultColumn } from '../present/resultColumns.js';
import { resultColumns } from '../present/resultColumns.js';
import { storedCatalog } from '../store/catalogStore.js';
import type { RunInputs } from '../store/runInputs.js';
import { observationsInEffect, runInputs } from '../store/runInputs.js';
import type { Store } from '../store/store.js';

/** Labels repeat the definitions; the key is how rows are matched. Every other result column is compared. */
const notCompared = new Set(['indicator', 'region', 'period', 'indicator_name', 'region_name', 'unit', 'status_label']);

/** The result columns compared between two publications. */
const comparedFields = resultColumns.filter((c) => !notCompared.has(c));
type Field = ResultColumn;

/** An input value that differs between the two runs' data. */
export interface RevisedInput {
  readonly region: string;
  readonly variable: string;
  readonly period: string;
  readonly before: number | null;
  readonly after: number | null;
  /** Where the later value came from. */
  readonly file: string | null;
  readonly row: number | null;
  /** Where the earlier value came from. */
  readonly beforeFile: string | null;
  /** The earlier value's file is no longer in the data folder: its values are withdrawn (and an earlier file's value, if any, counts again). */
  readonly withdrawn: boolean;
}

export interface FigureChange {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly changes: readonly { readonly field: Field; readonly before: string | number | null; readonly after: string | number | null }[];
  /** Why: the revised inputs it depends on, changed targets or definitions, or (for a rank alone) its siblings. */
  readonly reasons: readonly string[];
}

export interface RunDiff {
  readonly from: number;
  readonly to: number;
  readonly revisedInputs: readonly RevisedInput[];
  readonly changedTargets: readonly string[];
  readonly otherChanges: readonly string[];
  readonly figures: readonly FigureChange[];
}

/**
 * Every figure that differs between two publications, and why: which
 * observations were revised (and the figure depends on them through its
 * formula and the region tree), which targets or definitions changed, or —
 * for a rank alone — which siblings moved.
 *
 * @example
 * const d = await diffRuns(store, 1, 2);
 */
export async function diffRuns(store: Store, from: number, to: number): Promise<RunDiff> {
  const a = await runInputs(store, from);
  const b = await runInputs(store, to);
  if (!a || !b) throw new KpiInputError([problem('NO_RUN', { value: String(!a ? from : to) })]);
  const [catalogA, catalogB] = [await storedCatalog(store, a.catalogSha256), await storedCatalog(store, b.catalogSha256)];

  const revisedInputs = await revisedObservations(store, a, b);
  const changedTargets = await targetChanges(store, a, b);
  const otherChanges = await runChanges(store, from, to, a, b, catalogA, catalogB);
  const tree = await regionTree(store, b.regionsLoad);

  const rows = await store.all<Record<string, string | number | null> & { indicator: string; region: string; period: string }>(
    `SELECT coalesce(x.indicator, y.indicator) AS indicator, coalesce(x.region, y.region) AS region, coalesce(x.period, y.period) AS period,
            ${comparedFields.map((f) => `x.${f} AS a_${f}, y.${f} AS b_${f}`).join(', ')}, coalesce(y.ord, x.ord) AS ord
     FROM (SELECT * FROM results WHERE run_id = $a) x
     FULL JOIN (SELECT * FROM results WHERE run_id = $b) y USING (indicator, region, period)
     WHERE ${comparedFields.map((f) => `x.${f} IS DISTINCT FROM y.${f}`).join(' OR ')}
     ORDER BY ord`,
    { a: from, b: to },
  );

  const indicators = new Map(catalogB.indicators.map((i) => [i.id, i]));
  const annual = new Set(catalogB.variables.filter((v) => v.frequency === 'annual').map((v) => v.code));
  const figures = rows.map((row): FigureChange => {
    const changes = comparedFields
      .filter((f) => row[`a_${f}`] !== row[`b_${f}`])
      .map((field) => ({ field, before: row[`a_${field}`] ?? null, after: row[`b_${field}`] ?? null }));
    const indicator = indicators.get(row.indicator);
    const reasons: string[] = [];
    if (indicator) {
      const year = Number(row.period.slice(0, 4));
      const quarter = Number(row.period.slice(5));
      const pidx = year * 4 + quarter - 1;
      const covered = tree.descendantsOf(row.region);
      const inputs = [
        ...indicator.inputs.current.map((v) => ({ v, p: pidx })),
        ...indicator.inputs.previousYear.map((v) => ({ v, p: pidx - PREVIOUS_YEAR_LAG })),
      ];
      for (const r of revisedInputs) {
        const rp = Number(r.period.slice(0, 4)) * 4 + (r.period.length > 4 ? Number(r.period.slice(5)) - 1 : 3);
        // An annual figure is used as of later quarters too (until the next year's figure).
        const uses = (i: { v: string; p: number }) => i.v === r.variable && (annual.has(r.variable) ? rp <= i.p && i.p < rp + 8 : i.p === rp);
        if (covered.has(r.region) && inputs.some(uses)) {
          const figure = `${tree.name(r.region)}（${r.region}）${r.variable} ${r.period}`;
          const source = r.after === null ? '' : `（${r.file} 第${r.row}行）`;
          reasons.push(
            r.withdrawn
              ? `${figure} 撤回 withdrawn ${r.before ?? '—'} → ${r.after ?? '—'}${source}：${r.beforeFile} 已不在数据文件夹中 is no longer in the data folder`
              : `${figure} 修订 revised ${r.before ?? '—'} → ${r.after ?? '—'}${source}`,
          );
        }
      }
      reasons.push(...changedTargets.filter((t) => t.startsWith(`${row.indicator} `)).map((t) => `目标变化 target changed: ${t}`));
    }
    reasons.push(...otherChanges.filter((c) => c.startsWith('*') || c.startsWith(`${row.indicator}:`)));
    if (reasons.length === 0 && changes.every((c) => c.field === 'rank')) reasons.push('同级地区的完成率变化，排名随之变化 rank moved because a sibling region’s attainment changed');
    return { indicator: row.indicator, region: row.region, period: row.period, changes, reasons };
  });
  return { from, to, revisedInputs, changedTargets, otherChanges, figures };
}

/** Observations whose value in effect differs between the two runs' data. */
async function revisedObservations(store: Store, a: RunInputs, b: RunInputs): Promise<RevisedInput[]> {
  const inEffect = (alias: string, run: number) => `
    ${alias} AS (SELECT o.region, o.variable, o.period, o.value, l.name AS file, o."row" AS row
                 FROM (${observationsInEffect(run)}) o JOIN loads l USING (load_id))`;
  return store.all<RevisedInput & Record<string, unknown>>(
    `WITH ${inEffect('x', a.filesRun)}, ${inEffect('y', b.filesRun)}
     SELECT coalesce(x.region, y.region) AS region, coalesce(x.variable, y.variable) AS variable, coalesce(x.period, y.period) AS period,
            x.value AS before, y.value AS after, y.file AS file, y.row AS row, x.file AS "beforeFile",
            x.file IS NOT NULL AND x.file NOT IN (SELECT name FROM run_files WHERE run_id = $b AND kind = 'observations') AS withdrawn
     FROM x FULL JOIN y USING (region, variable, period)
     WHERE x.value IS DISTINCT FROM y.value
     ORDER BY period, variable, region`,
    { b: b.filesRun },
  );
}

/** Target rows added, removed or changed between the two runs' targets versions, as `indicator region year[ period]: a → b`. */
async function targetChanges(store: Store, a: RunInputs, b: RunInputs): Promise<string[]> {
  if (a.targetsLoad === b.targetsLoad) return [];
  const rows = await store.all<{ indicator: string; region: string; year: number; period: string | null; before: number | null; after: number | null }>(
    `SELECT coalesce(x.indicator, y.indicator) AS indicator, coalesce(x.region, y.region) AS region, coalesce(x.year, y.year) AS year,
            coalesce(x.period, y.period) AS period, x.value AS before, y.value AS after
     FROM (SELECT * FROM targets WHERE load_id = $a) x FULL JOIN (SELECT * FROM targets WHERE load_id = $b) y
       ON x.indicator = y.indicator AND x.region = y.region AND x.year = y.year AND x.period IS NOT DISTINCT FROM y.period
     WHERE x.value IS DISTINCT FROM y.value ORDER BY 1, 2, 3, 4`,
    { a: a.targetsLoad, b: b.targetsLoad },
  );
  return rows.map((r) => `${r.indicator} ${r.region} ${r.year}${r.period ? ` ${r.period}` : ''}: ${r.before ?? '—'} → ${r.after ?? '—'}`);
}

/** Changes that touch every figure (`* …`) or one indicator's definition (`id: …`). */
async function runChanges(store: Store, from: number, to: number, a: RunInputs, b: RunInputs, ca: Catalog, cb: Catalog): Promise<string[]> {
  const out: string[] = [];
  const settings = await store.all<{ run_id: number; s: string; v: string }>(
    'SELECT run_id, CAST(settings AS VARCHAR) AS s, engine_version AS v FROM runs WHERE run_id IN ($a, $b) ORDER BY run_id',
    { a: from, b: to },
  );
  const [sa, sb] = [settings.find((s) => s.run_id === from), settings.find((s) => s.run_id === to)];
  if (sa && sb && sa.s !== sb.s) out.push(`* 设置变化 settings changed: ${sa.s} → ${sb.s}`);
  if (sa && sb && sa.v !== sb.v) out.push(`* 引擎版本变化 engine version ${sa.v} → ${sb.v}`);
  if (a.regionsLoad !== b.regionsLoad) out.push('* 地区表变化 regions.csv changed');
  if (a.catalogSha256 !== b.catalogSha256) {
    const before = new Map(ca.indicators.map((i) => [i.id, JSON.stringify({ ...i, formulaAst: undefined })]));
    for (const i of cb.indicators) {
      if (before.get(i.id) !== JSON.stringify({ ...i, formulaAst: undefined })) out.push(`${i.id}: 指标定义变化 definition changed (${i.formula})`);
    }
    if (JSON.stringify(ca.variables) !== JSON.stringify(cb.variables)) out.push('* 基础数据项定义变化 variable definitions changed');
  }
  return out;
}

async function regionTree(store: Store, load: number): Promise<{ descendantsOf(code: string): Set<string>; name(code: string): string }> {
  const regions = await store.all<{ code: string; name: string; parent: string | null; rollup: boolean }>(
    'SELECT code, name, parent, rollup FROM regions WHERE load_id = $load',
    { load },
  );
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parent !== null) children.set(r.parent, [...(children.get(r.parent) ?? []), r.code]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return {
    // A region's figure can depend on any region below it (sums), never on one elsewhere.
    descendantsOf(code: string): Set<string> {
      const found = new Set([code]);
      const queue = [code];
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        for (const kid of children.get(next) ?? []) {
          if (found.has(kid)) continue;
          found.add(kid);
          queue.push(kid);
        }
      }
      return found;
    },
    name: (code) => names.get(code) ?? code,
  };
}
