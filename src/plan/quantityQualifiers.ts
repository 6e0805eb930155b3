/**
 * The words around a plan's number that say how it bounds the result and over
 * what time it is counted, as data an analyst can review.
 */

/** How a written number bounds what must be achieved. */
export type Qualifier = 'at_least' | 'more_than' | 'exactly' | 'about' | 'at_most';

/**
 * Words written right before the number: "不少于0.7万人", "突破3750件".
 * The longest word that ends at the number wins, so 不超过 is at_most, not 超过.
 * 达到 is at_least because a milestone that overshoots a level it had to reach is met.
 */
export const qualifiersBefore: Record<string, Qualifier> = {
  不少于: 'at_least',
  不低于: 'at_least',
  不小于: 'at_least',
  至少: 'at_least',
  最少: 'at_least',
  达到: 'at_least',
  达: 'at_least',
  超过: 'more_than',
  超: 'more_than',
  突破: 'more_than',
  高于: 'more_than',
  多于: 'more_than',
  大于: 'more_than',
  逾: 'more_than',
  为: 'exactly',
  共: 'exactly',
  共计: 'exactly',
  合计: 'exactly',
  总计: 'exactly',
  恰好: 'exactly',
  正好: 'exactly',
  约: 'about',
  大约: 'about',
  大概: 'about',
  近: 'about',
  接近: 'about',
  不超过: 'at_most',
  不高于: 'at_most',
  不多于: 'at_most',
  不大于: 'at_most',
  至多: 'at_most',
  最多: 'at_most',
  控制在: 'at_most',
  低于: 'at_most',
  少于: 'at_most',
  不足: 'at_most',
};

/** Words written right after the unit: "200家以上", "100人左右". */
export const qualifiersAfter: Record<string, Qualifier> = {
  及以上: 'at_least',
  以上: 'at_least',
  左右: 'about',
  以内: 'at_most',
  之内: 'at_most',
  以下: 'at_most',
};

/** Words between the number and its unit: "20余家", "100多人" mean more than the number. */
export const qualifiersInside: Record<string, Qualifier> = {
  余: 'more_than',
  多: 'more_than',
};

/**
 * Words of commitment anywhere in the clause ("力争2023年全市高产占比38.5%"). They
 * say the number is a floor to reach, so they give at_least when no word next to
 * the number says otherwise. A written range ("1-2家") is read the same way.
 */
export const aspirationWords: readonly string[] = ['力争', '争取', '确保'];

/**
 * Words anywhere in the clause that make the number a running total for the year
 * or a level on the milestone's date, rather than what is done within that quarter.
 * Such numbers must not be added across quarters. 达到/突破 and the 量/率 words name
 * levels; the time words name a total since the start of the year.
 */
export const cumulativeMarkers: readonly string[] = [
  '累计',
  '全年',
  '年内',
  '年底',
  '年末',
  '截至',
  '截止',
  '上半年',
  '当年',
  '今年',
  '每年',
  '达到',
  '突破',
  '拥有量',
  '保有量',
  '总量',
  '总数',
  '规模',
  '比重',
  '占比',
  '率',
];
