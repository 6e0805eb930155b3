import type { Finding, FindingCode, FindingParams } from '../../model/finding.js';

/** Names for the codes a finding carries; a code without a name is shown as it is. */
export interface FindingNames {
  readonly region: (code: string) => string | undefined;
  /** Given, variables are named in words (the 通报); otherwise by code (results.csv). */
  readonly variable?: (code: string) => string | undefined;
}

type Words = { readonly [C in FindingCode]: (params: FindingParams<C>, names: FindingNames) => string };

/** `City(C01)`; a code without a name stays a code. */
const regionNamed = (code: string, names: FindingNames): string => {
  const name = names.region(code);
  return name === undefined ? code : `${name}(${code})`;
};
const variableNamed = (code: string, names: FindingNames): string => names.variable?.(code) ?? code;
/** `prev_year(gdp)` keeps its form; only the variable inside is named. */
const inputNamed = (input: string, names: FindingNames): string => input.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => (w === 'prev_year' ? w : variableNamed(w, names)));
const number = (x: number): string => String(x);

const measureWords: Record<FindingParams<'MEASURE_NOT_FINITE'>['measure'], string> = {
  attainment: '完成率 attainment',
  annual_progress: '年度完成率 annual progress',
  expected_progress: '序时进度 expected progress',
  gap: '差距 gap',
};

/** Every finding of the catalog in words, Chinese then English. The one place findings become sentences. */
const words: Words = {
  ZERO_DIVISION: (p) => `除数为零 division by zero: ${p.previousYear ? '上年同期 previous year: ' : ''}${p.divisor} = 0`,
  NOT_FINITE: (p) =>
    `数值溢出 overflow: ${p.formula} 的某一步不是有限数（溢出，或超出 ln、log10、sqrt 的定义域）a step is not a finite number (overflow, or outside the domain of ln, log10, sqrt)`,
  CHILDREN_SUM_NOT_FINITE: (p, n) =>
    `数值溢出 overflow: 下级合计不是有限数 the sum of the children is not a finite number: ${p.inputs.map((i) => `${inputNamed(i.input, n)} ${i.period}`).join(', ')}`,
  TARGET_NOT_POSITIVE: (p) => `目标值 ${number(p.target)} 不大于0，不计算完成率，按实际值与目标比较判定 target(p) 0 or below: no attainment, judged by actual against target`,
  ANNUAL_TARGET_NOT_POSITIVE: (p) => `年度目标 ${number(p.annualTarget)} 不大于0，不计算年度完成率 annual target 0 or below: no annual progress`,
  LOWER_ACTUAL_NOT_POSITIVE: (p) =>
    `逆向指标实际值 ${number(p.actual)} 不大于0，不计算完成率，按实际值不高于目标判定 lower-is-better actual 0 or below: no ratio (target ÷ actual), judged by actual ≤ target`,
  MEASURE_NOT_FINITE: (p) => `数值溢出 overflow: ${measureWords[p.measure]} 不是有限数 is not a finite number`,
  MISSING_INPUTS: (p, n) => `缺少数据 missing input: ${p.inputs.map((i) => inputNamed(i, n)).join(', ')}`,
  MISSING_CHILDREN: (p, n) => `下级未报 missing children: ${p.children.map((c) => regionNamed(c, n)).join('、')}`,
  TARGET_INHERITED: (p, n) => `目标继承自 target inherited from ${regionNamed(p.from, n)}`,
  NO_SCHEDULE_ROW: () => '无本期进度目标，按线性序时 no schedule row, linear',
  PARENT_SUM_MISMATCH: (p, n) =>
    `数据质量 data quality: ${variableNamed(p.variable, n)} ${p.period} 本级报送 ${number(p.reported)}，下级合计 ${number(p.childrenSum)}，相差 ${((100 * Math.abs(p.reported - p.childrenSum)) / Math.abs(p.reported)).toFixed(2)}%（reported total differs from the sum of its parts）`,
};

/**
 * One finding in words.
 *
 * @example
 * findingText({ code: 'TARGET_INHERITED', params: { from: 'C' } }, { region: (code) => (code === 'C' ? 'City' : undefined) });
 * // '目标继承自 target inherited from City(C)'
 */
export function findingText(finding: Finding, names: FindingNames): string {
  const say = words[finding.code] as (params: Finding['params'], names: FindingNames) => string;
  return say(finding.params, names);
}

/**
 * A figure's findings as the `notes` column reads: sentences joined by `；`, null when there are none.
 *
 * @example
 * notesText(kpi.rows()[0].findings, { region: (code) => kpi.regions.find((r) => r.code === code)?.name });
 */
export function notesText(findings: readonly Finding[], names: FindingNames): string | null {
  return findings.length === 0 ? null : findings.map((f) => findingText(f, names)).join('；');
}
