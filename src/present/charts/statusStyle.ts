import type { Status } from '../../model/status.js';
import { statusLabels } from '../../assess/statusRules.js';

/**
 * One colour per status, the same in every chart, table and workbook: greens
 * for met, amber for 预警, red for 滞后, blue for figures judged at year end,
 * greys where there is nothing to judge.
 */
export const statusColors: Record<Status, string> = {
  completed: '#1b7837',
  on_track: '#5aae61',
  warning: '#f1a340',
  behind: '#d73027',
  pending: '#6a8fd0',
  no_data: '#bdbdbd',
  no_target: '#e6e6e6',
};

/** Text drawn on a status colour: white on the dark ones. */
export const statusTextColors: Record<Status, string> = {
  completed: '#ffffff',
  on_track: '#1a1a1a',
  warning: '#1a1a1a',
  behind: '#ffffff',
  pending: '#1a1a1a',
  no_data: '#1a1a1a',
  no_target: '#1a1a1a',
};

/** The order a legend lists statuses in: best to worst, then those not judged. */
export const statusDisplayOrder: readonly Status[] = ['completed', 'on_track', 'warning', 'behind', 'pending', 'no_data', 'no_target'];

/** A Vega-Lite colour scale over `status_label` that always shows all seven statuses in the same order. */
export const statusScale = {
  domain: statusDisplayOrder.map((s) => statusLabels[s]),
  range: statusDisplayOrder.map((s) => statusColors[s]),
};

/**
 * The colour channel of every chart coloured by status: the one scale of all
 * seven statuses (so a colour means the same in every chart), with a legend
 * under the chart of only the statuses in `shown`, the ones the chart draws.
 * The page prints the full key once; a chart on its own (a dashboard's
 * `.vl.json`) still names every colour it uses. No legend when none is shown.
 */
export function statusColor(shown: Iterable<Status>) {
  const present = new Set(shown);
  const values = statusDisplayOrder.filter((s) => present.has(s)).map((s) => statusLabels[s]);
  return {
    field: 'status_label',
    type: 'nominal',
    title: '状态',
    scale: statusScale,
    // Square swatches whatever other marks the chart layers (a text layer would make them circles).
    legend: values.length === 0 ? null : { orient: 'bottom', direction: 'horizontal', symbolType: 'square', values },
  } as const;
}
