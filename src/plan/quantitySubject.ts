/**
 * Finding what a plan's number counts. Plans write it before the number
 * ("开展各类职业技能竞赛20场次") or, Chinese's usual order for a count, right after
 * the measure word ("指导40户企业开展知识产权贯标"). These word lists are the whole
 * method, so an analyst who finds a wrong subject can see which word to add.
 */

/**
 * Verbs and adverbs that lead into what is counted. The subject is what follows
 * the last of them in the clause: "争取上半年母子基金完成科技型企业投资2个" counts
 * 科技型企业投资, not 母子基金.
 */
const subjectLeadIns: readonly string[] = [
  '开展', '实现', '引进', '新增', '新建', '建成', '推动', '推进', '指导', '支持',
  '完成', '组织', '举办', '举行', '召开', '开设', '招引', '培育', '创建', '排定',
  '调度', '争取', '力争', '确保', '累计', '打造', '发放', '兑现', '拨付', '评选',
  '遴选', '落实', '加快', '设立', '吸引', '引导', '培养', '实施', '围绕', '利用',
  '聚焦', '布局',
];

/**
 * Verbs that are also part of nouns (知识产权贯标备案企业, 能耗下降率): they lead in
 * only at the start of what is left of the clause ("每年认定科技型企业", "提高2个百分点")
 * or at its very end, right before the number ("推动建设2家…").
 */
const nounLikeLeadIns: readonly string[] = ['备案', '认定', '转化', '建设', '提高', '增长', '增加', '降低', '下降', '减少'];

/** Scope and time words that open a subject without being part of it ("全市发明专利拥有量"). */
const subjectOpeners: readonly string[] = [
  '年底前', '年底', '年末', '年内', '全年', '上半年', '下半年', '当年', '今年', '每年',
  '每季度', '年度', '全市', '全省', '全县', '全区', '全社会', '各类', '各地', '各县区',
  '持续', '进一步',
];

/** Dates that open a subject: 2023年, 二季度, 6月底前. */
const dateOpener = /^(?:\d{4}年度?|[一二三四1-4]季度(?:末|底)?|\d{1,2}月(?:底|末)?前?)/;

/**
 * Words after the measure word that start the next predicate, ending a subject
 * written there: "3家公共服务平台开展项目研发" counts 公共服务平台.
 */
const subjectStops: readonly string[] = ['开展', '实施', '进行', '成功', '参加', '参与', '开发', '落户', '入驻', '上市', '征收'];

/** Endings that only restate that something is counted: 高企数 is 高企, 维权援助次数 is 维权援助. */
const countEndings: readonly string[] = ['数量', '次数', '个数', '总数', '数'];
/** Words ending in 数 that are things in their own right. */
const numberWords: readonly string[] = ['指数', '系数', '分数', '倍数', '基数', '参数', '人数', '户数'];

const quoteMarks = /[“”‘’"'「」『』]/g;
const clauseEnd = /[，,。；;：:！!？?\n\r\t]/;

/**
 * The subject written before a number, from the clause text that precedes it
 * (qualifier excluded). Empty when the clause only leads in with a verb, or when
 * it ends in 等 ("化学纤维等5条产业链"), since then the subject follows the number.
 */
export function subjectBefore(clause: string): string {
  let subject = dropOpeners(afterLastLeadIn(dropOpeners(clause)));
  for (let cut = true; cut; ) {
    const word = nounLikeLeadIns.find((w) => subject.startsWith(w) || subject.endsWith(w));
    cut = word !== undefined;
    if (word !== undefined) subject = dropOpeners(subject.startsWith(word) ? subject.slice(word.length) : subject.slice(0, -word.length));
  }
  subject = trimSubject(subject);
  if (subject.endsWith('等')) return '';
  return dropCountEnding(subject);
}

/**
 * The subject written after a number's measure word, starting at `from`, and
 * where it ends in the text. It runs to the end of the clause, the next Arabic
 * number, or a word that starts the next predicate.
 */
export function subjectAfter(text: string, from: number): { subject: string; end: number } {
  let end = from;
  while (end < text.length && !clauseEnd.test(text.charAt(end)) && !/[0-9０-９]/.test(text.charAt(end))) {
    if (subjectStops.some((w) => text.startsWith(w, end))) break;
    end += 1;
  }
  const raw = text.slice(from, end);
  const trimmed = raw.trimEnd();
  return { subject: trimSubject(trimmed), end: from + trimmed.length };
}

function afterLastLeadIn(clause: string): string {
  let cut = 0;
  for (const word of subjectLeadIns) {
    const at = clause.lastIndexOf(word);
    if (at >= 0) cut = Math.max(cut, at + word.length);
  }
  return clause.slice(cut);
}

function dropOpeners(text: string): string {
  let rest = text;
  for (let opened = true; opened; ) {
    rest = rest.replace(/^[\s、]+/, '');
    const opener = dateOpener.exec(rest)?.[0] ?? subjectOpeners.find((w) => rest.startsWith(w));
    opened = opener !== undefined;
    if (opener !== undefined) rest = rest.slice(opener.length);
  }
  return rest;
}

function dropCountEnding(subject: string): string {
  if (numberWords.some((w) => subject.endsWith(w))) return subject;
  const ending = countEndings.find((w) => subject.endsWith(w) && subject.length > w.length);
  return ending === undefined ? subject : subject.slice(0, -ending.length);
}

function trimSubject(subject: string): string {
  return subject.replace(quoteMarks, '').replace(/^[\s、]+|[\s、]+$/g, '');
}
