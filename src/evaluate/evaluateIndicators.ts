import { appliesToSql } from '../catalog/applicability.js';
import type { Catalog } from '../catalog/catalog.js';
import { compileFormula } from './compileFormula.js';
import { ident, integerLiteral, joinSql, literal, sql } from '../model/sql.js';
import { findingSql } from './findingSql.js';
import type { Store } from '../store/store.js';

/** Quarters between a period and the same quarter of the previous year. */
export const PREVIOUS_YEAR_LAG = 4;

/**
 * Step 2: every indicator's value for every region it applies to and every period, by its
 * formula over the region's own input values (so a parent's ratio is a
 * ratio of sums). Reads `resolved` and `parent_sum_mismatches` (made by the
 * data-quality rule src/assess/quality/parentSumMismatch.ts, the one place
 * that rule is written); leaves temp tables:
 * - `actuals`: indicator, region, period, actual, zero_divisions, non_finite
 *   (findings: the divisions by zero, the formula steps that overflowed: the actual is then null, INDICATORS.md §5);
 * - `input_notes`: which inputs were missing, which children were missing,
 *   which inputs' children's sums overflowed ({input, period}), and which
 *   inputs are a parent's own report that differs from its children's sum
 *   (PARENT_SUM_MISMATCH findings, `quality_warnings`).
 */
export async function evaluateIndicators(store: Store, catalog: Catalog): Promise<void> {
  const columns = catalog.variables.map((v) => sql`max(value) FILTER (WHERE variable = ${literal(v.code)}) AS ${ident(v.code)}`);
  await store.run(sql`
    CREATE OR REPLACE TEMP TABLE wide AS
    SELECT region, period, year, quarter, pidx, ${joinSql(columns, ',\n')}
    FROM resolved GROUP BY region, period, year, quarter, pidx`);

  const selects = catalog.indicators.map((indicator) => {
    const compiled = compileFormula(indicator.formulaAst, { current: sql`c`, previousYear: sql`p` });
    return sql`
      SELECT ${literal(indicator.id)} AS indicator, c.region, c.period, c.year, c.quarter, c.pidx,
             ${compiled.value} AS actual, ${compiled.zeroDivisions} AS zero_divisions, ${compiled.nonFinite} AS non_finite
      FROM wide c JOIN w_regions r ON r.code = c.region
      LEFT JOIN wide p ON p.region = c.region AND p.pidx = c.pidx - ${integerLiteral(PREVIOUS_YEAR_LAG)}
      WHERE ${appliesToSql(indicator.applies_to, sql`r`)}`;
  });
  await store.run(sql`CREATE OR REPLACE TEMP TABLE actuals AS ${joinSql(selects, '\nUNION ALL\n')}`);

  await store.run(`CREATE OR REPLACE TEMP TABLE indicator_inputs (indicator VARCHAR, variable VARCHAR, lag INTEGER, ord INTEGER)`);
  let ord = 0;
  for (const indicator of catalog.indicators) {
    const inputs = [
      ...indicator.inputs.current.map((variable) => ({ variable, lag: 0 })),
      ...indicator.inputs.previousYear.map((variable) => ({ variable, lag: PREVIOUS_YEAR_LAG })),
    ];
    for (const { variable, lag } of inputs) {
      await store.run('INSERT INTO indicator_inputs VALUES ($indicator, $variable, $lag, $ord)', { indicator: indicator.id, variable, lag, ord: ord++ });
    }
  }

  // An input as the formula names it: `gdp`, or `prev_year(gdp)` a year earlier.
  const inputSql = sql`CASE WHEN ii.lag = 0 THEN ii.variable ELSE 'prev_year(' || ii.variable || ')' END`;
  await store.run(sql`
    CREATE OR REPLACE TEMP TABLE input_notes AS
    -- A child missing for several inputs is named once, in first-seen order.
    SELECT * REPLACE (list_filter(missing_children, (c, i) -> list_position(missing_children, c) = i) AS missing_children)
    FROM (
    SELECT a.indicator, a.region, a.period,
           -- An input whose children's sum overflowed is not missing: it is named as overflowed instead.
           list(${inputSql} ORDER BY ii.ord)
             FILTER (WHERE r.value IS NULL AND r.origin IS DISTINCT FROM 'overflow') AS missing_inputs,
           list({'input': ${inputSql}, 'period': r.period} ORDER BY ii.ord)
             FILTER (WHERE r.origin = 'overflow') AS overflowed_inputs,
           flatten(list(r.missing_children ORDER BY ii.ord) FILTER (WHERE r.missing_children IS NOT NULL)) AS missing_children,
           list(${findingSql('PARENT_SUM_MISMATCH', { variable: sql`ii.variable`, period: sql`m.period`, reported: sql`m.reported`, childrenSum: sql`m.children_sum` })} ORDER BY ii.ord)
             FILTER (WHERE m.region IS NOT NULL) AS quality_warnings
    FROM actuals a
    JOIN indicator_inputs ii ON ii.indicator = a.indicator
    LEFT JOIN resolved r ON r.region = a.region AND r.variable = ii.variable AND r.pidx = a.pidx - ii.lag
    LEFT JOIN parent_sum_mismatches m ON m.region = r.region AND m.variable = r.variable AND m.pidx = r.pidx
    GROUP BY a.indicator, a.region, a.period)`);
}
