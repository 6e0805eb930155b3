/** What a lead unit reports about one quarterly milestone. */
export const milestoneStatuses = ['done', 'in_progress', 'late', 'not_started'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

/** A lead unit's report on one task's milestone for one quarter, as read from a reports file. */
export interface MilestoneReport {
  readonly task: number;
  readonly period: string;
  readonly year: number;
  readonly quarter: number;
  readonly status: MilestoneStatus;
  readonly note: string;
  readonly reportedBy: string;
  /** The row in its file (header = row 1). */
  readonly row: number;
}
