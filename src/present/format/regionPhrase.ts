/** The suffixes of an administrative region's name that a following word may repeat. */
const levelSuffixes = ['市', '县', '区'] as const;

/**
 * Words that begin with a level character without being about the level:
 * 市场 is a market (市市场监管局 is the city's market regulator), 区域 an
 * area, 县域 a county's territory. Their first character is never dropped.
 */
const compounds = ['市场', '市民', '市区', '区域', '县域', '县城'] as const;

/**
 * A region's name followed by words about it, without saying the level
 * twice: when the name ends in 市, 县 or 区 and the words begin with 全 and
 * that character or 全市 (`全市发明专利拥有量`), or with that character
 * itself (`市综合金融服务平台…`), the repeated prefix is dropped — the name
 * already says whose it is. A word such as 市场 keeps its 市. Anything else
 * is joined as written.
 *
 * @example
 * regionPhrase('某某市', '全市发明专利拥有量');   // '某某市发明专利拥有量'
 * regionPhrase('某某市', '市综合金融服务平台');   // '某某市综合金融服务平台'
 * regionPhrase('某某市', '市场监管局');           // '某某市市场监管局'
 * regionPhrase('某某县', '主要指标完成情况');     // '某某县主要指标完成情况'
 */
export function regionPhrase(regionName: string, words: string): string {
  const suffix = levelSuffixes.find((s) => regionName.endsWith(s));
  if (suffix === undefined || compounds.some((c) => words.startsWith(c))) return `${regionName}${words}`;
  const repeated = [`全${suffix}`, '全市', suffix].find((prefix) => words.startsWith(prefix) && words.length > prefix.length);
  return `${regionName}${repeated === undefined ? words : words.slice(repeated.length)}`;
}
