import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import { defaultTimeZone, formatTime } from '../model/clock.js';
import { listRuns } from '../store/runs.js';
import type { Store } from '../store/store.js';

/**
 * The problem with a run asked for by number or time that the database does not
 * hold finished: NO_RUN when it holds none, else UNKNOWN_RUN naming those it
 * does, with their times on the clock of `zone`.
 */
export async function unknownRun(store: Store, asked: number | Date | undefined, zone: string = defaultTimeZone): Promise<Diagnostic> {
  const done = (await listRuns(store)).filter((r) => r.status === 'done');
  const value = asked === undefined ? undefined : asked instanceof Date ? formatTime(asked, zone) : String(asked);
  if (done.length === 0) return problem('NO_RUN', value === undefined ? {} : { value });
  const ids = done.map((r) => `#${r.runId}（${formatTime(new Date(r.startedMs), zone)}）`).join('、');
  return problem('UNKNOWN_RUN', { ...(value === undefined ? {} : { value }), expected: `已完成的运行 finished runs: ${ids}；kpi runs 列出全部 / kpi runs lists them` });
}
