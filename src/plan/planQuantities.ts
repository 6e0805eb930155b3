import type { Quantity } from './extractQuantities.js';
import { extractQuantities } from './extractQuantities.js';
import type { Plan } from './planSchema.js';

/** A quantity a plan states, with where: its task, and the quarter of the milestone cell (undefined: the task's own text). */
export interface PlanQuantity extends Quantity {
  readonly task: number;
  readonly quarter: 1 | 2 | 3 | 4 | undefined;
}

const quarters = [1, 2, 3, 4] as const;

/**
 * Every quantity the plan states, task by task: first those of the task's
 * text (the year's goal, quarter undefined), then those of each quarter's
 * milestone in order, each in the order written.
 *
 * @example planQuantities(plan).filter((q) => q.task === 10).map((q) => [q.quarter, q.value]) // [[undefined, 120], [1, 30], [2, 60], [3, 90], [4, 120]]
 */
export function planQuantities(plan: Pick<Plan, 'tasks'>): PlanQuantity[] {
  return plan.tasks.flatMap((task) => [
    ...extractQuantities(task.text).map((q) => ({ ...q, task: task.number, quarter: undefined })),
    ...quarters.flatMap((quarter) => extractQuantities(task.milestones[quarter - 1] ?? '').map((q) => ({ ...q, task: task.number, quarter }))),
  ]);
}
