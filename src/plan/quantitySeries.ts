import type { PlanQuantity } from './planQuantities.js';
import { quantityUnits } from './quantityUnits.js';

/**
 * One thing a task counts, followed through the year: its quantity in each
 * quarter's milestone that states one, and the task text's figure for the
 * whole year when the text states the same total.
 */
export interface QuantitySeries {
  readonly task: number;
  /** The milestones' quantities, in quarter order, at most one a quarter. */
  readonly milestones: readonly PlanQuantity[];
  /** The year-to-date value due by each milestone's quarter, in its base unit (人, 元, 家). */
  readonly toDate: readonly number[];
  /**
   * True when each milestone already states the year to date (累计, a level, or
   * values that rise every quarter: 0.3 → 0.7 → 1.1 → 1.5万人); false when each
   * states what is done within its quarter (10, 20, 20, 10 场次), summed for `toDate`.
   */
  readonly running: boolean;
  /** The task text's quantity for the year: one whose value is the last milestone's year to date, or the only member of a series without milestones. */
  readonly goal: PlanQuantity | undefined;
}

/**
 * What may be one series across quarters: counts of things are one class
 * whatever their classifier (校地合作 5场次 in Q1, 10次 in Q2), people another;
 * money, ratios, durations and measures only with the same base unit.
 */
export function unitClass(unit: string): string {
  const kind = quantityUnits[unit]?.kind;
  return kind === 'count' || kind === 'people' ? kind : unit;
}

/**
 * The plan's quantities as series, task by task: a milestone quantity joins
 * the series of the same unit class at the same position among its quarter's
 * quantities of that class (Q2's second count follows Q3's second count). A
 * task-text quantity joins the first series whose last year-to-date value it
 * equals; any other is a series of its own.
 *
 * @example quantitySeries(planQuantities(plan)).filter((s) => s.task === 39)[0]?.toDate // [10, 30, 50, 60]
 */
export function quantitySeries(quantities: readonly PlanQuantity[]): QuantitySeries[] {
  const byTask = new Map<number, PlanQuantity[]>();
  for (const q of quantities) byTask.set(q.task, [...(byTask.get(q.task) ?? []), q]);
  return [...byTask].flatMap(([task, stated]) => seriesOfTask(task, stated));
}

function seriesOfTask(task: number, stated: readonly PlanQuantity[]): QuantitySeries[] {
  const slots = new Map<string, PlanQuantity[]>();
  const positions = new Map<string, number>();
  for (const q of stated) {
    if (q.quarter === undefined) continue;
    const cell = `${q.quarter}|${unitClass(q.unit)}`;
    const position = positions.get(cell) ?? 0;
    positions.set(cell, position + 1);
    const slot = `${unitClass(q.unit)}|${position}`;
    slots.set(slot, [...(slots.get(slot) ?? []), q]);
  }
  const series = [...slots.values()].map((milestones) => ({ task, ...yearToDate(milestones), goal: undefined as PlanQuantity | undefined }));
  const own: QuantitySeries[] = [];
  for (const q of stated) {
    if (q.quarter !== undefined) continue;
    const joins = series.find((s) => s.goal === undefined && unitClass(s.milestones[0]?.unit ?? '') === unitClass(q.unit) && same(s.toDate.at(-1), q.value));
    if (joins) joins.goal = q;
    else own.push({ task, milestones: [], toDate: [], running: true, goal: q });
  }
  return [...series, ...own];
}

function yearToDate(milestones: readonly PlanQuantity[]): { milestones: readonly PlanQuantity[]; toDate: number[]; running: boolean } {
  const values = milestones.map((q) => q.value);
  const rising = values.length > 1 && values.every((v, i) => i === 0 || v > (values[i - 1] ?? v));
  const running = rising || milestones.some((q) => q.cumulative);
  let sum = 0;
  const toDate = values.map((v) => (running ? v : (sum = add(sum, v))));
  return { milestones, toDate, running };
}

/** a + b without binary noise: 2.5 + 2.5 + 2.5 is 7.5, 0.1 + 0.2 is 0.3. */
function add(a: number, b: number): number {
  return Number((a + b).toPrecision(15));
}

/** Equal as plan figures are: to 9 significant digits, so 0.3 + 0.4 is 0.7. */
export function same(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
