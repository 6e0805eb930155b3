/**
 * The measure words a plan's numbers are written with, as data an analyst can
 * review. A number in a milestone is read as a quantity only when one of these
 * follows it, which is what keeps dates (2023年, 4月), quarters (一季度) and
 * rankings (20强) out.
 */

/** What a unit measures; ratios are levels, so they are never added up across quarters. */
export type UnitKind = 'count' | 'people' | 'money' | 'ratio' | 'duration' | 'measure';

export interface UnitEntry {
  kind: UnitKind;
  /**
   * Characters that, right after the unit, make it part of another word:
   * "2023人才科技合作交流会" is a meeting's name, not 2023 people.
   */
  notFollowedBy?: readonly string[];
}

/** Base units, written without 万/亿; "万人" is 万 (a scale) + 人. */
export const quantityUnits: Record<string, UnitEntry> = {
  // Counts of things: the classifiers the plan uses, and a few more that plans of this kind use.
  家: { kind: 'count', notFollowedBy: ['庭'] },
  个: { kind: 'count' },
  户: { kind: 'count', notFollowedBy: ['籍', '口', '外'] },
  件: { kind: 'count' },
  项: { kind: 'count' },
  笔: { kind: 'count' },
  所: { kind: 'count', notFollowedBy: ['有', '在', '属', '得'] },
  条: { kind: 'count', notFollowedBy: ['件', '例', '款'] },
  座: { kind: 'count' },
  台: { kind: 'count', notFollowedBy: ['账'] },
  套: { kind: 'count' },
  篇: { kind: 'count' },
  份: { kind: 'count', notFollowedBy: ['额'] },
  期: { kind: 'count', notFollowedBy: ['间', '限'] },
  场次: { kind: 'count' },
  场: { kind: 'count', notFollowedBy: ['所', '景', '地', '馆'] },
  次: { kind: 'count' },
  批次: { kind: 'count' },
  // People.
  人次: { kind: 'people' },
  // 千人计划 is a programme's name.
  人: { kind: 'people', notFollowedBy: ['才', '员', '口', '民', '均', '工', '大', '计划'] },
  名: { kind: 'people', notFollowedBy: ['单', '称', '义'] },
  位: { kind: 'people', notFollowedBy: ['于', '置'] },
  // Money: 万元 and 亿元 are 元 with a scale.
  元: { kind: 'money', notFollowedBy: ['素', '旦'] },
  // Ratios.
  '%': { kind: 'ratio' },
  个百分点: { kind: 'ratio' },
  百分点: { kind: 'ratio' },
  // Durations; 年 and 月 are left out on purpose, since in a plan they are dates.
  天: { kind: 'duration', notFollowedBy: ['气', '然', '津'] },
  个月: { kind: 'duration' },
  小时: { kind: 'duration' },
  工作日: { kind: 'duration' },
  // Physical measures.
  平方米: { kind: 'measure' },
  平方公里: { kind: 'measure' },
  亩: { kind: 'measure' },
  公顷: { kind: 'measure' },
  公里: { kind: 'measure' },
  吨标准煤: { kind: 'measure' },
  吨: { kind: 'measure' },
  千瓦时: { kind: 'measure' },
  千瓦: { kind: 'measure' },
  // "提高2倍" compares with a base, like a percentage.
  倍: { kind: 'ratio' },
};

/** The scale words written between a number and its unit: 0.7万人, 2.5亿元. */
export const scaleWords: Record<'万' | '亿', 1e4 | 1e8> = {
  万: 1e4,
  亿: 1e8,
};

export type Scale = 1 | 1e4 | 1e8;

/**
 * A unit as an indicator writes it, read as a scale and a base unit the way
 * the plan's numbers are: 亿元 is 元 × 1e8, 万人 is 人 × 1e4, % is %. Undefined
 * for a unit that is not one of `quantityUnits` (件/万人, 亿元/年).
 *
 * @example readUnit('亿元') // { unit: '元', scale: 1e8, kind: 'money' }
 */
export function readUnit(written: string): { unit: string; scale: Scale; kind: UnitKind } | undefined {
  const first = written.charAt(0);
  const scaled = (first === '万' || first === '亿') && written.length > 1;
  const unit = scaled ? written.slice(1) : written;
  const entry = quantityUnits[unit];
  if (entry === undefined) return undefined;
  return { unit, scale: scaled ? scaleWords[first] : 1, kind: entry.kind };
}
