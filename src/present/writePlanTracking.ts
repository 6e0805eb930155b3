import { join } from 'node:path';
import { milestoneStatusLabels } from '../plan/milestoneStatus.js';
import type { StoredPlanTracking } from '../plan/trackPlan.js';
import { writeAtomically } from './writeAtomically.js';
import { csvField } from '../model/csvText.js';
import { formatPeriod } from '../model/period.js';

const csv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string =>
  `\uFEFF${[header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n')}\r\n`;

/** `unreported` is not a status anyone reported: it is said as such. */
const stateLabel = (state: string): string => (state === 'unreported' ? '未报送' : (milestoneStatusLabels[state as keyof typeof milestoneStatusLabels] ?? state));

/**
 * Writes plan tracking beside the results: `plan-milestones.csv` (every
 * milestone due by the quarter, with its reported status and quarters late)
 * and `plan-units.csv` (per lead unit, then per 事项: due, done, completion
 * rate, unreported, overdue). UTF-8 with BOM; renamed into place.
 */
export async function writePlanTracking(stored: StoredPlanTracking, out: string): Promise<string[]> {
  const { tracking, tasks } = stored;
  const byNumber = new Map(tasks.map((t) => [t.number, t]));
  const period = formatPeriod(tracking.year, tracking.quarter);
  const milestones = csv(
    ['period', 'task', 'quarter', 'milestone', 'status', 'status_label', 'quarters_late', 'lead_units', 'category', 'note', 'reported_by'],
    tracking.milestones.map((m) => [
      period,
      m.task,
      m.quarter,
      m.milestone,
      m.state,
      stateLabel(m.state),
      m.quartersLate,
      byNumber.get(m.task)?.leadUnits.join('、') ?? '',
      byNumber.get(m.task)?.category ?? '',
      m.note,
      m.reportedBy,
    ]),
  );
  const units = csv(
    ['period', 'group', 'name', 'due', 'done', 'completion_rate', 'unreported', 'overdue'],
    [
      ...tracking.byLeadUnit.map((u) => [period, 'lead_unit', u.name, u.due, u.done, u.rate, u.unreported, u.overdue] as const),
      ...tracking.byCategory.map((c) => [period, 'category', c.name, c.due, c.done, c.rate, c.unreported, c.overdue] as const),
    ],
  );
  const files: [string, string][] = [
    [join(out, 'plan-milestones.csv'), milestones],
    [join(out, 'plan-units.csv'), units],
  ];
  await writeAtomically(files.map(([file, content]) => ({ file, content })));
  return files.map(([file]) => file);
}
