import type { Status } from '../assess/status.js';
import { statusLabels } from '../assess/status.js';
import type { Indicator } from '../catalog/catalog.js';
import { PREVIOUS_YEAR_LAG } from '../evaluate/evaluateIndicators.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { resolveInputs } from '../resolve/resolveInputs.js';
import { settingsSchema } from '../settings.js';
import { storedCatalog } from '../store/catalogStore.js';
import { runInputs, useRunInputs } from '../store/runInputs.js';
import type { Store } from '../store/store.js';
import type { StoredFigure } from '../store/storedFigure.js';
import { formulaArithmetic } from './formulaArithmetic.js';

/** Where an observation came from. */
export interface ObservationSource {
  readonly value: number;
  readonly file: string;
  readonly sha256: string;
  readonly row: number;
  readonly column: string;
  readonly loadedAt: string;
  readonly revisions: number;
}

/** A region's value of one variable for one period, and how it was obtained (INDICATORS.md §3). */
export interface InputValue {
  readonly region: string;
  readonly regionName: string;
  readonly period: string;
  readonly value: number | null;
  /** `reported`: the region's own figure; `sum`: the sum of its rollup children; `missing`. */
  /** `overflow`: the children's sum is not a finite number (INDICATORS.md §5), so the value is null. */
  readonly origin: 'reported' | 'sum' | 'missing' | 'overflow';
  readonly observation?: ObservationSource;
  /** For a sum, each child's value and origin; for a report with children, their sum for comparison. */
  readonly children?: readonly InputValue[];
  readonly childrenSum?: number | null;
  readonly missingChildren?: readonly string[];
}

export interface FigureInput extends InputValue {
  readonly variable: string;
  readonly variableName: string;
  readonly unit: string;
  /** True for `prev_year(…)`: the value a year earlier. */
  readonly previousYear: boolean;
}

export interface Explanation {
  readonly runId: number;
  readonly indicator: { readonly id: string; readonly name: string; readonly unit: string; readonly formula: string; readonly direction: string; readonly scope: string; readonly schedule: string };
  readonly region: { readonly code: string; readonly name: string };
  readonly period: string;
  readonly inputs: readonly FigureInput[];
  /** The formula with the input values in place, `= actual`. */
  readonly arithmetic: string;
  readonly result: {
    readonly actual: number | null;
    readonly target: number | null;
    readonly annualTarget: number | null;
    readonly attainment: number | null;
    readonly annualProgress: number | null;
    readonly expectedProgress: number | null;
    readonly gap: number | null;
    readonly status: Status;
    readonly statusLabel: string;
    readonly rank: number | null;
    readonly notes: string | null;
  };
  readonly target: {
    /** `own`, or the ancestor whose annual target was inherited; null without a target. */
    readonly source: { readonly region: string; readonly name: string; readonly inherited: boolean } | null;
    readonly rows: readonly { readonly file: string; readonly row: number; readonly year: number; readonly period: string | null; readonly value: number; readonly note: string }[];
    readonly rule: string;
  };
  /** Which status rule fired, in words with the numbers. */
  readonly statusRule: string;
}

interface ResolvedRow {
  [key: string]: unknown;
  region: string;
  name: string;
  period: string;
  value: number | null;
  origin: 'reported' | 'sum' | 'missing' | 'overflow';
  own_obs_id: number | null;
  children_sum: number | null;
  missing_children: string[] | null;
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
  const run = await store.one<{ run_id: number; settings: string }>(
    `SELECT run_id, CAST(settings AS VARCHAR) AS settings FROM runs WHERE status = 'done' AND ($run IS NULL OR run_id = $run) ORDER BY run_id DESC LIMIT 1`,
    { run: at.runId ?? null },
  );
  if (!run) throw new KpiInputError([problem('NO_RUN', at.runId === undefined ? {} : { value: String(at.runId) })]);
  const inputs = await runInputs(store, run.run_id);
  if (!inputs) throw new Error(`run ${run.run_id} has no recorded inputs`);
  const catalog = await storedCatalog(store, inputs.catalogSha256);
  await useRunInputs(store, inputs, catalog);

  const indicator = catalog.indicators.find((i) => i.id === at.indicator || i.name === at.indicator);
  const region = await store.one<{ code: string; name: string }>('SELECT code, name FROM w_regions WHERE code = $r OR name = $r', { r: at.region });
  const result = indicator && region
    ? await store.one<StoredFigure>(
        `SELECT actual, target, annual_target, attainment, annual_progress, expected_progress, gap, status, rank, target_source, notes
         FROM results WHERE run_id = $run AND indicator = $i AND region = $r AND period = $p`,
        { run: run.run_id, i: indicator.id, r: region.code, p: at.period },
      )
    : undefined;
  if (!indicator || !region || !result) {
    const what = !indicator ? `指标 indicator "${at.indicator}"` : !region ? `地区 region "${at.region}"` : `期别 period "${at.period}"`;
    throw new KpiInputError([problem('NO_FIGURE', { value: `${at.indicator} ${at.region} ${at.period}`, detail: `运行 #${run.run_id} 中没有 ${what} / not in run #${run.run_id}` })]);
  }

  await resolveInputs(store);
  const year = Number(at.period.slice(0, 4));
  const quarter = Number(at.period.slice(5));
  const pidx = year * 4 + quarter - 1;
  const variables = new Map(catalog.variables.map((v) => [v.code, v]));
  const figureInputs: FigureInput[] = [];
  for (const [variable, lag] of [
    ...indicator.inputs.current.map((v) => [v, 0] as const),
    ...indicator.inputs.previousYear.map((v) => [v, PREVIOUS_YEAR_LAG] as const),
  ]) {
    const value = await inputValue(store, region.code, variable, pidx - lag);
    const def = variables.get(variable);
    figureInputs.push({ ...value, variable, variableName: def?.name ?? variable, unit: def?.unit ?? '', previousYear: lag > 0 });
  }
  const valueOf = (variable: string, lagged: boolean): number | null =>
    figureInputs.find((i) => i.variable === variable && i.previousYear === lagged)?.value ?? null;
  const actual = result.actual;
  const arithmetic = `${formulaArithmetic(indicator.formulaAst, valueOf)} = ${actual === null ? '—（无法计算 cannot be computed）' : String(actual)}`;

  const settings = settingsSchema.parse(JSON.parse(run.settings));
  const target = await targetExplanation(store, inputs.targetsLoad, indicator, region, at.period, result);
  return {
    runId: run.run_id,
    indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit, formula: indicator.formula, direction: indicator.direction, scope: indicator.scope, schedule: indicator.schedule },
    region,
    period: at.period,
    inputs: figureInputs,
    arithmetic,
    result: {
      actual: result.actual,
      target: result.target,
      annualTarget: result.annual_target,
      attainment: result.attainment,
      annualProgress: result.annual_progress,
      expectedProgress: result.expected_progress,
      gap: result.gap,
      status: result.status,
      statusLabel: statusLabels[result.status],
      rank: result.rank,
      notes: result.notes,
    },
    target,
    statusRule: statusRule(indicator, result, quarter, settings.warningThreshold),
  };
}


/** A region's resolved value with its source; sums are unfolded into their children, recursively. */
async function inputValue(store: Store, region: string, variable: string, pidx: number): Promise<InputValue> {
  const row = await store.one<ResolvedRow>(
    `SELECT x.region, r.name, x.period, x.value, x.origin, x.own_obs_id, x.children_sum, x.missing_children
     FROM resolved x JOIN w_regions r ON r.code = x.region
     WHERE x.region = $region AND x.variable = $variable AND x.pidx = $pidx`,
    { region, variable, pidx },
  );
  const name = (await store.one<{ name: string }>('SELECT name FROM w_regions WHERE code = $r', { r: region }))?.name ?? region;
  if (!row) return { region, regionName: name, period: periodOf(pidx), value: null, origin: 'missing' };
  const base: InputValue = { region, regionName: row.name, period: row.period, value: row.value, origin: row.origin };
  const observation = row.own_obs_id === null ? undefined : await observationSource(store, row.own_obs_id);
  if (row.origin === 'reported') {
    return { ...base, ...(observation ? { observation } : {}), ...(row.children_sum === null ? {} : { childrenSum: row.children_sum }) };
  }
  const kids = await store.all<{ code: string }>('SELECT code FROM w_regions WHERE parent = $r AND rollup ORDER BY ord', { r: region });
  const children: InputValue[] = [];
  for (const kid of kids) children.push(await inputValue(store, kid.code, variable, pidx));
  return { ...base, children, ...(row.missing_children ? { missingChildren: row.missing_children } : {}) };
}

async function observationSource(store: Store, obsId: number): Promise<ObservationSource | undefined> {
  const o = await store.one<{ value: number; file: string; sha256: string; row: number; column: string; loaded_at: string; revisions: number }>(
    `SELECT o.value, l.file, l.sha256, o."row" AS row, o."column" AS column, strftime(l.loaded_at, '%Y-%m-%d %H:%M:%S') AS loaded_at,
            (SELECT count(*) FROM observations p JOIN w_files f ON f.load_id = p.load_id AND f.kind = 'observations'
             WHERE p.region = o.region AND p.period = o.period AND p.variable = o.variable) AS revisions
     FROM observations o JOIN loads l USING (load_id) WHERE o.obs_id = $id`,
    { id: obsId },
  );
  return o && { value: o.value, file: o.file, sha256: o.sha256, row: o.row, column: o.column, loadedAt: o.loaded_at, revisions: o.revisions };
}

const periodOf = (pidx: number): string => `${Math.floor(pidx / 4)}Q${(pidx % 4) + 1}`;

async function targetExplanation(
  store: Store,
  targetsLoad: number,
  indicator: Indicator,
  region: { code: string; name: string },
  period: string,
  result: StoredFigure,
): Promise<Explanation['target']> {
  if (result.target_source === null) return { source: null, rows: [], rule: '无年度目标：不评判 no annual target for this region or an ancestor it may inherit from' };
  const from = result.target_source === 'own' ? region.code : result.target_source.replace(/^inherited:/, '');
  const fromName = (await store.one<{ name: string }>('SELECT name FROM w_regions WHERE code = $r', { r: from }))?.name ?? from;
  const year = Number(period.slice(0, 4));
  const rows = await store.all<{ file: string; row: number; year: number; period: string | null; value: number; note: string }>(
    `SELECT l.file, t."row" AS row, t.year, t.period, t.value, t.note FROM targets t JOIN loads l ON l.load_id = t.load_id
     WHERE t.load_id = $load AND t.indicator = $i AND t.year = $year
       AND ((t.region = $from AND (t.period IS NULL OR t.period = $year || 'Q4')) OR (t.region = $region AND t.period = $period))
     ORDER BY t."row"`,
    { load: targetsLoad, i: indicator.id, year, from, region: region.code, period },
  );
  const q = Number(period.slice(5));
  const scheduled = rows.find((r) => r.period === period && indicator.schedule === 'explicit');
  const annual = result.annual_target;
  const rules: Record<Indicator['schedule'], string> = {
    level: `水平值指标 level：目标（至本期）= 年度目标 ${annual}`,
    linear: `线性序时 linear：目标（至本期）= 年度目标 ${annual} × ${q}/4 = ${result.target}`,
    explicit: scheduled
      ? `计划进度 explicit：目标（至本期）= 本期进度目标 ${scheduled.value}（${scheduled.file} 第${scheduled.row}行）`
      : `计划进度 explicit：本期无进度目标，按线性 no schedule row, linear：${annual} × ${q}/4 = ${result.target}`,
    year_end: `年末考核 year_end：目标 = 年度目标 ${annual}${q < 4 ? '，四季度前只显示进度 judged at Q4 only' : ''}`,
  };
  return { source: { region: from, name: fromName, inherited: from !== region.code }, rows, rule: rules[indicator.schedule] };
}

/** The status rule that fired, in words, with the figures it compared (INDICATORS.md §5). */
function statusRule(indicator: Indicator, r: StoredFigure, quarter: number, threshold: number): string {
  const ratio = indicator.direction === 'higher' ? '实际 ÷ 目标 actual ÷ target' : '目标 ÷ 实际 target ÷ actual (越小越好 lower is better)';
  // INDICATORS.md §5: where a ratio is null with a target (a target of 0 or below), "≥ 1" reads "the actual meets the target".
  const meets = indicator.direction === 'higher' ? '实际 ≥ 目标 actual ≥ target' : '实际 ≤ 目标 actual ≤ target';
  const reached = (value: number | null, what: string): string => (value === null ? `${what}无意义（目标 ≤ 0）ratio undefined, so ${meets}` : `${what} ${value} ≥ 1`);
  const rules: Record<Status, string> = {
    no_data: '无数据 no_data：实际值缺失 the figure could not be computed',
    no_target: '无目标 no_target：没有适用的年度目标 no annual target applies',
    completed:
      indicator.schedule === 'level'
        ? `已完成 completed：四季度且${reached(r.attainment, '完成率')} (Q4 and attainment ≥ 1)`
        : `已完成 completed：${reached(r.annual_progress, '年度进度')}（已达年度目标 the annual target is met）`,
    pending: `年末考核 pending：年末考核指标在四季度前不评判（第${quarter}季度）judged at year end only; 年度进度 ${r.annual_progress}`,
    on_track: r.attainment === null ? `达到序时 on_track：${reached(null, '完成率')}` : `达到序时 on_track：完成率 = ${ratio} = ${r.attainment} ≥ 1`,
    warning: `预警 warning：预警线 ${threshold} ≤ 完成率 ${r.attainment} < 1（完成率 = ${ratio}）`,
    behind:
      r.attainment === null && r.target !== null
        ? `滞后 behind：完成率无意义（目标 ≤ 0），且未达到目标 ratio undefined and not ${meets}`
        : `滞后 behind：完成率 ${r.attainment ?? '—'} < 预警线 ${threshold}（完成率 = ${ratio}）`,
  };
  return rules[r.status];
}
