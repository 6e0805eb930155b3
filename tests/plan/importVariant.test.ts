import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parsePlan.js';
import type { Plan, Task } from '../../src/plan/planSchema.js';
import { expectedHeadings, expectedTasks } from './expectedTasks.js';
import { editVariant, lineOf, variantLines } from './variantPlan.js';

const variant = variantLines.join('\n');
const GROUP = '各镇（街道）、区各园区';

describe('importing a plan the importer has never seen, in the same layout', () => {
  const { plan: imported, problems, notes } = parsePlan(variant, 'yunchuan-2024.txt');
  const plan = imported as Plan;
  const task = (n: number): Task => plan.tasks[n - 1] as Task;

  it('reads its own title and year', () => {
    expect(problems).toEqual([]);
    expect(plan.title).toBe('云川市2024年度科技创新重点任务推进计划');
    expect(plan.year).toBe(2024);
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives each task the 事项, 重点工作, units and lines a reader sees', () => {
    expect(plan.tasks.map((t) => [t.number, t.category, t.keyWork, t.leadUnits, t.cooperatingUnits, t.line])).toEqual([
      [1, '主要目标', '', ['区统计局'], [GROUP, '区发改局'], lineOf(variantLines, '\t1.')],
      [2, '主要目标', '', ['区科学技术局'], [GROUP, '区统计局', '区财政局'], lineOf(variantLines, '\t2.')],
      [3, '人才引育工程', '引进高端人才', ['区委人才办', '区人社局', '区教育局'], [GROUP], lineOf(variantLines, '\t3.')],
      [4, '人才引育工程', '引进高端人才', ['区住建局'], ['区财政局'], lineOf(variantLines, '\t4.')],
      [5, '人才引育工程', '优化人才服务', ['区市场监管局'], [GROUP], lineOf(variantLines, '\t5.')],
      [6, '开放合作工程', '深化区域合作', ['区商务局'], [GROUP, '区发改局'], lineOf(variantLines, '\t6.')],
    ]);
  });

  it('keeps an empty milestone cell empty and cleans the others', () => {
    expect(task(2).milestones).toEqual(['研究年度任务。', '', '落实研发奖补政策。', '力争研发投入占比2.5%。']);
    expect(task(3).milestones[1]).toBe('举办“云川人才周”活动。');
    expect(task(3).text).toBe('全年引进博士50名。');
  });

  it('says what it resolved, each at its line', () => {
    expect(notes.map((n) => [n.code, n.line])).toEqual([
      ['BOOKMARK_REMOVED', 2],
      ['SPACES_REMOVED', lineOf(variantLines, '\t举办')],
      ['CELL_CONTINUED', lineOf(variantLines, '区人社局区教育局')],
      ['UNITS_SPLIT', lineOf(variantLines, '区人社局区教育局')],
      ['HEADING_REPEATED', lineOf(variantLines, '\t优化人才服努')],
      ['TEXT_AFTER_TABLE', lineOf(variantLines, '抄送')],
    ]);
  });

  it('reads Windows line endings the same way', () => {
    expect(parsePlan(variantLines.join('\r\n'), 'crlf.txt').plan).toEqual(plan);
  });
});

describe('importing the 2023 document with tasks removed, renumbered and its units renamed', () => {
  const seed = readFileSync('data/seeds/suqian-2023-innovative-city-plan.txt', 'utf8');
  const firstOfRun = new Set(expectedHeadings.map(([first]) => first));
  // Rows that open a 事项 or 重点工作 stay, so every remaining blank still has a heading above it.
  const dropped = (n: number): boolean => n % 3 === 2 && !firstOfRun.has(n);
  const renames: [string, string][] = [
    ['各县（区）、市各功能区', '各镇（街道）、区各园区'],
    ['市科技局', '区科学技术局'],
    ['市发展改革委', '区发改委'],
    ['市住房城乡建设局', '区住建局'],
    ['市交通局', '区交通运输局'],
    ['市卫健委', '区卫生健康委'],
    ['宿迁', '云川'],
    ['2023', '2024'],
  ];
  const rename = (s: string): string => renames.reduce((t, [from, to]) => t.replaceAll(from, to), s);

  const kept = expectedTasks.filter((t) => !dropped(t.number));
  const renumbered = new Map(kept.map((t, i) => [t.number, i + 1]));
  const blocks = seed.split('\n\n').flatMap((block) => {
    const n = /^\t(\d+)\./m.exec(block)?.[1];
    if (n === undefined) return [block];
    const to = renumbered.get(Number(n));
    return to === undefined ? [] : [block.replace(`\t${n}.`, `\t${to}.`)];
  });
  const { plan, problems } = parsePlan(rename(blocks.join('\n\n')), 'renumbered.txt');

  it('reads every remaining task, numbered 1…n, with the new year and title', () => {
    expect(problems).toEqual([]);
    expect(kept).toHaveLength(70);
    expect(plan?.year).toBe(2024);
    expect(plan?.title).toBe('云川市2024年度国家创新型城市建设重点任务推进计划');
    expect(plan?.tasks.map((t) => t.number)).toEqual(kept.map((_, i) => i + 1));
  });

  it('gives each task its renamed units, the glued ones of old task 36 included', () => {
    expect(plan?.tasks.map((t) => [t.leadUnits, t.cooperatingUnits])).toEqual(kept.map((t) => [t.leadUnits.map(rename), t.cooperatingUnits.map(rename)]));
    expect(plan?.tasks[(renumbered.get(36) as number) - 1]?.leadUnits).toEqual(['区发改委', '区住建局', '区交通运输局', '区卫生健康委']);
  });
});

describe('a plan document that cannot be read whole', () => {
  it('reports a row missing a cell at the line where the row starts, and gives no plan', () => {
    const doc = editVariant(['\t开展半年调度。', []]);
    const { plan, problems } = parsePlan(doc.join('\n'), 'bad.txt');
    expect(plan).toBeUndefined();
    expect(problems.map((p) => [p.code, p.line, p.value])).toEqual([['CELL_COUNT', lineOf(doc, '\t主要目标'), '1.规上工业增加值增长8%。']]);
  });

  it('does not take a row that lost its blank 事项 cell for one whose 事项 spans two columns', () => {
    const i = variantLines.findIndex((l) => l.startsWith('\t4.'));
    const lost = [...variantLines.slice(0, i - 1), ...variantLines.slice(i)];
    const { plan, problems } = parsePlan(lost.join('\n'), 'bad.txt');
    expect(plan).toBeUndefined();
    expect(problems.map((p) => [p.code, p.line])).toEqual([['CELL_COUNT', lineOf(lost, '\t4.') - 1]]);
  });

  it('reports a duplicated task number at its line, naming the first', () => {
    const row4 = variantLines.slice(lineOf(variantLines, '\t4.') - 3, lineOf(variantLines, '\t区财政局') + 1);
    const doc = editVariant(['\t优化人才服努', [...row4, '\t优化人才服努']]);
    const { plan, problems } = parsePlan(doc.join('\n'), 'bad.txt');
    expect(plan).toBeUndefined();
    const second = doc.findIndex((l, i) => l.startsWith('\t4.') && i + 1 > lineOf(doc, '\t4.')) + 1;
    expect(problems.map((p) => [p.code, p.line, p.value])).toEqual([['DUPLICATE_TASK', second, '4']]);
    expect(problems[0]?.message).toContain(`第${lineOf(doc, '\t4.')}行`);
  });

  it('reports a task number out of sequence, and a row with no task number', () => {
    const doc = editVariant(['\t3.', ['\t7.全年引进博士50名。']], ['\t6.', ['\t与沪苏园区共建合作园区1个。']]);
    const { plan, problems } = parsePlan(doc.join('\n'), 'bad.txt');
    expect(plan).toBeUndefined();
    expect(problems.map((p) => [p.code, p.line, p.value])).toEqual([
      ['TASK_OUT_OF_SEQUENCE', lineOf(doc, '\t7.'), '7'],
      ['NO_TASK_NUMBER', lineOf(doc, '\t与沪苏'), '与沪苏园区共建合作园区1个。'],
    ]);
  });

  it('reports every problem at once, in line order', () => {
    const doc = editVariant(['\t开展半年调度。', []], ['\t6.', ['\t与沪苏园区共建合作园区1个。']], ['\t区住建局', ['\t']]);
    const { problems } = parsePlan(doc.join('\n'), 'bad.txt');
    expect(problems.map((p) => p.code)).toEqual(['CELL_COUNT', 'NO_LEAD_UNIT', 'NO_TASK_NUMBER']);
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a - b));
    expect(problems.every((p) => p.file === 'bad.txt')).toBe(true);
  });

  it('reports a document without the table header, and one without a title line', () => {
    expect(parsePlan(editVariant(['\t重点工作', []]).join('\n'), 'x.txt').problems.map((p) => [p.code, p.line])).toEqual([['NO_HEADER', 6]]);
    expect(parsePlan(editVariant([' 云川市2024年度', ['（此件公开发布）']]).join('\n'), 'x.txt').problems.map((p) => [p.code, p.line])).toEqual([['NO_TITLE', 6]]);
  });

  it('reports a blank 事项 with nothing above it to carry down', () => {
    const doc = editVariant(['\t主要目标', ['\t']]);
    expect(parsePlan(doc.join('\n'), 'x.txt').problems.map((p) => [p.code, p.line])).toEqual([['NOTHING_TO_INHERIT', 16]]);
  });
});
