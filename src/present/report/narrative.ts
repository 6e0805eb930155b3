import type { EarlyWarning } from '../../assess/outlook/earlyWarnings.js';
import { statusLabels } from '../../assess/statusRules.js';
import type { Status } from '../../model/status.js';
import { statusDisplayOrder } from '../charts/statusStyle.js';
import { formatLead, formatShare, formatValue, progressLead } from '../format/formatFigure.js';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData, ReportRow } from './reportData.js';
import { indicatorById, periodRows, rootRegion } from './reportData.js';

/**
 * A number the narrative states, and where it comes from: a field of one
 * result row of the run (`source`), or a count of rows (`counted`). Every
 * number in the text is one of these, so a test can check each against the
 * results the same run published.
 */
export interface NarrativeFact {
  readonly text: string;
  readonly value: number;
  readonly source?: { readonly indicator: string; readonly region: string; readonly period: string; readonly field: FactField };
  readonly counted?: readonly { readonly indicator: string; readonly region: string }[];
}

/** The result fields a fact may quote; `lead` is annual progress − 序时进度, in 个百分点. */
export type FactField = 'actual' | 'annualTarget' | 'attainment' | 'yoyGrowth' | 'projected' | 'probability' | 'paceNeeded' | 'lead';

/** A sentence: text with facts in it. */
export type NarrativeSentence = readonly (string | NarrativeFact)[];

/** The 通报's opening, in the four parts a bureau writes it in. */
export interface Narrative {
  /** 总体情况. */
  readonly overall: readonly NarrativeSentence[];
  /** 亮点: ahead of 序时 by most, the biggest 同比 gains. */
  readonly highlights: readonly NarrativeSentence[];
  /** 问题: behind, projected to miss, data problems. */
  readonly problems: readonly NarrativeSentence[];
  /** 下步: the pace needed and who leads, for each early warning shown. */
  readonly nextSteps: readonly NarrativeSentence[];
}

/** How many of a kind a part names at most: a 通报's opening is short. */
const SHOWN = 3;

/** The sentence as text. */
export const sentenceText = (sentence: NarrativeSentence): string => sentence.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/**
 * The quarter in words, from templates over the figures of the report's
 * period: the root region's statuses, who is furthest ahead of 序时 and
 * gained most 同比, what is behind, the early warnings and the data-quality
 * count, and for each warning shown the pace still needed and its lead
 * units. No number is written that is not a result of the run.
 *
 * @example narrativeOf(data).overall.map(sentenceText) // ['2023年二季度，全市28项指标中，已完成5项、…']
 */
export function narrativeOf(data: ReportData, quality: { readonly errors: number; readonly warnings: number } = { errors: 0, warnings: 0 }): Narrative {
  const root = rootRegion(data);
  const rows = periodRows(data);
  const city = rows.filter((r) => r.region === root.code);
  const when = periodLabel(data.period);
  const name = (r: ReportRow): string => indicatorById(data, r.indicator).name;
  const regionName = (code: string): string => data.regions.find((g) => g.code === code)?.name ?? code;

  const counted = (status: Status): NarrativeFact => {
    const matching = city.filter((r) => r.status === status);
    return { text: String(matching.length), value: matching.length, counted: matching.map((r) => ({ indicator: r.indicator, region: r.region })) };
  };
  const all: NarrativeFact = { text: String(city.length), value: city.length, counted: city.map((r) => ({ indicator: r.indicator, region: r.region })) };
  // Every status the root has, in the order and words the tables and legends use, so the counts add up to all.
  const statusParts: NarrativeSentence = statusDisplayOrder
    .filter((s) => city.some((r) => r.status === s))
    .flatMap((s, i) => [i === 0 ? statusLabels[s] : `、${statusLabels[s]}`, counted(s), '项']);
  const overall: NarrativeSentence[] = [[`${when}，${root.name}`, all, '项主要指标中，', ...statusParts, '。']];

  const fact = (r: ReportRow, field: FactField, value: number, text: string): NarrativeFact => ({ text, value, source: { indicator: r.indicator, region: r.region, period: r.period, field } });
  const leadOf = (r: ReportRow): number | null => progressLead(r.annualProgress, r.expectedProgress);
  const valueFact = (r: ReportRow, field: 'actual' | 'annualTarget' | 'projected' | 'paceNeeded', value: number): NarrativeFact => fact(r, field, value, formatValue(value, indicatorById(data, r.indicator)));

  const highlights: NarrativeSentence[] = [];
  const ahead = city
    .map((r) => ({ r, lead: leadOf(r) }))
    .filter((x): x is { r: ReportRow; lead: number } => x.lead !== null && x.lead > 0 && x.r.status !== 'pending')
    .sort((a, b) => b.lead - a.lead || compare(a.r.indicator, b.r.indicator))
    .slice(0, SHOWN);
  if (ahead.length > 0) {
    highlights.push(['超序时进度最多的是', ...ahead.flatMap((x, i) => [i === 0 ? '' : '、', `${name(x.r)}（`, fact(x.r, 'lead', x.lead, `${formatLead(x.lead)}个百分点`), '）']), '。']);
  }
  const gains = city
    .filter((r): r is ReportRow & { yoyGrowth: number } => r.yoyGrowth !== null && r.yoyGrowth > 0 && indicatorById(data, r.indicator).direction === 'higher')
    .sort((a, b) => b.yoyGrowth - a.yoyGrowth || compare(a.indicator, b.indicator))
    .slice(0, SHOWN);
  if (gains.length > 0) {
    highlights.push(['同比增幅最大的是', ...gains.flatMap((r, i) => [i === 0 ? '' : '、', `${name(r)}（增长`, fact(r, 'yoyGrowth', r.yoyGrowth, formatShare(r.yoyGrowth)), '）']), '。']);
  }
  if (highlights.length === 0) highlights.push(['本期没有超序时进度或同比增长的指标。']);

  const problems: NarrativeSentence[] = [];
  const behind = city
    .filter((r): r is ReportRow & { attainment: number } => r.status === 'behind' && r.attainment !== null)
    .sort((a, b) => a.attainment - b.attainment || compare(a.indicator, b.indicator));
  if (behind.length > 0) {
    const shown = behind.slice(0, SHOWN);
    problems.push([
      '滞后于序时进度的有',
      ...shown.flatMap((r, i) => [i === 0 ? '' : '、', `${name(r)}（完成率`, fact(r, 'attainment', r.attainment, formatShare(r.attainment)), '）']),
      behind.length > SHOWN ? '等' : '',
      '。',
    ]);
  }
  const warnings = data.warnings.filter((w) => w.period === data.period);
  const warned = (w: EarlyWarning): ReportRow | undefined => rows.find((r) => r.indicator === w.indicator && r.region === w.region);
  if (warnings.length > 0) {
    const count: NarrativeFact = { text: String(warnings.length), value: warnings.length, counted: warnings.map((w) => ({ indicator: w.indicator, region: w.region })) };
    const shown = warnings.slice(0, SHOWN).flatMap((w, i) => {
      const r = warned(w);
      if (r === undefined || r.projected === null) return [];
      return [i === 0 ? '' : '；', `${regionName(w.region)}${name(r)}预计年末`, valueFact(r, 'projected', r.projected), '，年度目标', valueFact(r, 'annualTarget', w.annualTarget)];
    });
    problems.push(['按季节规律推算，预计年末难以完成年度目标的共', count, '项（见预警清单）', ...(shown.length > 0 ? ['，最突出的是：', ...shown] : []), '。']);
  } else if (data.quarter < 4) problems.push(['按季节规律推算，各项指标预计年末均可完成年度目标。']);
  if (quality.errors + quality.warnings > 0) {
    problems.push(['数据质量检查发现错误', { text: String(quality.errors), value: quality.errors }, '项、需核实', { text: String(quality.warnings), value: quality.warnings }, '项，请报送单位核实（见数据质量提示）。']);
  }
  if (problems.length === 0) problems.push(['本期没有滞后于序时进度的指标。']);

  const nextSteps: NarrativeSentence[] = warnings.slice(0, SHOWN).flatMap((w) => {
    const r = warned(w);
    if (r === undefined) return [];
    const indicator = indicatorById(data, r.indicator);
    const who = w.leadUnits.length > 0 ? `由${w.leadUnits.join('、')}牵头，` : '';
    if (r.paceNeeded === null) return [[`${regionName(w.region)}${indicator.name}：${who}加快推进，确保年末完成目标。`]];
    const verb = indicator.direction === 'higher' ? '完成' : '下降';
    return [[`${regionName(w.region)}${indicator.name}：${who}后${quartersLeft[4 - data.quarter] ?? ''}个季度平均每季度需${verb}`, valueFact(r, 'paceNeeded', r.paceNeeded), '。']];
  });
  if (nextSteps.length === 0) nextSteps.push([data.quarter < 4 ? '保持当前进度，确保全年目标完成。' : '做好年度考核和下年度目标的衔接。']);
  return { overall, highlights, problems, nextSteps };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** 后三个季度: the quarters left, in words (a number in the text would have to be a result). */
const quartersLeft: Record<number, string> = { 1: '一', 2: '两', 3: '三' };
