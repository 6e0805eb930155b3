import type { Finding } from './finding.js';
import type { Status } from './status.js';

/**
 * One assessed figure: an indicator for a region and a period, its target,
 * ratios, status and rank (INDICATORS.md §4–§5), and what was noticed while
 * computing it. The one shape a result has from the store to every output;
 * names and words are added by `present/`.
 */
export interface FigureResult {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly annualTarget: number | null;
  readonly attainment: number | null;
  readonly annualProgress: number | null;
  readonly expectedProgress: number | null;
  readonly gap: number | null;
  readonly status: Status;
  readonly rank: number | null;
  /** `own`, or `inherited:<region code>` for an intensive indicator's ancestor's target; null without an annual target. */
  readonly targetSource: string | null;
  /** The inputs with no figure, as the formula names them (`prev_year(gdp)`). */
  readonly missingInputs: readonly string[];
  /** Children (region codes) that reported nothing for an input summed from them. */
  readonly missingChildren: readonly string[];
  readonly findings: readonly Finding[];
}
