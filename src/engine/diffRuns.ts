import type { Catalog } from '../catalog/catalog.js';
import { PREVIOUS_YEAR_LAG } from '../evaluate/evaluateIndicators.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import type { FigureResult } from '../model/figureResult.js';
import type { Region } from '../model/region.js';
import type { FindingNames } from '../present/format/findingWords.js';
import { notesText } from '../present/format/findingWords.js';
import { storedCatalog } from '../store/catalogStore.js';
import type { RevisedObservation } from '../store/observationHistory.js';
import { revisedObservations } from '../store/observationHistory.js';
import { storedRegions } from '../store/regionsStore.js';
import { readResults } from '../store/results.js';
import type { RunInputs } from '../store/runInputs.js';
import { runInputs } from '../store/runInputs.js';
import { findRun } from '../store/runs.js';
import type { Store } from '../store/store.js';
import { targetChanges } from '../store/targetsStore.js';
import { periodIndex, storedPeriod } from '../model/period.js';
import { unknownRun } from './unknownRun.js';
import { assessedColumns, outlookColumns } from '../present/resultColumns.js';

/**
 * The fields of a figure compared between two publications, named as the
 * results files' columns, in their order. Names and units repeat the
 * definitions, and the key is how figures are matched; what was missing is
 * part of the findings.
 */
const valueFields = [
  'actual', 'target', 'annual_target', 'attainment', 'annual_progress', 'expected_progress', 'gap', 'status', 'rank', 'target_source',
  'actual_prev_year', 'yoy_change', 'yoy_growth', 'projected', 'projected_low', 'projected_high', 'probability', 'projection_basis', 'pace_so_far', 'pace_needed',
] as const;
/** A compared field; `findings` are compared as data and shown as the `notes` text. */
export type ComparedField = (typeof valueFields)[number] | 'findings';

type Value = string | number | null;

const valuesOf = (r: FigureResult): Record<(typeof valueFields)[number], Value> => ({ ...assessedColumns(r), target_source: r.targetSource, ...outlookColumns(r) });

/** An input value that differs between the two runs' data. */
export type RevisedInput = RevisedObservation;

/** One figure that differs between two runs: which fields changed, and why. */
export interface FigureChange {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly changes: readonly { readonly field: ComparedField; readonly before: Value; readonly after: Value }[];
  /** Why: the revised inputs it depends on, changed targets or definitions, or (for a rank alone) its siblings. */
  readonly reasons: readonly string[];
}

/** What {@link diffRuns} finds between two runs (`kpi diff --json`). */
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
  if (!a || !b) throw new KpiInputError([await unknownRun(store, !a ? from : to)]);
  const [catalogA, catalogB] = [await storedCatalog(store, a.catalogSha256), await storedCatalog(store, b.catalogSha256)];

  const revisedInputs = await revisedObservations(store, a.filesRun, b.filesRun);
  const changedTargets = a.targetsLoad === b.targetsLoad ? [] : (await targetChanges(store, a.targetsLoad, b.targetsLoad)).map(
    (t) => `${t.indicator} ${t.region} ${t.year}${t.period ? ` ${t.period}` : ''}: ${t.before ?? '—'} → ${t.after ?? '—'}`,
  );
  const otherChanges = await runChanges(store, from, to, a, b, catalogA, catalogB);
  const regionsB = await storedRegions(store, b.regionsLoad);
  const tree = regionTree(regionsB);
  const regionsA = a.regionsLoad === b.regionsLoad ? regionsB : await storedRegions(store, a.regionsLoad);
  const names = (regions: readonly Region[]): FindingNames => {
    const byCode = new Map(regions.map((r) => [r.code, r.name]));
    return { region: (code) => byCode.get(code) };
  };
  const [namesA, namesB] = [names(regionsA), names(regionsB)];

  const pairs = pairFigures(await readResults(store, from), await readResults(store, to), {
    indicators: [...catalogB.indicators, ...catalogA.indicators].map((i) => i.id),
    regions: [...regionsB, ...regionsA].map((r) => r.code),
  });
  const indicators = new Map(catalogB.indicators.map((i) => [i.id, i]));
  const annual = new Set(catalogB.variables.filter((v) => v.frequency === 'annual').map((v) => v.code));
  const figures: FigureChange[] = [];
  for (const [x, y] of pairs) {
    const changes = figureChanges(x, y, namesA, namesB);
    if (changes.length === 0) continue;
    const { indicator: id, region, period } = (y ?? x) as FigureResult;
    const indicator = indicators.get(id);
    const reasons: string[] = [];
    if (indicator) {
      const pidx = periodIndex(storedPeriod(period));
      const covered = tree.descendantsOf(region);
      const inputs = [
        ...indicator.inputs.current.map((v) => ({ v, p: pidx })),
        ...indicator.inputs.previousYear.map((v) => ({ v, p: pidx - PREVIOUS_YEAR_LAG })),
      ];
      for (const r of revisedInputs) {
        const rp = periodIndex(storedPeriod(r.period));
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
      reasons.push(...changedTargets.filter((t) => t.startsWith(`${id} `)).map((t) => `目标变化 target changed: ${t}`));
    }
    reasons.push(...otherChanges.filter((c) => c.startsWith('*') || c.startsWith(`${id}:`)));
    if (reasons.length === 0 && changes.every((c) => c.field === 'rank')) reasons.push('同级地区的完成率变化，排名随之变化 rank moved because a sibling region’s attainment changed');
    figures.push({ indicator: id, region, period, changes, reasons });
  }
  return { from, to, revisedInputs, changedTargets, otherChanges, figures };
}

/** The fields of one figure that differ; a figure missing from a run has every field null there. */
function figureChanges(x: FigureResult | undefined, y: FigureResult | undefined, namesX: FindingNames, namesY: FindingNames): FigureChange['changes'] {
  const [vx, vy] = [x && valuesOf(x), y && valuesOf(y)];
  const changes: FigureChange['changes'][number][] = valueFields
    .filter((f) => (vx?.[f] ?? null) !== (vy?.[f] ?? null))
    .map((field) => ({ field, before: vx?.[field] ?? null, after: vy?.[field] ?? null }));
  // Findings are data: compared as data, shown in words.
  if (JSON.stringify(x?.findings ?? []) !== JSON.stringify(y?.findings ?? [])) {
    changes.push({ field: 'findings', before: x ? notesText(x.findings, namesX) : null, after: y ? notesText(y.findings, namesY) : null });
  }
  return changes;
}

/**
 * The two runs' figures matched by indicator × region × period, in output
 * order (the catalog's indicators, then regions as listed, then periods):
 * the later run's catalog and regions, then what only the earlier run had.
 */
function pairFigures(
  before: readonly FigureResult[],
  after: readonly FigureResult[],
  order: { readonly indicators: readonly string[]; readonly regions: readonly string[] },
): [FigureResult | undefined, FigureResult | undefined][] {
  const key = (r: FigureResult): string => `${r.indicator}\u0000${r.region}\u0000${r.period}`;
  const earlier = new Map(before.map((r) => [key(r), r]));
  const later = new Set(after.map(key));
  const pairs: [FigureResult | undefined, FigureResult | undefined][] = [
    ...after.map((r): [FigureResult | undefined, FigureResult] => [earlier.get(key(r)), r]),
    ...before.filter((r) => !later.has(key(r))).map((r): [FigureResult, undefined] => [r, undefined]),
  ];
  const place = (codes: readonly string[]): ((code: string) => number) => {
    const at = new Map<string, number>();
    for (const code of codes) if (!at.has(code)) at.set(code, at.size);
    return (code) => at.get(code) ?? at.size;
  };
  const [indicatorAt, regionAt] = [place(order.indicators), place(order.regions)];
  const figure = (p: (typeof pairs)[number]): FigureResult => (p[1] ?? p[0]) as FigureResult;
  // Stable: figures both runs have keep the later run's order.
  return pairs.sort((p, q) => {
    const [x, y] = [figure(p), figure(q)];
    return indicatorAt(x.indicator) - indicatorAt(y.indicator) || regionAt(x.region) - regionAt(y.region) || (x.period < y.period ? -1 : x.period > y.period ? 1 : 0);
  });
}

/** Changes that touch every figure (`* …`) or one indicator's definition (`id: …`). */
async function runChanges(store: Store, from: number, to: number, a: RunInputs, b: RunInputs, ca: Catalog, cb: Catalog): Promise<string[]> {
  const out: string[] = [];
  const [ra, rb] = [await findRun(store, from), await findRun(store, to)];
  if (ra && rb) {
    const [sa, sb] = [JSON.stringify(ra.settings), JSON.stringify(rb.settings)];
    if (sa !== sb) out.push(`* 设置变化 settings changed: ${sa} → ${sb}`);
    if (ra.engineVersion !== rb.engineVersion) out.push(`* 引擎版本变化 engine version ${ra.engineVersion} → ${rb.engineVersion}`);
  }
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

/** The region tree of one version of the regions. */
function regionTree(regions: readonly Region[]): { descendantsOf(code: string): Set<string>; name(code: string): string } {
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
