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
  );
  if (r.notes) lines.push(`备注 notes: ${r.notes}`);
  return lines;
}

function valueLines(v: InputValue, variable: string, head: string, indent: string, zone: string): string[] {
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
