import { parseArgs } from 'node:util';
import type { Explanation, InputValue } from '../../engine/explainFigure.js';
import { explainFigure } from '../../engine/explainFigure.js';
import { defaultTimeZone, formatTime } from '../../model/clock.js';
import { findingText } from '../../present/format/findingWords.js';
import { explainHelp } from '../help.js';
import { openDatabase } from '../openDatabase.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';
import { cliTimeZone } from '../timeZone.js';

export async function explainCommand(args: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, run: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    term.out(explainHelp());
    return 0;
  }
  const [indicator, region, period] = positionals;
  if (!indicator || !region || !period || positionals.length > 3) throw new UsageError('用法 usage: kpi explain <指标 indicator> <地区 region> <期别 period> --db <file>');
  if (values.run !== undefined && !/^[1-9]\d*$/.test(values.run)) throw new UsageError(`--run 应为正整数 / must be a run number: "${values.run}"`);
  const zone = cliTimeZone();
  const store = await openDatabase(values.db);
  try {
    const explanation = await explainFigure(store, { indicator, region, period, runId: values.run === undefined ? undefined : Number(values.run) });
    for (const line of values.json ? [JSON.stringify(explanation, null, 2)] : explanationLines(explanation, zone)) term.out(line);
    return 0;
  } finally {
    store.close();
  }
}

/** The explanation as an analyst reads it, top to bottom; load times on the clock of `zone`. */
export function explanationLines(e: Explanation, zone: string = defaultTimeZone): string[] {
  const lines = [
    `${e.indicator.name}（${e.indicator.id}）· ${e.region.name}（${e.region.code}）· ${e.period} · 运行 run #${e.runId}`,
    `公式 formula: ${e.indicator.formula}`,
    '输入 inputs:',
  ];
  for (const input of e.inputs) {
    const label = `${input.variable} ${input.variableName}${input.unit ? `（${input.unit}）` : ''}${input.previousYear ? ' 上年同期 a year earlier' : ''} ${input.period}`;
    lines.push(...valueLines(input, input.variable, `  ${label} =`, '    ', zone));
  }
  lines.push(`计算 arithmetic: ${e.arithmetic}`);
  const r = e.result;
  const source = e.target.source;
  lines.push(
    `目标 target: ${source ? `年度目标 ${r.annualTarget}，${source.inherited ? `继承自 inherited from ${source.name}（${source.region}）` : '本级 own'}` : '—'}`,
    ...e.target.rows.map((t) => `  ${t.file} 第${t.row}行 row ${t.row}: ${t.year}${t.period ? ` ${t.period}` : ''} = ${t.value}${t.note ? `（${t.note}）` : ''}`),
    `  ${e.target.rule}`,
    `结果 result: 实际 actual ${r.actual ?? '—'}；目标 target ${r.target ?? '—'}；完成率 attainment ${r.attainment ?? '—'}；年度进度 ${r.annualProgress ?? '—'}；序时进度 ${r.expectedProgress ?? '—'}；差距 gap ${r.gap ?? '—'}${r.rank === null ? '' : `；排名 rank ${r.rank}`}`,
    `判定 status: ${e.statusRule} → ${r.statusLabel}（${r.status}）`,
    ...outlookLines(e),
  );
  if (r.notes) lines.push(`备注 notes: ${r.notes}`);
  return lines;
}

/** 同比, 年末预计 and 需季均完成 (OUTLOOK.md §1–3): the stored values with the history and arithmetic behind them. */
function outlookLines(e: Explanation): string[] {
  const { values: o, quarter, cumulative, basis } = e.outlook;
  const { actual, annualTarget } = e.result;
  const year = Number(e.period.slice(0, 4));
  const higher = e.indicator.direction === 'higher';
  const lines: string[] = [];

  const before = `${year - 1}Q${quarter}`;
  lines.push(
    o.actualPrevYear === null
      ? `同比 year over year: 上年同期 ${before} 无数据 no figure a year earlier`
      : `同比 year over year: 上年同期 a year earlier（${before}）${o.actualPrevYear}；增减 change ${o.yoyChange ?? '—'}；增长 growth ${o.yoyGrowth ?? (o.actualPrevYear === 0 ? '—（上年为 0 the previous year is 0）' : '—')}`,
  );

  if (quarter === 4) lines.push('年末预计 projection: 四季度的实际即年末数 at Q4 the actual is the year-end figure');
  else if (actual === null || basis === null) lines.push('年末预计 projection: 实际值缺失，不预计 no actual, no projection');
  else if (basis.kind === 'default') {
    const rule = cumulative ? `累计指标 cumulative: g = 4/q = 4/${quarter}` : '水平值指标 level: g = 1';
    lines.push(
      `年末预计 projection: 本级及各上级均无历史 no history for the region or any ancestor → 默认系数 default factor（${rule}）`,
      `  预计 projected = ${actual} × ${basis.factor} = ${o.projected ?? '—'}；单个系数，无区间和概率 one factor: no range, no probability`,
    );
  } else {
    const whose = basis.kind === 'own' ? `本级历史 own history of ${basis.region.name}（${basis.region.code}）` : `上级历史 history of ${basis.region.name}（${basis.region.code}），本级无 (none of its own)`;
    const g = basis.statistics;
    lines.push(
      `年末预计 projection: 季节系数 seasonal factors G = 年末 ÷ 本季 year end ÷ quarter ${quarter}，取自 from ${whose}:`,
      ...basis.factors.map((f) => `  ${f.year}: ${f.year}Q4 ${f.atYearEnd} ÷ ${f.year}Q${quarter} ${f.atQuarter} = ${f.factor}`),
      `  预计 projected = 实际 actual ${actual} × 平均 mean(G) ${g.mean} = ${o.projected ?? '—'}`,
    );
    if (g.sd === null) lines.push('  单个系数，无区间和概率 one factor: no range, no probability');
    else {
      lines.push(`  区间 range = ${actual} × min(G) ${g.min} … ${actual} × max(G) ${g.max} = ${o.projectedLow ?? '—'} … ${o.projectedHigh ?? '—'}`);
      const event = `P(年末 year end ${higher ? '≥' : '≤'} 年度目标 annual target ${annualTarget ?? '—'})`;
      if (annualTarget === null) lines.push('  无年度目标，不计达标概率 no annual target, no probability');
      else if (g.sd === 0) lines.push(`  达标概率 probability ${event} = ${o.probability ?? '—'}（系数相同，标准差为 0 equal factors, sd 0: 预计 projected ${o.projected ?? '—'} ${o.probability === 1 ? '达到 meets' : '未达到 misses'} the target）`);
      else lines.push(`  达标概率 probability ${event} = ${o.probability ?? '—'}（正态近似 normal: 均值 mean ${o.projected ?? '—'}，标准差 sd |${actual}| × sd(G) ${g.sd} = ${basis.sd ?? '—'}）`);
    }
  }

  if (!cumulative) lines.push('需季均完成 pace: 水平值指标不计，差距见 gap a level indicator has no pace: see gap');
  else if (quarter === 4) lines.push('需季均完成 pace: 四季度不计 none at Q4');
  else if (actual === null || annualTarget === null || o.paceSoFar === null) lines.push('需季均完成 pace: 需有实际值和年度目标 needs an actual and an annual target');
  else {
    const left = 4 - quarter;
    const needed =
      o.paceNeeded === 0
        ? '已达年度目标，尚需 0 the annual target is met: needed 0'
        : higher
          ? `尚需每季 needed per quarter (${annualTarget} − ${actual}) ÷ ${left} = ${o.paceNeeded ?? '—'}`
          : `尚需每季压减 reduction needed per quarter (${actual} − ${annualTarget}) ÷ ${left} = ${o.paceNeeded ?? '—'}`;
    lines.push(`需季均完成 pace: 已完成季均 so far ${actual} ÷ ${quarter} = ${o.paceSoFar}；${needed}`);
  }
  return lines;
}

function valueLines(v: InputValue, variable: string, head: string, indent: string, zone: string): string[] {
  if (v.origin === 'reported' && v.firms) {
    const lines = [`${head} ${v.value}  ${v.regionName}（${v.region}）${v.firms.entities} 家企业合计 the sum of ${v.firms.entities} firms: ${v.firms.files.join('、')}`];
    if (v.childrenSum !== undefined && v.childrenSum !== null) lines.push(`${indent}下级合计 children's sum ${v.childrenSum}（本级企业合计优先 the region's firms count）`);
    return lines;
  }
  if (v.origin === 'reported' && v.observation) {
    const o = v.observation;
    const lines = [
      `${head} ${v.value}  本级报送 reported by ${v.regionName}（${v.region}）: ${o.file} 第${o.row}行 row ${o.row} 列 "${o.column}"，sha256 ${o.sha256.slice(0, 12)}，入库 loaded ${formatTime(new Date(o.loadedAt), zone)}${o.revisions > 1 ? `（数据文件夹中共 ${o.revisions} 个版本，用文件名最靠后的 the last in name order of ${o.revisions} in the folder）` : ''}`,
    ];
    if (v.childrenSum !== undefined && v.childrenSum !== null) lines.push(`${indent}下级合计 children's sum ${v.childrenSum}（本级报送优先 the region's own figure counts）`);
    return lines;
  }
  if (v.origin === 'sum') {
    const kids = v.children ?? [];
    return [
      `${head} ${v.value}  = 下级合计 sum of ${kids.length} children of ${v.regionName}（${v.region}）: ${kids.map((k) => k.value).join(' + ')}`,
      ...kids.flatMap((k) => valueLines(k, variable, `${indent}${k.regionName}（${k.region}）`, `${indent}  `, zone)),
    ];
  }
  if (v.origin === 'overflow') {
    const finding = findingText({ code: 'CHILDREN_SUM_NOT_FINITE', params: { inputs: [{ input: variable, period: v.period }] } }, { region: () => undefined });
    return [`${head} —  ${v.regionName}（${v.region}）：${finding}`];
  }
  const missing = v.missingChildren?.length
    ? `；${findingText({ code: 'MISSING_CHILDREN', params: { children: [...v.missingChildren] } }, { region: () => undefined })}`
    : '';
  return [`${head} —  缺失 missing: ${v.regionName}（${v.region}）未报送${missing}`];
}
