import type { PlanQuantity } from './planQuantities.js';
import { planQuantities } from './planQuantities.js';
import type { Plan, Task } from './planSchema.js';
import type { QuantitySeries } from './quantitySeries.js';
import { quantitySeries, same, unitClass } from './quantitySeries.js';
import { readUnit } from './quantityUnits.js';
import type { Target } from '../model/target.js';

/** What the suggestions need of a catalog indicator (the catalog's indicators have these fields). */
export interface KnownIndicator {
  readonly id: string;
  readonly task?: number | undefined;
  readonly name: string;
  readonly unit: string;
}

/** What the suggestions need of a targets.csv row (the checked targets have these fields). */
export interface KnownTarget {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
  /** Null for the annual target. */
  readonly period: string | null;
  readonly value: number;
}

/** A plan quantity some indicator of its task already has as a target row. */
export interface TrackedQuantity {
  readonly quantity: PlanQuantity;
  readonly indicator: string;
  /** The target row's period: null for the annual target. */
  readonly period: string | null;
  /** The target row's value, in the indicator's unit. */
  readonly value: number;
}

/** A targets.csv row to paste: the root region, the plan's year, a quarter (or null: the annual target); its note says where the value comes from (the task and its phrase). */
export type TargetDraft = Omit<Target, 'row'>;

/** A series nothing tracks: drafts of its indicator, its input variable and its targets. */
export interface SeriesSuggestion {
  readonly series: QuantitySeries;
  readonly task: Task;
  /** The id the drafts use: task<n>_<k>, to be renamed by the analyst; unused by the catalog. */
  readonly id: string;
  /** The unit the drafts are in: the first quantity's, as written (万人, 亿元). */
  readonly unit: string;
  /** Indicators the catalog already links to the task, whose targets hold none of these values. */
  readonly taskIndicators: readonly string[];
  readonly targets: readonly TargetDraft[];
}

/** A series an indicator tracks in part: the target rows it lacks. */
export interface MissingTargets {
  readonly series: QuantitySeries;
  readonly indicator: KnownIndicator;
  readonly targets: readonly TargetDraft[];
}

export interface PlanSuggestions {
  readonly quantities: number;
  readonly tracked: readonly TrackedQuantity[];
  readonly missing: readonly MissingTargets[];
  readonly suggestions: readonly SeriesSuggestion[];
}

export interface SuggestInput {
  readonly plan: Plan;
  readonly indicators: readonly KnownIndicator[];
  readonly targets: readonly KnownTarget[];
  /** The root region's code: plan quantities are the whole city's. */
  readonly root: string;
}

/**
 * Which of the plan's quantities are tracked, and drafts for those that are
 * not. A quantity is tracked when an indicator linked to its task (`task:` in
 * metrics/) has a target row for the root region, the plan's year and the
 * quantity's quarter (the annual row for the task's text, either for Q4)
 * whose value is the quantity's, or its series' year to date, in the
 * indicator's unit (0.7万人 is 7000 for an indicator in 人, 0.7 for one in 万人).
 * A series tracked in part gets the target rows its indicator lacks; one not
 * tracked at all gets an indicator, a variable and its target rows.
 *
 * @example const { tracked, suggestions } = suggestTargets({ plan, indicators: catalog.indicators, targets, root: 'C01' });
 */
export function suggestTargets({ plan, indicators, targets, root }: SuggestInput): PlanSuggestions {
  const quantities = planQuantities(plan);
  const tracked: TrackedQuantity[] = [];
  const missing: MissingTargets[] = [];
  const suggestions: SeriesSuggestion[] = [];
  const usedIds = new Set(indicators.map((i) => i.id));
  const rows = targets.filter((t) => t.region === root && t.year === plan.year);
  for (const series of quantitySeries(quantities)) {
    const linked = indicators.filter((i) => i.task === series.task);
    const points = pointsOf(series);
    const found = points.map((p) => trackPoint(p, linked, rows, plan.year));
    tracked.push(...found.filter((f): f is TrackedQuantity => f !== undefined));
    const untracked = points.filter((_, i) => found[i] === undefined);
    if (untracked.length === 0) continue;
    const indicator = linked.find((i) => i.id === mostCommon(found.flatMap((f) => (f === undefined ? [] : [f.indicator]))));
    if (indicator !== undefined) {
      const scale = readIndicatorUnit(indicator.unit)?.scale ?? 1;
      missing.push({ series, indicator, targets: untracked.map((p) => draft(p, indicator.id, scale, root, plan.year)) });
      continue;
    }
    const task = plan.tasks.find((t) => t.number === series.task);
    const first = series.milestones[0] ?? series.goal;
    if (task === undefined || first === undefined) continue;
    const id = freeId(series.task, usedIds);
    usedIds.add(id);
    const yearRow = series.goal === undefined ? yearPointOf(series) : undefined;
    suggestions.push({
      series,
      task,
      id,
      unit: first.statedUnit,
      taskIndicators: linked.map((i) => i.id),
      targets: [...points, ...(yearRow ? [yearRow] : [])].map((p) => draft(p, id, first.scale, root, plan.year)),
    });
  }
  return { quantities: quantities.length, tracked, missing, suggestions };
}

/** A figure the plan states for a series: a milestone's due by its quarter, or the year's goal. */
interface Point {
  readonly quantity: PlanQuantity;
  /** The quarter (1–4), or null for the year. */
  readonly quarter: number | null;
  /** The quantity's own value and the series' year to date there, in the base unit; the last is the target. */
  readonly values: readonly number[];
  readonly note: string;
}

const quarterNames = ['一季度', '二季度', '三季度', '四季度'] as const;

/** The milestones' points, then the goal's; each quantity of the series is one point. */
function pointsOf(series: QuantitySeries): Point[] {
  const points: Point[] = series.milestones.map((q, i) => {
    const toDate = series.toDate[i] ?? q.value;
    const quarter = q.quarter ?? 4;
    const summed = same(toDate, q.value) ? '' : `，累计${inUnit(toDate, q.scale)}`;
    return { quantity: q, quarter, values: [q.value, toDate], note: `任务${q.task}：${q.phrase}（${quarterNames[quarter - 1] ?? ''}${summed}）` };
  });
  const goal = series.goal;
  if (goal) points.push({ quantity: goal, quarter: null, values: [goal.value], note: `任务${goal.task}：${goal.phrase}` });
  return points;
}

/**
 * The year's target of a series whose task text states none: its Q4 year to
 * date. Only for drafts: the engine reads a missing annual row as the Q4 row.
 */
function yearPointOf(series: QuantitySeries): Point | undefined {
  const last = series.milestones.at(-1);
  const toDate = series.toDate.at(-1);
  if (last?.quarter !== 4 || toDate === undefined) return undefined;
  return { quantity: last, quarter: null, values: [toDate], note: `任务${last.task}：${last.phrase}（${series.running ? '四季度末' : '四季度合计'}）` };
}

/**
 * The target row that tracks a point, if any: one for the point's quarter
 * (or for Q4 the annual row, for the goal also Q4) whose value is one of the
 * point's in the indicator's unit, for an indicator counting in the same class of unit.
 */
function trackPoint(point: Point, linked: readonly KnownIndicator[], rows: readonly KnownTarget[], year: number): TrackedQuantity | undefined {
  const q = point.quantity;
  const periods = point.quarter === null ? [null, `${year}Q4`] : point.quarter === 4 ? [`${year}Q4`, null] : [`${year}Q${point.quarter}`];
  for (const indicator of linked) {
    const unit = readIndicatorUnit(indicator.unit);
    if (unit === undefined || unitClass(unit.unit) !== unitClass(q.unit)) continue;
    for (const period of periods) {
      const row = rows.find((r) => r.indicator === indicator.id && r.period === period && point.values.some((v) => same(v / unit.scale, r.value)));
      if (row) return { quantity: q, indicator: indicator.id, period, value: row.value };
    }
  }
  return undefined;
}

/** An indicator's unit read like a plan's: 亿元, 万人; a rate per something (件/万人) by its numerator, as plans write it (万人发明专利拥有量8件). */
function readIndicatorUnit(unit: string): ReturnType<typeof readUnit> {
  return readUnit(unit) ?? readUnit(unit.split('/')[0] ?? '');
}

function draft(point: Point, indicator: string, scale: number, region: string, year: number): TargetDraft {
  const period = point.quarter === null ? null : `${year}Q${point.quarter}`;
  return { indicator, region, year, period, value: inUnit(point.values.at(-1) ?? 0, scale), note: point.note };
}

/** A base value in a scaled unit, without binary noise: 250000000 元 is 2.5 亿元. */
function inUnit(value: number, scale: number): number {
  return Number((value / scale).toPrecision(15));
}

/** task<n>_<k>, the first k the catalog and earlier drafts do not use. */
function freeId(task: number, used: ReadonlySet<string>): string {
  for (let k = 1; ; k++) if (!used.has(`task${task}_${k}`)) return `task${task}_${k}`;
}

function mostCommon(ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = id;
  return best;
}
