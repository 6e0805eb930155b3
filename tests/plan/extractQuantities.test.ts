import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Quantity } from '../../src/plan/extractQuantities.js';
import { extractQuantities } from '../../src/plan/extractQuantities.js';
import { readChineseNumeral } from '../../src/plan/readChineseNumeral.js';

/** The fields most tests check; offsets and stated forms have tests of their own. */
const gist = ({ value, unit, qualifier, cumulative, subject }: Quantity) => ({ value, unit, qualifier, cumulative, subject });
const only = (text: string): Quantity => {
  const found = extractQuantities(text);
  expect(found).toHaveLength(1);
  return found[0] as Quantity;
};

describe('extractQuantities on the examples of the issue', () => {
  it('reads a running total of new incubated firms as cumulative, counting 在孵企业', () => {
    expect(extractQuantities('累计新增在孵企业60家')).toEqual([
      {
        value: 60,
        unit: '家',
        statedValue: 60,
        statedUnit: '家',
        scale: 1,
        qualifier: undefined,
        cumulative: true,
        subject: '在孵企业',
        phrase: '累计新增在孵企业60家',
        start: 0,
        end: 11,
      },
    ]);
  });

  it('scales 0.7万人 to 7000 people and keeps the number as written', () => {
    expect(extractQuantities('引进高校毕业生不少于0.7万人')).toEqual([
      {
        value: 7000,
        unit: '人',
        statedValue: 0.7,
        statedUnit: '万人',
        scale: 1e4,
        qualifier: 'at_least',
        cumulative: false,
        subject: '高校毕业生',
        phrase: '引进高校毕业生不少于0.7万人',
        start: 0,
        end: 15,
      },
    ]);
  });

  it('reads a patent stock passed (突破) as more_than and cumulative, without the 全市 scope', () => {
    expect(gist(only('全市发明专利拥有量突破3750件'))).toEqual({ value: 3750, unit: '件', qualifier: 'more_than', cumulative: true, subject: '发明专利拥有量' });
  });

  it('reads competitions held in a quarter as a per-quarter count of 职业技能竞赛', () => {
    expect(gist(only('开展各类职业技能竞赛20场次'))).toEqual({ value: 20, unit: '场次', qualifier: undefined, cumulative: false, subject: '职业技能竞赛' });
  });

  it('gives two quantities for a pledge count and its amount, with money in 元', () => {
    // The JSDoc example of extractQuantities, word for word.
    expect(extractQuantities('实现知识产权质押20笔，金额2.5亿元。')).toEqual([
      { value: 20, unit: '笔', statedValue: 20, statedUnit: '笔', scale: 1, qualifier: undefined, cumulative: false, subject: '知识产权质押', phrase: '实现知识产权质押20笔', start: 0, end: 11 },
      { value: 250_000_000, unit: '元', statedValue: 2.5, statedUnit: '亿元', scale: 1e8, qualifier: undefined, cumulative: false, subject: '金额', phrase: '金额2.5亿元', start: 12, end: 19 },
    ]);
  });

  it('reads 超150亿元 of matched financing as more than 15 billion 元', () => {
    const q = only('推动平台线上撮合融资超150亿元');
    expect(gist(q)).toEqual({ value: 15_000_000_000, unit: '元', qualifier: 'more_than', cumulative: false, subject: '平台线上撮合融资' });
    expect([q.statedValue, q.statedUnit, q.scale]).toEqual([150, '亿元', 1e8]);
  });
});

describe('extractQuantities: numbers and units', () => {
  it.each([
    ['二十家', 20, 20, '家'],
    ['两百人', 200, 200, '人'],
    ['三千五百件', 3500, 3500, '件'],
    ['一万二千人', 12000, 12000, '人'],
    ['十五个', 15, 15, '个'],
    ['一百零五项', 105, 105, '项'],
    ['两万人', 20000, 2, '万人'],
    ['一点五亿元', 150_000_000, 1.5, '亿元'],
    ['百分之二十', 20, 20, '%'],
  ])('reads the Chinese numeral in %s', (text, value, statedValue, statedUnit) => {
    expect(only(text)).toMatchObject({ value, statedValue, statedUnit });
  });

  it.each([
    ['１２０家', 120, '家'],
    ['３．５％', 3.5, '%'],
    ['1,200家', 1200, '家'],
    ['3000万元', 30_000_000, '元'],
    ['1.1万人', 11000, '人'],
  ])('reads %s, full-width, with separators or scaled, exactly', (text, value, unit) => {
    expect(only(text)).toMatchObject({ value, unit });
  });

  it('keeps the longest unit: 个百分点, 场次 and 人次 are units of their own', () => {
    expect(extractQuantities('提高2个百分点，开展竞赛20场次，服务500人次').map((q) => [q.value, q.unit])).toEqual([
      [2, '个百分点'],
      [20, '场次'],
      [500, '人次'],
    ]);
  });

  it('reads a written range as its lower end, at least, with the upper end kept', () => {
    expect(only('力争实现1-2家科技企业成功上市')).toMatchObject({ value: 1, upperValue: 2, unit: '家', qualifier: 'at_least', subject: '科技企业' });
    expect(only('建成1—2家科技服务业集聚区')).toMatchObject({ value: 1, upperValue: 2 });
    expect(only('引进人才1-1.5万人')).toMatchObject({ value: 10000, upperValue: 15000, statedValue: 1, statedUpperValue: 1.5, statedUnit: '万人' });
  });
});

describe('extractQuantities: qualifiers', () => {
  it.each([
    ['不少于20人', 'at_least'],
    ['不低于5场次', 'at_least'],
    ['达到300家', 'at_least'],
    ['200家以上', 'at_least'],
    ['超700家', 'more_than'],
    ['超过10项', 'more_than'],
    ['突破3500件', 'more_than'],
    ['20余家', 'more_than'],
    ['100多人', 'more_than'],
    ['比重为3%', 'exactly'],
    ['共计5家', 'exactly'],
    ['约100人', 'about'],
    ['100人左右', 'about'],
    ['近100人', 'about'],
    ['不超过10件', 'at_most'],
    ['控制在5%以内', 'at_most'],
    ['30家以下', 'at_most'],
    ['力争2023年全市高产占比38.5%', 'at_least'],
    ['争取省厅支持创建1个省级现代农业产业园', 'at_least'],
    ['新增在孵企业30家', undefined],
  ])('reads %s as %s', (text, qualifier) => {
    expect(only(text).qualifier).toBe(qualifier);
  });

  it('prefers the word next to the number over the commitment of the clause', () => {
    expect(only('争取年内新增贷款规模不低于70亿元').qualifier).toBe('at_least');
    expect(only('确保年底高企数超700家').qualifier).toBe('more_than');
  });
});

describe('extractQuantities: cumulative or per quarter', () => {
  it.each([
    ['累计新增在孵企业90家', true],
    ['争取母子基金年内完成科技型企业投资4个', true],
    ['争取上半年母子基金完成科技型企业投资2个', true],
    ['省级农业科技型企业达到70家', true],
    ['确保年底前全市大中型工业企业和规上高企研发机构建有率92%', true],
    ['每年引进高校毕业生不少于1.5万人', true],
    ['开展各类职业技能竞赛10场次', false],
    ['新增知识产权贯标企业40户', false],
    // No word in the text says the 0.3 → 1.5 series runs on; the text alone reads it per quarter.
    ['引进高校毕业生不少于0.3万人', false],
  ])('%s → cumulative %s', (text, cumulative) => {
    expect(only(text).cumulative).toBe(cumulative);
  });
});

describe('extractQuantities: subjects and phrases', () => {
  it('takes the subject written after the measure word when words follow it', () => {
    expect(only('指导40户企业开展知识产权贯标。')).toMatchObject({ value: 40, subject: '企业', phrase: '指导40户企业' });
    expect(only('推动建设2家企业联合创新中心。').subject).toBe('企业联合创新中心');
  });

  it('splits a clause holding two quantities at the first one', () => {
    expect(extractQuantities('2023年，新建市级现代农业产业园5个、新增省级现代农业高质量发展示范园1个。').map((q) => [q.value, q.subject, q.phrase])).toEqual([
      [5, '市级现代农业产业园', '新建市级现代农业产业园5个'],
      [1, '省级现代农业高质量发展示范园', '新增省级现代农业高质量发展示范园1个'],
    ]);
  });

  it('names 订单班 and 冠名班 together, without their quotation marks', () => {
    expect(only('合作开设“订单班”、“冠名班”5个。').subject).toBe('订单班、冠名班');
  });

  it('drops an ending that only says something is counted (数, 次数)', () => {
    expect(only('确保年底高企数超700家').subject).toBe('高企');
    expect(only('开展知识产权维权援助次数10次').subject).toBe('知识产权维权援助');
  });
});

describe('extractQuantities: what is not a quantity', () => {
  it.each([
    ['a date', '2023年2月24日'],
    ['a year of plan', '研究2023年研发经费归集任务'],
    ['quarters', '开展一季度重点企业研发经费监测数据填报，二季度总结'],
    ['a month and a month range', '4月底前完成，1-3月累计'],
    ['a task number', '36.扩大数据采集'],
    ['a title in 《》', '根据《关于落实100项措施的意见》推进'],
    ['an ordinal', '筹备举办第二届宿迁人才发展大会'],
    ['a ranking', '开展市高企创新20强评选工作'],
    ['codes with letters', '持续开展PM2.5与O3协同管控，建设5G全连接工厂'],
    ['a year before a noun that starts like a unit', '举办绿洽会专场-2023人才科技合作交流会'],
    ['words made of numeral characters', '打造“一区多园”，推进“万企联网”，实施千亿级产业攻坚计划'],
    ['a programme named by a number', '入选国家千人计划'],
  ])('skips %s', (_what, text) => {
    expect(extractQuantities(text)).toEqual([]);
  });

  it('reads the quantity of a task line but not its task number', () => {
    expect(extractQuantities('6.万人发明专利拥有量8件。').map((q) => [q.value, q.unit, q.subject])).toEqual([[8, '件', '万人发明专利拥有量']]);
  });
});

describe('readChineseNumeral', () => {
  it('rejects strings of digits, which are years and codes rather than counts', () => {
    expect(readChineseNumeral('二〇二三')).toBeUndefined();
    expect(readChineseNumeral('一二三')).toBeUndefined();
    expect(readChineseNumeral('一亿五千万')).toBe(150_000_000);
  });
});

// The seed plan: each task row is a tab-indented "N.task text" line followed by its
// four quarterly milestone cells, one a line, then the lead and partner units.
const seedPath = fileURLToPath(new URL('../../data/seeds/suqian-2023-innovative-city-plan.txt', import.meta.url));

interface SeedTask {
  text: string;
  milestones: string[];
}

function readSeedTasks(): Map<number, SeedTask> {
  const lines = readFileSync(seedPath, 'utf8').split(/\r?\n/);
  const tasks = new Map<number, SeedTask>();
  lines.forEach((line, i) => {
    const task = /^\t(\d+)\./.exec(line);
    if (task) tasks.set(Number(task[1]), { text: line.slice(1), milestones: lines.slice(i + 1, i + 5).map((cell) => cell.slice(1)) });
  });
  return tasks;
}

describe('extractQuantities over the Suqian 2023 plan', () => {
  const tasks = readSeedTasks();
  const inQuarter = (task: number, quarter: 1 | 2 | 3 | 4) => extractQuantities(tasks.get(task)?.milestones[quarter - 1] ?? '').map(gist);
  const quarters = [1, 2, 3, 4] as const;

  it('finds 98 tasks with four milestone cells each', () => {
    expect(tasks.size).toBe(98);
    expect([...tasks.values()].every((t) => t.milestones.length === 4 && t.milestones.every((m) => m.trim() !== ''))).toBe(true);
  });

  it('task 10: new incubated firms 30, then 累计 60, 90, 120', () => {
    expect(quarters.map((q) => inQuarter(10, q))).toEqual([
      [{ value: 30, unit: '家', qualifier: undefined, cumulative: false, subject: '在孵企业' }],
      [{ value: 60, unit: '家', qualifier: undefined, cumulative: true, subject: '在孵企业' }],
      [{ value: 90, unit: '家', qualifier: undefined, cumulative: true, subject: '在孵企业' }],
      [{ value: 120, unit: '家', qualifier: undefined, cumulative: true, subject: '在孵企业' }],
    ]);
  });

  it('task 38: graduates at least 0.3, 0.7, 1.1, 1.5 万人', () => {
    const found = quarters.map((q) => extractQuantities(tasks.get(38)?.milestones[q - 1] ?? ''));
    expect(found.map((qs) => qs.map((q) => [q.statedValue, q.statedUnit, q.value, q.unit, q.qualifier, q.subject]))).toEqual([
      [[0.3, '万人', 3000, '人', 'at_least', '高校毕业生']],
      [[0.7, '万人', 7000, '人', 'at_least', '高校毕业生']],
      [[1.1, '万人', 11000, '人', 'at_least', '高校毕业生']],
      [[1.5, '万人', 15000, '人', 'at_least', '高校毕业生']],
    ]);
  });

  it('task 39: skill competitions 10, 20, 20, 10 场次, each in its quarter', () => {
    expect(quarters.map((q) => inQuarter(39, q))).toEqual(
      [10, 20, 20, 10].map((value) => [{ value, unit: '场次', qualifier: undefined, cumulative: false, subject: '职业技能竞赛' }]),
    );
  });

  it('task 40: five 订单班/冠名班 a quarter', () => {
    expect(quarters.map((q) => inQuarter(40, q))).toEqual(
      quarters.map(() => [{ value: 5, unit: '个', qualifier: undefined, cumulative: false, subject: '订单班、冠名班' }]),
    );
  });

  it('task 41: apprentices 200, 300, 300, 300 人 and school–locality cooperation at least 5 场次, 10 次, 14 场次, 20 场次', () => {
    const apprentices = (value: number) => ({ value, unit: '人', qualifier: undefined, cumulative: false, subject: '企业新型学徒制培训' });
    expect(quarters.map((q) => inQuarter(41, q))).toEqual([
      [apprentices(200), { value: 5, unit: '场次', qualifier: 'at_least', cumulative: false, subject: '校地合作' }],
      [apprentices(300), { value: 10, unit: '次', qualifier: 'at_least', cumulative: false, subject: '校地合作交流' }],
      [apprentices(300), { value: 14, unit: '场次', qualifier: 'at_least', cumulative: false, subject: '校地合作' }],
      [apprentices(300), { value: 20, unit: '场次', qualifier: 'at_least', cumulative: false, subject: '校地合作' }],
    ]);
  });

  it('task 61: patents past 3500, 3750, 3850, 4000 件 and 30 new patent-owning firms from Q2', () => {
    const patents = (value: number) => ({ value, unit: '件', qualifier: 'more_than', cumulative: true, subject: '发明专利拥有量' });
    const firms = { value: 30, unit: '户', qualifier: undefined, cumulative: false, subject: '拥有发明专利企业' };
    expect(quarters.map((q) => inQuarter(61, q))).toEqual([[patents(3500)], [patents(3750), firms], [patents(3850), firms], [patents(4000), firms]]);
  });

  it('task 63: no number in Q1 (only 2023年), then 40 贯标 firms a quarter', () => {
    const firms = [{ value: 40, unit: '户', qualifier: undefined, cumulative: false, subject: '知识产权贯标企业' }];
    expect(quarters.map((q) => inQuarter(63, q))).toEqual([[], firms, firms, firms]);
  });

  it('task 64: pledges 20, 20, 30, 30 笔, each with an amount of 2.5亿元', () => {
    const amount = { value: 250_000_000, unit: '元', qualifier: undefined, cumulative: false, subject: '金额' };
    expect(quarters.map((q) => inQuarter(64, q))).toEqual(
      [20, 20, 30, 30].map((value) => [{ value, unit: '笔', qualifier: undefined, cumulative: false, subject: '知识产权质押' }, amount]),
    );
  });

  it('task 67: rights assistance 10, 10, 10, 20 次 and 25 mediated cases a quarter', () => {
    const cases = { value: 25, unit: '件', qualifier: undefined, cumulative: false, subject: '调解机构调解案件' };
    expect(quarters.map((q) => inQuarter(67, q))).toEqual(
      [10, 10, 10, 20].map((value) => [{ value, unit: '次', qualifier: undefined, cumulative: false, subject: '知识产权维权援助' }, cases]),
    );
  });

  it('task 89: fund investments, 2 by mid-year (上半年) and 4 within the year (年内)', () => {
    const investments = (value: number) => [{ value, unit: '个', qualifier: 'at_least', cumulative: true, subject: '科技型企业投资' }];
    expect(quarters.map((q) => inQuarter(89, q))).toEqual([[], investments(2), [], investments(4)]);
  });

  it('task 94: online financing matched over 150亿元 in Q2 and over 300亿元 in Q4', () => {
    const financing = (value: number) => [{ value, unit: '元', qualifier: 'more_than', cumulative: false, subject: '平台线上撮合融资' }];
    expect(quarters.map((q) => inQuarter(94, q))).toEqual([[], financing(15_000_000_000), [], financing(30_000_000_000)]);
  });

  it('never reads a year as a quantity, and every phrase is the text between its offsets', () => {
    const texts = [...tasks.values()].flatMap((t) => [t.text, ...t.milestones]);
    const all = texts.flatMap((text) => extractQuantities(text).map((q) => ({ q, text })));
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(({ q }) => Number.isInteger(q.statedValue) && q.statedValue >= 1990 && q.statedValue <= 2030)).toEqual([]);
    expect(all.filter(({ q, text }) => text.slice(q.start, q.end) !== q.phrase)).toEqual([]);
  });
});
