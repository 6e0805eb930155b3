import type { MilestoneReport } from '../model/milestoneReport.js';
import type { MilestoneStatus } from '../model/milestoneReport.js';

/** What tracking needs of a task; the plan importer's tasks have these fields. */
export interface TrackedTask {
  readonly number: number;
  readonly category: string;
  readonly text: string;
  readonly milestones: readonly string[];
  readonly leadUnits: readonly string[];
}

/** One quarterly milestone due by the tracking period, with what was reported. */
export interface DueMilestone {
  readonly task: number;
  readonly quarter: number;
  readonly milestone: string;
  /** The latest report's status, or `unreported`: never counted as done. */
  readonly state: MilestoneStatus | 'unreported';
  readonly note: string;
  readonly reportedBy: string;
  /** Quarters past due when not done: 0 for the period's own quarter. */
  readonly quartersLate: number | null;
}

/** Milestones due, done and the completion rate, for a lead unit or a 事项. */
export interface Completion {
  readonly name: string;
  readonly due: number;
  readonly done: number;
  /** done ÷ due; null when nothing is due. */
  readonly rate: number | null;
  readonly unreported: number;
  readonly overdue: number;
}

export interface PlanTracking {
  readonly year: number;
  readonly quarter: number;
  readonly milestones: readonly DueMilestone[];
  readonly byLeadUnit: readonly Completion[];
  readonly byCategory: readonly Completion[];
  /** Due and not done, oldest first: with how many quarters late. */
  readonly overdue: readonly DueMilestone[];
  readonly unreported: readonly DueMilestone[];
}

/**
 * Plan tracking for a quarter: every milestone due by its end (a task's
 * non-empty milestone cells for quarters up to it), its latest reported
 * status (reports in load order; a later one revises an earlier), and per
 * lead unit and per 事项 the milestones due, done and the completion rate.
 * A milestone nobody reported on is listed as unreported, never counted as
 * done. A task with several lead units counts for each of them.
 *
 * @example const t = trackPlan(plan.tasks, reports, 2023, 2);
 */
export function trackPlan(tasks: readonly TrackedTask[], reports: readonly MilestoneReport[], year: number, quarter: number): PlanTracking {
  const latest = new Map<string, MilestoneReport>();
  for (const r of reports) if (r.year === year && r.quarter <= quarter) latest.set(`${r.task}|${r.quarter}`, r);

  const milestones: DueMilestone[] = [];
  for (const task of tasks) {
    for (let q = 1; q <= quarter; q++) {
      const milestone = (task.milestones[q - 1] ?? '').trim();
      if (milestone === '') continue;
      const report = latest.get(`${task.number}|${q}`);
      const state = report?.status ?? 'unreported';
      milestones.push({
        task: task.number,
        quarter: q,
        milestone,
        state,
        note: report?.note ?? '',
        reportedBy: report?.reportedBy ?? '',
        quartersLate: state === 'done' ? null : quarter - q,
      });
    }
  }

  const taskOf = new Map(tasks.map((t) => [t.number, t]));
  const tally = (keysOf: (task: TrackedTask) => readonly string[]): Completion[] => {
    const by = new Map<string, { due: number; done: number; unreported: number; overdue: number }>();
    for (const m of milestones) {
      const task = taskOf.get(m.task);
      if (!task) continue;
      for (const key of keysOf(task)) {
        const c = by.get(key) ?? { due: 0, done: 0, unreported: 0, overdue: 0 };
        c.due++;
        if (m.state === 'done') c.done++;
        else c.overdue++;
        if (m.state === 'unreported') c.unreported++;
        by.set(key, c);
      }
    }
    // Units and 事项 in the order the plan first names them.
    const order = [...new Set(tasks.flatMap(keysOf))];
    return order.filter((k) => by.has(k)).map((name) => {
      const c = by.get(name) ?? { due: 0, done: 0, unreported: 0, overdue: 0 };
      return { name, ...c, rate: c.due === 0 ? null : c.done / c.due };
    });
  };

  const overdue = milestones.filter((m) => m.state !== 'done').sort((a, b) => (b.quartersLate ?? 0) - (a.quartersLate ?? 0) || a.task - b.task);
  return {
    year,
    quarter,
    milestones,
    byLeadUnit: tally((t) => t.leadUnits),
    byCategory: tally((t) => [t.category]),
    overdue,
    unreported: milestones.filter((m) => m.state === 'unreported'),
  };
}

/** A run's plan tracking for one quarter, with the tasks it was computed from. */
export interface StoredPlanTracking {
  readonly title: string;
  readonly tasks: readonly TrackedTask[];
  readonly tracking: PlanTracking;
}
