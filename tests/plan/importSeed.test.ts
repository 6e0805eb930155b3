import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parsePlan.js';
import type { Plan, Task } from '../../src/plan/planSchema.js';
import { planCsv, planJson } from '../../src/present/writePlan.js';
import { expectedHeadings, expectedTasks } from './expectedTasks.js';

const SEED = 'data/seeds/suqian-2023-innovative-city-plan.txt';
const text = readFileSync(SEED, 'utf8');
const { plan: imported, problems, notes } = parsePlan(text, SEED);
const plan = imported as Plan;
const task = (n: number): Task => plan.tasks.find((t) => t.number === n) as Task;

describe('importing the 2023 plan document', () => {
  it('reads it whole: 98 tasks and 392 milestone cells, none of them empty, and no problem', () => {
    expect(problems).toEqual([]);
    expect(plan.tasks).toHaveLength(98);
    expect(plan.tasks.flatMap((t) => t.milestones)).toHaveLength(392);
    expect(plan.tasks.flatMap((t) => t.milestones).filter((m) => m === '')).toEqual([]);
  });

  it('takes the title and the year from the title line above the table, not from the cover letter', () => {
    expect(plan.title).toBe('宿迁市2023年度国家创新型城市建设重点任务推进计划');
    expect(plan.year).toBe(2023);
  });

  it('gives every task the number, lead units and cooperating units typed from the document', () => {
    expect(plan.tasks.map((t) => ({ number: t.number, leadUnits: t.leadUnits, cooperatingUnits: t.cooperatingUnits }))).toEqual(expectedTasks);
  });

  it('carries the 事项 and 重点工作 down across the blank cells Word left where it merged them', () => {
    const expected = expectedHeadings.flatMap(([first, last, category, keyWork]) =>
      Array.from({ length: last - first + 1 }, (_, i) => ({ number: first + i, category, keyWork })),
    );
    expect(plan.tasks.map((t) => ({ number: t.number, category: t.category, keyWork: t.keyWork }))).toEqual(expected);
  });

  it('splits task 36’s lead cell — 市发展改革委, then an untabbed line of three units run together — into four lead units', () => {
    expect(task(36).leadUnits).toEqual(['市发展改革委', '市住房城乡建设局', '市交通局', '市卫健委']);
    expect(notes.filter((n) => n.code === 'CELL_CONTINUED').map((n) => n.line)).toEqual([368]);
    expect(notes.filter((n) => n.code === 'UNITS_SPLIT').map((n) => [n.line, n.value])).toEqual([[368, '市住房城乡建设局市交通局市卫健委']]);
  });

  it('does not cut 市市场监管局 after its first 市', () => {
    expect(task(6).leadUnits).toEqual(['市市场监管局']);
    expect(task(19).cooperatingUnits).toEqual(['各县（区）、市各功能区', '市市场监管局']);
  });

  it('keeps 各县（区）、市各功能区 as one group, splitting the units after it on ，、 alike', () => {
    const withGroup = plan.tasks.filter((t) => t.cooperatingUnits.includes('各县（区）、市各功能区'));
    expect(withGroup).toHaveLength(95);
    expect(plan.tasks.flatMap((t) => t.cooperatingUnits).filter((u) => u === '各县（区）' || u === '市各功能区')).toEqual([]);
    expect(task(18).cooperatingUnits).toEqual(['各县（区）、市各功能区', '市财政局', '市税务局']);
    expect(task(4).cooperatingUnits).toEqual(['各县（区）、市各功能区', '市财政局', '市税务局']);
  });

  it('reads the near-duplicate heading before task 95 as its key work repeated, not a new 事项, adding and losing no task', () => {
    expect(task(94).category).toBe('科技体制机制改革工程');
    expect(task(95)).toMatchObject({ number: 95, category: '科技体制机制改革工程', keyWork: '深化科技成果转化机制改革', line: 953 });
    expect(plan.tasks.map((t) => t.category)).not.toContain('深化科成果转化机制改革');
    expect(plan.tasks.map((t) => t.keyWork)).not.toContain('深化科成果转化机制改革');
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 98 }, (_, i) => i + 1));
    expect(notes.filter((n) => n.code === 'HEADING_REPEATED').map((n) => [n.line, n.value])).toEqual([[951, '深化科成果转化机制改革']]);
  });

  it('drops the Word bookmark marker', () => {
    expect(JSON.stringify(plan)).not.toContain('bookmark');
    expect(JSON.stringify(plan)).not.toContain('_GoBack');
    expect(notes.filter((n) => n.code === 'BOOKMARK_REMOVED').map((n) => n.line)).toEqual([4]);
  });

  it('drops stray spaces: the space inside task 36’s third milestone and those trailing task 12’s', () => {
    expect(task(36).milestones[2]).toBe('探索“一网通办”“一网统管”两网融合，推动“宿心办”便民服务事项应接尽接。');
    expect(task(12).milestones[2]).toBe('开展县区单位GDP能耗下降率季度考核，指导指标落后地区加大工作力度。');
    expect(task(12).milestones[3]).toBe('开展县区单位GDP能耗下降率年度考核。');
    expect(plan.tasks.flatMap((t) => [t.category, t.keyWork, t.text, ...t.milestones, ...t.leadUnits, ...t.cooperatingUnits]).filter((s) => /^\s|\s$|\u3000/.test(s))).toEqual([]);
  });

  it('keeps milestone text exactly as written, one per quarter', () => {
    expect(task(10).milestones).toEqual([
      '持续推进科技人才项目招引；推动载体开展创业服务，新增在孵企业30家。',
      '持续推进科技人才项目招引；推动科创载体提档升级，提高企业孵育能力，累计新增在孵企业60家。',
      '持续推进科技人才项目招引；推动科创载体开展系列创业活动，累计新增在孵企业90家。',
      '持续推进科技人才项目招引；推动科创载体提档升级，提高企业孵育能力，累计新增在孵企业120家。',
    ]);
    expect(task(38).milestones).toEqual(['引进高校毕业生不少于0.3万人', '引进高校毕业生不少于0.7万人', '引进高校毕业生不少于1.1万人', '引进高校毕业生不少于1.5万人。']);
    // As in the document: the first quarter of task 57 stops mid-sentence.
    expect(task(57).milestones[0]).toBe('与省产业技术研究院开展');
  });

  it('keeps a task’s text without its number, and the line of the cell that holds the number', () => {
    expect(task(1)).toMatchObject({ text: '全社会R&D经费支出占GDP比重2.2%。', line: 25 });
    expect(task(36).text).toBe('扩大数据采集、数据分析、数据管理、数据交易等技术服务，探索打造区域性特色大数据交易中心，推动信息技术在城市规划建设、交通、医疗等方面深度应用。');
    expect(task(36).line).toBe(362);
    expect(task(98).line).toBe(983);
  });

  it('is what data/suqian/plan/ holds: the sample folder’s plan was imported from this document', () => {
    expect(readFileSync('data/suqian/plan/tasks.json', 'utf8')).toBe(planJson(plan));
    expect(readFileSync('data/suqian/plan/tasks.csv', 'utf8')).toBe(planCsv(plan));
  });
});
