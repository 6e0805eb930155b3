import type { QualityCode, QualityFinding, QualityParams, QualitySeverity } from '../../model/qualityFinding.js';
import { qualitySeverities } from '../../model/qualityFinding.js';

/** Names for the codes a quality finding carries; a code without a name is shown as it is. */
export interface QualityNames {
  readonly region: (code: string) => string | undefined;
  readonly variable: (code: string) => string | undefined;
  readonly indicator: (id: string) => string | undefined;
}

/** How a severity is said (quality.csv keeps the code; the CLI and the 通报 say it). */
export const severityWords: Record<QualitySeverity, string> = { error: '错误 error', warning: '警告 warning' };

/**
 * The count per severity, as `kpi run` prints it.
 *
 * @example qualityCountText(findings) // '数据质量 data quality: 错误 error 2，警告 warning 5'
 */
export function qualityCountText(findings: readonly Pick<QualityFinding, 'severity'>[]): string {
  const count = (severity: QualitySeverity): string => `${severityWords[severity]} ${findings.filter((f) => f.severity === severity).length}`;
  return `数据质量 data quality: ${qualitySeverities.map(count).join('，')}`;
}

/** `某某市(C01)`; a code without a name stays a code. */
const named = (code: string, name: string | undefined): string => (name === undefined ? code : `${name}(${code})`);
const number = (x: number): string => String(x);
/** A share as a percentage with two decimals: 0.005 → 0.50%. */
const percent = (share: number): string => `${(100 * share).toFixed(2)}%`;

type About = { readonly region: string; readonly period: string; readonly subject: string; readonly value: number | null; readonly reference: number | null };
type Words = { readonly [C in QualityCode]: (params: QualityParams<C>, about: About, names: QualityNames) => string };

const fallbackWords: Record<QualityParams<'MISSING_REPORT'>['fallback'], (value: number | null) => string> = {
  children_sum: (v) => `暂用下级合计 ${v === null ? '' : number(v)} the sum of its children stands in`,
  earlier_report: (v) => `暂用以前年度本级数 ${v === null ? '' : number(v)} an earlier year's own report stands in`,
  children_incomplete: () => '下级也未报齐，暂无数据 its children have not all reported either: no value yet',
  none: () => '暂无数据 no value until it reports',
};

/** Every rule's finding in words, Chinese then English. The one place quality findings become sentences. */
const words: Words = {
  YTD_DECREASE: (p, a) =>
    `累计值下降 year-to-date total fell: ${a.subject} ${a.period} 为 ${number(a.value ?? NaN)}，低于 ${p.previousPeriod} 的 ${number(a.reference ?? NaN)}（累计值不应减少 a year-to-date total cannot fall below the quarter before's）`,
  OUT_OF_RANGE: (p, a) =>
    `超出范围 out of range: ${a.subject} ${a.period} 为 ${number(a.value ?? NaN)}，${p.bound === 'min' ? '低于下限' : '高于上限'} ${number(a.reference ?? NaN)}（${p.bound === 'min' ? 'below the catalog’s minimum' : 'above the catalog’s maximum'}）`,
  STOCK_JUMP: (p, a) => {
    const change = a.value !== null && a.reference !== null && a.reference !== 0 ? `${a.value >= a.reference ? '+' : ''}${percent((a.value - a.reference) / Math.abs(a.reference))}` : `${number((a.value ?? NaN) - (a.reference ?? NaN))}`;
    return `存量跳变 stock jump: ${a.subject} ${a.period} 为 ${number(a.value ?? NaN)}，较 ${p.previousPeriod} 的 ${number(a.reference ?? NaN)} 变动 ${change}，超过 ${percent(p.tolerance)}（more than the tolerance from the quarter before）`;
  },
  PARENT_SUM_MISMATCH: (p, a) => {
    const gap = a.value !== null && a.reference !== null && a.value !== 0 ? percent(Math.abs(a.value - a.reference) / Math.abs(a.value)) : '—';
    if (p.basis === 'firms') {
      return `本级报送与企业合计不符 the region's report differs from its firms' sum: ${a.subject} ${a.period} 本级报送 ${number(a.value ?? NaN)}，${p.children} 家企业合计 ${number(a.reference ?? NaN)}，相差 ${gap}，超过容差 ${percent(p.tolerance)}（more than the tolerance）`;
    }
    return `上级与下级合计不符 parent differs from its children's sum: ${a.subject} ${a.period} 本级报送 ${number(a.value ?? NaN)}，${p.children} 个下级合计 ${number(a.reference ?? NaN)}，相差 ${gap}，超过容差 ${percent(p.tolerance)}（more than the tolerance）`;
  },
  PEER_OUTLIER: (p, a, n) =>
    `同级离群 peer outlier: ${a.subject} ${a.period} 为 ${number(a.value ?? NaN)}，${named(p.parent, n.region(p.parent))} 下 ${p.peers} 个同级地区中位数 ${number(a.reference ?? NaN)}，稳健 z = ${p.z.toFixed(2)}，超出 ±${number(p.threshold)}（robust z beyond the threshold among its siblings）`,
  MISSING_REPORT: (p, a) => {
    const why = [
      ...(p.lastYear ? [`上年同期 ${p.previousPeriod} 曾报送 ${number(a.reference ?? NaN)} it reported at ${p.previousPeriod}`] : []),
      ...(2 * p.siblingsReported >= p.siblings && p.siblings > 0 ? [`${p.siblings} 个同级地区中 ${p.siblingsReported} 个已报送 ${p.siblingsReported} of its ${p.siblings} siblings reported`] : []),
    ].join('，');
    return `漏报 missing report: ${a.subject} ${a.period} 未报送 not reported（${why}）；${fallbackWords[p.fallback](p.fallbackValue)}`;
  },
};

/** One quality finding in words, its region left out (quality.csv has it in a column of its own). */
export function qualityText(finding: QualityFinding, names: QualityNames): string {
  const subject =
    finding.variable !== null ? (names.variable(finding.variable) ?? finding.variable) : finding.indicator !== null ? (names.indicator(finding.indicator) ?? finding.indicator) : '';
  const about: About = { region: finding.region, period: finding.period, subject, value: finding.value, reference: finding.reference };
  const say = words[finding.code] as (params: QualityFinding['params'], about: About, names: QualityNames) => string;
  return say(finding.params, about, names);
}
