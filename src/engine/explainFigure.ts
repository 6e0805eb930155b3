import type { Status } from '../model/status.js';
import { isCumulative } from '../assess/outlook/cumulative.js';
import { figureOutlooks } from '../assess/outlook/figureOutlooks.js';
import type { FactorStatistics } from '../assess/outlook/projection.js';
import { factorStatistics, projectionSd } from '../assess/outlook/projection.js';
import type { ProjectionBasis } from '../assess/outlook/projectionBasis.js';
import { basisFactors } from '../assess/outlook/projectionBasis.js';
import type { SeasonalFactor } from '../assess/outlook/seasonalFactors.js';
import { FACTOR_YEARS } from '../assess/outlook/seasonalFactors.js';
import { scheduleRules } from '../assess/scheduleRules.js';
import { statusLabels, statusRules } from '../assess/statusRules.js';
import type { Indicator } from '../catalog/catalog.js';
import { PREVIOUS_YEAR_LAG } from '../evaluate/evaluateIndicators.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { FigureOutlook, FigureResult } from '../model/figureResult.js';
import { outlookOf } from '../model/figureResult.js';
import { periodAt, periodIndex, storedPeriod } from '../model/period.js';
import type { Region } from '../model/region.js';
import { findingText, notesText } from '../present/format/findingWords.js';
import { resolveInputs } from '../resolve/resolveInputs.js';
import { storedCatalog } from '../store/catalogStore.js';
import type { ObservationSource } from '../store/observationHistory.js';
import { observationSource } from '../store/observationHistory.js';
import { entityTotalSource } from '../store/entityObservations.js';
import type { ResolvedOrigin } from '../store/resolvedValues.js';
import { resolvedValue } from '../store/resolvedValues.js';
import { readResults } from '../store/results.js';
import { runInputs, useRunInputs } from '../store/runInputs.js';
import { findRun, lastPublished } from '../store/runs.js';
import type { Store } from '../store/store.js';
import type { TargetSourceRow } from '../store/targetsStore.js';
import { targetRowsFor } from '../store/targetsStore.js';
import { workingRegions } from '../store/workingSet.js';
import { formulaArithmetic } from './formulaArithmetic.js';
import { unknownRun } from './unknownRun.js';

export type { ObservationSource } from '../store/observationHistory.js';

/** A region's value of one variable for one period, and how it was obtained (INDICATORS.md §3). */
export interface InputValue {
  readonly region: string;
  readonly regionName: string;
  readonly period: string;
  readonly value: number | null;
  /**
   * `reported`: the region's own figure; `sum`: the sum of its rollup children; `missing`;
   * `overflow`: the children's sum is not a finite number (INDICATORS.md §5), so the value is null.
   */
  readonly origin: ResolvedOrigin;
  readonly observation?: ObservationSource;
  /** For a value summed from firm-level files (no region-level report): how many firms, from which files. */
  readonly firms?: { readonly entities: number; readonly files: readonly string[] };
  /** For a sum, each child's value and origin; for a report with children, their sum for comparison. */
  readonly children?: readonly InputValue[];
  readonly childrenSum?: number | null;
  readonly missingChildren?: readonly string[];
}

/** One input of a figure's formula: the variable, and its value for the figure's region and period (or a year earlier). */
export interface FigureInput extends InputValue {
  readonly variable: string;
  readonly variableName: string;
  readonly unit: string;
  /** True for `prev_year(…)`: the value a year earlier. */
  readonly previousYear: boolean;
}

/** How one figure was made, as `kpi explain --json` prints it (see {@link explainFigure}). */
export interface Explanation {
  readonly runId: number;
  readonly indicator: { readonly id: string; readonly name: string; readonly unit: string; readonly formula: string; readonly direction: string; readonly scope: string; readonly schedule: string };
  readonly region: { readonly code: string; readonly name: string };
  readonly period: string;
  readonly inputs: readonly FigureInput[];
  /** The formula with the input values in place, `= actual`. */
  readonly arithmetic: string;
  /** The stored figure, with its status and findings in words. */
  readonly result: Pick<FigureResult, 'actual' | 'target' | 'annualTarget' | 'attainment' | 'annualProgress' | 'expectedProgress' | 'gap' | 'status' | 'rank'> & {
    readonly statusLabel: string;
    readonly notes: string | null;
  };
  readonly target: {
    /** `own`, or the ancestor whose annual target was inherited; null without a target. */
    readonly source: { readonly region: string; readonly name: string; readonly inherited: boolean } | null;
    readonly rows: readonly TargetSourceRow[];
    readonly rule: string;
  };
  /** Which status rule fired, in words with the numbers. */
  readonly statusRule: string;
  readonly outlook: OutlookExplanation;
}

/** 同比, the year-end projection and the pace (OUTLOOK.md §1–3) of a figure: the stored values and the history behind them. */
export interface OutlookExplanation {
  /** As stored with the figure. */
  readonly values: FigureOutlook;
  readonly quarter: number;
  /** Whether the indicator adds up through the year (linear, explicit) or is a level. */
  readonly cumulative: boolean;
  /**
   * Whose history the projection used: the region's own or an ancestor's
   * (`region`, with the factors G by year and their statistics), or the
   * default factor; null where there is no projection (Q4, no actual).
   */
  readonly basis:
    | {
        readonly kind: 'own' | 'inherited';
        readonly region: { readonly code: string; readonly name: string };
        readonly factors: readonly SeasonalFactor[];
        readonly statistics: FactorStatistics;
        /** The projection's standard deviation, |actual| × sd(G); null with one factor. */
        readonly sd: number | null;
      }
    | { readonly kind: 'default'; readonly factor: number }
    | null;
}

/**
 * How one figure of a run was made: the formula; each input with its value
 * and where it came from (reported by the region itself, with file and row,
 * or the sum of which children, each with its own source); the arithmetic;
 * the target rows used (own or inherited from which ancestor; schedule or
 * linear); and which status rule fired.
 *
 * @example
 * const e = await explainFigure(store, { indicator: 'rd_intensity', region: 'C', period: '2023Q2' });
 */
export async function explainFigure(
  store: Store,
  at: { indicator: string; region: string; period: string; runId?: number | undefined },
): Promise<Explanation> {
  const run = at.runId === undefined ? await lastPublished(store) : await findRun(store, at.runId);
  if (!run || run.status !== 'done') throw new KpiInputError([await unknownRun(store, at.runId)]);
  const inputs = await runInputs(store, run.runId);
  if (!inputs) throw new Error(`run ${run.runId} has no recorded inputs`);
  const catalog = await storedCatalog(store, inputs.catalogSha256);
  await useRunInputs(store, inputs, catalog);
  const regions = new WorkingRegions(await workingRegions(store));

  const indicator = catalog.indicators.find((i) => i.id === at.indicator) ?? catalog.indicators.find((i) => i.name === at.indicator);
  const found = regions.find(at.region);
  const region = found && { code: found.code, name: found.name };
  const [result] = indicator && region ? await readResults(store, run.runId, { indicator: indicator.id, region: region.code, period: at.period }) : [];
  if (!indicator || !region || !result) {
    const what = !indicator ? `指标 indicator "${at.indicator}"` : !region ? `地区 region "${at.region}"` : `期别 period "${at.period}"`;
    throw new KpiInputError([problem('NO_FIGURE', { value: `${at.indicator} ${at.region} ${at.period}`, detail: `运行 #${run.runId} 中没有 ${what} / not in run #${run.runId}` })]);
  }

  await resolveInputs(store);
  const { quarter } = storedPeriod(at.period);
  const pidx = periodIndex(storedPeriod(at.period));
  const variables = new Map(catalog.variables.map((v) => [v.code, v]));
  const figureInputs: FigureInput[] = [];
  for (const [variable, lag] of [
    ...indicator.inputs.current.map((v) => [v, 0] as const),
    ...indicator.inputs.previousYear.map((v) => [v, PREVIOUS_YEAR_LAG] as const),
  ]) {
    const value = await inputValue(store, regions, inputs.filesRun, region.code, variable, pidx - lag);
    const def = variables.get(variable);
    figureInputs.push({ ...value, variable, variableName: def?.name ?? variable, unit: def?.unit ?? '', previousYear: lag > 0 });
  }
  const valueOf = (variable: string, lagged: boolean): number | null =>
    figureInputs.find((i) => i.variable === variable && i.previousYear === lagged)?.value ?? null;
  const actual = result.actual;
  const arithmetic = `${formulaArithmetic(indicator.formulaAst, valueOf)} = ${actual === null ? '—（无法计算 cannot be computed）' : String(actual)}`;

  const target = await targetExplanation(store, inputs.targetsLoad, indicator, region, at.period, result, regions);
  const outlook = await outlookExplanation(store, run.runId, indicator, result, regions);
  return {
    runId: run.runId,
    indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit, formula: indicator.formula, direction: indicator.direction, scope: indicator.scope, schedule: indicator.schedule },
    region,
    period: at.period,
    inputs: figureInputs,
    arithmetic,
    result: {
      actual: result.actual,
      target: result.target,
      annualTarget: result.annualTarget,
      attainment: result.attainment,
      annualProgress: result.annualProgress,
      expectedProgress: result.expectedProgress,
      gap: result.gap,
      status: result.status,
      statusLabel: statusLabels[result.status],
      rank: result.rank,
      // As the results files' notes column reads them.
      notes: notesText(result.findings, { region: (code) => regions.name(code) }),
    },
    target,
    statusRule: statusRule(indicator, result, quarter, run.settings.warningThreshold),
    outlook,
  };
}

/**
 * The outlook of `result` with the history it came from: the same rule as
 * the run (src/assess/outlook/figureOutlooks.ts) over the run's stored
 * figures of the indicator from FACTOR_YEARS years before to the figure's year.
 */
async function outlookExplanation(store: Store, runId: number, indicator: Indicator, result: FigureResult, regions: WorkingRegions): Promise<OutlookExplanation> {
  const { year, quarter } = storedPeriod(result.period);
  const years = Array.from({ length: FACTOR_YEARS + 1 }, (_, i) => year - FACTOR_YEARS + i);
  const history = await readResults(store, runId, { indicator: indicator.id, years });
  const at = history.findIndex((r) => r.region === result.region && r.period === result.period);
  const basis = figureOutlooks(history, [indicator], regions.parents())[at]?.basis ?? null;
  return {
    values: outlookOf(result),
    quarter,
    cumulative: isCumulative(indicator.schedule),
    basis:
      basis === null
        ? null
        : basis.kind === 'default'
          ? basis
          : explainedFactors(basis, result.actual ?? 0, regions),
  };
}

/** An own or inherited basis with the region's name and the statistics of its factors. */
function explainedFactors(basis: Extract<ProjectionBasis, { kind: 'own' | 'inherited' }>, actual: number, regions: WorkingRegions): NonNullable<OutlookExplanation['basis']> {
  const statistics = factorStatistics(basisFactors(basis));
  return {
    kind: basis.kind,
    region: { code: basis.region, name: regions.name(basis.region) ?? basis.region },
    factors: basis.factors,
    statistics,
    sd: statistics.sd === null ? null : projectionSd(actual, statistics.sd),
  };
}

/** The run's regions, looked up by code or name. */
class WorkingRegions {
  private readonly byCode: Map<string, Region>;
  constructor(private readonly regions: readonly Region[]) {
    this.byCode = new Map(regions.map((r) => [r.code, r]));
  }
  /** By code, else by name. */
  find(codeOrName: string): Region | undefined {
    return this.byCode.get(codeOrName) ?? this.regions.find((r) => r.name === codeOrName);
  }
  name(code: string): string | undefined {
    return this.byCode.get(code)?.name;
  }
  /** Each region's parent (null for the root): the tree the projection walks up. */
  parents(): Map<string, string | null> {
    return new Map(this.regions.map((r) => [r.code, r.parent]));
  }
  /** The children whose values are summed into `code`'s, as regions.csv lists them. */
  rollupChildren(code: string): Region[] {
    return this.regions.filter((r) => r.parent === code && r.rollup);
  }
}

/** A region's resolved value with its source; sums are unfolded into their children, recursively. */
async function inputValue(store: Store, regions: WorkingRegions, filesRun: number, region: string, variable: string, pidx: number): Promise<InputValue> {
  const resolved = await resolvedValue(store, { region, variable, pidx });
  const regionName = regions.name(region) ?? region;
  if (!resolved) return { region, regionName, period: periodOf(pidx), value: null, origin: 'missing' };
  const base: InputValue = { region, regionName, period: resolved.period, value: resolved.value, origin: resolved.origin };
  // A negative id is a firms' total standing in for a region-level report (src/store/entityObservations.ts).
  const fromFirms = resolved.ownObsId !== null && resolved.ownObsId < 0 ? await entityTotalSource(store, { region, variable, period: resolved.period }) : undefined;
  const observation = resolved.ownObsId === null || fromFirms ? undefined : await observationSource(store, resolved.ownObsId, filesRun);
  if (resolved.origin === 'reported') {
    const firms = fromFirms && { entities: fromFirms.entities, files: fromFirms.files };
    return { ...base, ...(observation ? { observation } : {}), ...(firms ? { firms } : {}), ...(resolved.childrenSum === null ? {} : { childrenSum: resolved.childrenSum }) };
  }
  const children: InputValue[] = [];
  for (const kid of regions.rollupChildren(region)) children.push(await inputValue(store, regions, filesRun, kid.code, variable, pidx));
  return { ...base, children, ...(resolved.missingChildren ? { missingChildren: resolved.missingChildren } : {}) };
}

const periodOf = (pidx: number): string => periodAt(pidx).period;

async function targetExplanation(
  store: Store,
  targetsLoad: number,
  indicator: Indicator,
  region: { code: string; name: string },
  period: string,
  result: FigureResult,
  regions: WorkingRegions,
): Promise<Explanation['target']> {
  if (result.targetSource === null) return { source: null, rows: [], rule: '无年度目标：不评判 no annual target for this region or an ancestor it may inherit from' };
  const from = result.targetSource === 'own' ? region.code : result.targetSource.replace(/^inherited:/, '');
  const rows = await targetRowsFor(store, targetsLoad, { indicator: indicator.id, region: region.code, annualFrom: from, period });
  const q = storedPeriod(period).quarter;
  const scheduled = rows.find((r) => r.period === period && indicator.schedule === 'explicit');
  const annual = result.annualTarget;
  const rules: Record<Indicator['schedule'], string> = {
    level: `${scheduleRules.level.label}：目标（至本期）= 年度目标 ${annual}`,
    linear: `${scheduleRules.linear.label}：目标（至本期）= 年度目标 ${annual} × ${q}/4 = ${result.target}`,
    explicit: scheduled
      ? `${scheduleRules.explicit.label}：目标（至本期）= 本期进度目标 ${scheduled.value}（${scheduled.file} 第${scheduled.row}行）`
      : `${scheduleRules.explicit.label}：${findingText({ code: 'NO_SCHEDULE_ROW', params: {} }, { region: (code) => regions.name(code) })}：${annual} × ${q}/4 = ${result.target}`,
    year_end: `${scheduleRules.year_end.label}：目标 = 年度目标 ${annual}${q < 4 ? '，四季度前只显示进度 judged at Q4 only' : ''}`,
  };
  return { source: { region: from, name: regions.name(from) ?? from, inherited: from !== region.code }, rows, rule: rules[indicator.schedule] };
}

/** The status rule that fired, in words, with the figures it compared (INDICATORS.md §5). */
function statusRule(indicator: Indicator, r: FigureResult, quarter: number, threshold: number): string {
  // The status's name from the rule catalog, then its code.
  const head = (s: Status): string => `${statusRules[s].label} ${s}`;
  const ratio = indicator.direction === 'higher' ? '实际 ÷ 目标 actual ÷ target' : '目标 ÷ 实际 target ÷ actual (越小越好 lower is better)';
  // INDICATORS.md §5: where a ratio is null with a target (a target of 0 or below), "≥ 1" reads "the actual meets the target".
  const meets = indicator.direction === 'higher' ? '实际 ≥ 目标 actual ≥ target' : '实际 ≤ 目标 actual ≤ target';
  const reached = (value: number | null, what: string): string => (value === null ? `${what}无意义（目标 ≤ 0）ratio undefined, so ${meets}` : `${what} ${value} ≥ 1`);
  const rules: Record<Status, string> = {
    no_data: `${head('no_data')}：实际值缺失 the figure could not be computed`,
    no_target: `${head('no_target')}：没有适用的年度目标 no annual target applies`,
    completed:
      indicator.schedule === 'level'
        ? `${head('completed')}：四季度且${reached(r.attainment, '完成率')} (Q4 and attainment ≥ 1)`
        : `${head('completed')}：${reached(r.annualProgress, '年度进度')}（已达年度目标 the annual target is met）`,
    pending: `${head('pending')}：年末考核指标在四季度前不评判（第${quarter}季度）judged at year end only; 年度进度 ${r.annualProgress}`,
    on_track: r.attainment === null ? `${head('on_track')}：${reached(null, '完成率')}` : `${head('on_track')}：完成率 = ${ratio} = ${r.attainment} ≥ 1`,
    warning: `${head('warning')}：预警线 ${threshold} ≤ 完成率 ${r.attainment} < 1（完成率 = ${ratio}）`,
    behind:
      r.attainment === null && r.target !== null
        ? `${head('behind')}：完成率无意义（目标 ≤ 0），且未达到目标 ratio undefined and not ${meets}`
        : `${head('behind')}：完成率 ${r.attainment ?? '—'} < 预警线 ${threshold}（完成率 = ${ratio}）`,
  };
  return rules[r.status];
}
