/**
 * Next year's plan as the importer has never seen it: another city, year and
 * units, the same layout — a 事项 cell spanning two columns, merged blanks, an
 * empty milestone cell, a lead cell continued on an untabbed line with its
 * units run together, a repeated heading with a slip, full-width spaces in the
 * header, stray spaces, a bookmark, and a line of text after the table.
 */
export const variantLines = [
  ' 关于印发《云川市2024年度科技创新重点任务推进计划》的通知',
  '[bookmark: _GoBack]各镇人民政府，区各园区管委会：',
  '现将《云川市2024年度科技创新重点任务推进计划》印发给你们，请认真贯彻落实。',
  '',
  ' 云川市2024年度科技创新重点任务推进计划',
  '\t事\u3000\u3000项',
  '\t重点工作',
  '\t具体任务',
  '\t一季度',
  '\t二季度',
  '\t三季度',
  '\t四季度',
  '\t牵头单位',
  '\t配合单位',
  '',
  '\t主要目标',
  '\t1.规上工业增加值增长8%。',
  '\t制定全年工作计划。',
  '\t开展半年调度。',
  '\t开展三季度调度。',
  '\t全年增长8%。',
  '\t区统计局',
  '\t各镇（街道）、区各园区，区发改局',
  '',
  '\t',
  '\t2.研发投入占比达到2.5%。',
  '\t研究年度任务。',
  '\t',
  '\t落实研发奖补政策。',
  '\t力争研发投入占比2.5%。 ',
  '\t区科学技术局',
  '\t各镇（街道）、区各园区；区统计局、区财政局',
  '',
  '\t人才引育工程',
  '\t引进高端人才',
  '\t3.全年引进博士50名。',
  '\t发布引才公告。',
  '\t举办 “云川人才周” 活动。',
  '\t引进博士30名。',
  '\t引进博士50名。',
  '\t区委人才办',
  '区人社局区教育局',
  '\t各镇（街道）、区各园区',
  '',
  '\t',
  '\t',
  '\t4.建设人才公寓200套。',
  '\t完成选址。',
  '\t开工建设。',
  '\t主体封顶。',
  '\t交付使用。',
  '\t区住建局',
  '\t区财政局',
  '',
  '\t优化人才服努',
  '\t优化人才服务',
  '\t5.上线人才服务平台。',
  '\t完成平台开发。',
  '\t平台试运行。',
  '\t平台正式上线。',
  '\t开展使用评估。',
  '\t区市场监管局',
  '\t各镇（街道）、区各园区',
  '',
  '\t开放合作工程',
  '\t深化区域合作',
  '\t6.与沪苏园区共建合作园区1个。',
  '\t签订共建协议。',
  '\t确定园区范围。',
  '\t开展招商活动。',
  '\t年度总结。',
  '\t区商务局',
  '\t各镇（街道）、区各园区，区发改局',
  '',
  '抄送：区委办公室。',
];

/** The 1-based line of the first line starting with `text`. */
export const lineOf = (lines: readonly string[], text: string): number => lines.findIndex((l) => l.startsWith(text)) + 1;

/** The variant with lines edited: each edit replaces the first line starting with `at` by `lines` (none: deletes it). */
export function editVariant(...edits: [at: string, lines: string[]][]): string[] {
  return edits.reduce<string[]>((doc, [at, lines]) => {
    const i = doc.findIndex((l) => l.startsWith(at));
    if (i === -1) throw new Error(`no line starts with ${at}`);
    return [...doc.slice(0, i), ...lines, ...doc.slice(i + 1)];
  }, variantLines);
}
