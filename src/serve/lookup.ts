import { didYouMean } from '../check/suggestCode.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { RunContext } from '../present/runContext.js';
import { periodsOf } from '../present/runContext.js';

/** A request's names and codes, each checked against the run: indicator and region by code or Chinese name. */
export interface Names {
  readonly indicator?: string | undefined;
  readonly region?: string | undefined;
  readonly period?: string | undefined;
}

/**
 * The codes `names` stand for in `context`, or {@link KpiInputError} listing
 * every name the run does not know, each with the nearest known one ("did
 * you mean") and the parameter it came in — the same words as the CLI's.
 */
export function lookUp(context: RunContext, names: Names): Names {
  const problems: Diagnostic[] = [];
  const indicators = context.catalog.indicators.map((i) => ({ code: i.id, name: i.name }));
  const indicator = names.indicator === undefined ? undefined : indicators.find((i) => i.code === names.indicator || i.name === names.indicator)?.code;
  if (names.indicator !== undefined && indicator === undefined) {
    problems.push(problem('UNKNOWN_INDICATOR', { column: 'indicator', value: names.indicator, expected: didYouMean(names.indicator, indicators, '指标目录中的指标（GET /indicators 列出全部）/ an indicator of the catalog (GET /indicators)') }));
  }
  const region = names.region === undefined ? undefined : context.regions.find((r) => r.code === names.region || r.name === names.region)?.code;
  if (names.region !== undefined && region === undefined) {
    problems.push(problem('UNKNOWN_REGION', { column: 'region', value: names.region, expected: didYouMean(names.region, context.regions, 'regions.csv 中的地区（GET /regions 列出全部）/ a region of regions.csv (GET /regions)') }));
  }
  const periods = periodsOf(context);
  if (names.period !== undefined && !periods.includes(names.period)) {
    problems.push(problem('UNKNOWN_PERIOD', { column: 'period', value: names.period, expected: `有结果的期别 periods with results: ${periods.join('、') || '—'}` }));
  }
  if (problems.length > 0) throw new KpiInputError(problems);
  return { indicator, region, period: names.period };
}
