import { Document, visit } from 'yaml';
import { csvField } from '../model/csvText.js';
import type { PlanQuantity } from './planQuantities.js';
import { indicatorDraft, variableDraft } from './seriesDrafts.js';
import type { PlanSuggestions, SeriesSuggestion, TargetDraft, TrackedQuantity } from './suggestTargets.js';

export interface SuggestionContext {
  readonly title: string;
  readonly year: number;
  readonly root: { readonly code: string; readonly name: string };
  /** Whether the folder's targets.csv has a note column, so pasted rows have as many fields as its header. */
  readonly withNote: boolean;
}

const quarterLabels = ['一季度 Q1', '二季度 Q2', '三季度 Q3', '四季度 Q4'] as const;
const where = (q: PlanQuantity): string => (q.quarter === undefined ? '任务 text' : (quarterLabels[q.quarter - 1] ?? ''));
const stated = (q: PlanQuantity): string => `${q.statedValue}${q.statedUpperValue === undefined ? '' : `–${q.statedUpperValue}`}${q.statedUnit}`;

/**
 * `kpi plan suggest` as text, in Chinese with English: the counts, what is
 * tracked (one line per task and indicator), the target rows tracked series
 * lack, then per untracked series its source phrases, how the figures were
 * read, and drafts to paste — an indicator file, a variables.yaml entry and
 * targets.csv rows — each printed unindented so it can be pasted as it is.
 */
export function suggestionLines(s: PlanSuggestions, context: SuggestionContext): string[] {
  const trackedQuantities = new Set(s.tracked.map((t) => t.quantity)).size;
  const lines = [
    `计划 plan: ${context.title}（${context.year}年度 year ${context.year}）；根地区 root region: ${context.root.code} ${context.root.name}`,
    `计划中的数量 quantities in the plan: ${s.quantities}；已跟踪 tracked: ${trackedQuantities}；未跟踪 not tracked: ${s.quantities - trackedQuantities}`,
    '',
    '已跟踪 tracked（任务 task → 指标 indicator：原文数量 as written = 目标行 target row）:',
    ...trackedLines(s.tracked, context.year),
  ];
  if (s.missing.length > 0) {
    lines.push('', '缺少的目标行 target rows missing（该指标已跟踪同一系列的其他数值 the indicator tracks the series’ other figures）:');
    for (const m of s.missing) {
      const task = m.series.milestones[0]?.task ?? m.series.goal?.task;
      lines.push(`# 任务${task} task ${task} → ${m.indicator.id}（${m.indicator.name}，${m.indicator.unit}）`, ...m.targets.map((t) => targetRow(t, context.withNote)));
    }
  }
  lines.push('', `建议 suggestions: ${s.suggestions.length}（未跟踪的数量，草稿可直接粘贴，请核对 not tracked: drafts to paste after checking them）`);
  for (const suggestion of s.suggestions) lines.push('', ...suggestionBlock(suggestion, context.withNote));
  return lines;
}

function trackedLines(tracked: readonly TrackedQuantity[], year: number): string[] {
  const groups = new Map<string, TrackedQuantity[]>();
  for (const t of tracked) {
    const key = `${t.quantity.task}|${t.indicator}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  if (groups.size === 0) return ['  （无 none）'];
  return [...groups.values()].map((group) => {
    const first = group[0] as TrackedQuantity;
    const figures = group.map((t) => `${where(t.quantity)} ${stated(t.quantity)} = ${t.period ?? `${year} 全年 year`} ${t.value}`);
    return `  任务${first.quantity.task} task ${first.quantity.task} → ${first.indicator}：${figures.join('；')}`;
  });
}

function suggestionBlock(s: SeriesSuggestion, withNote: boolean): string[] {
  const indicator = indicatorDraft(s);
  const quantities = [...s.series.milestones, ...(s.series.goal ? [s.series.goal] : [])];
  const reading =
    s.series.milestones.length === 0
      ? '全年目标 the year’s target'
      : s.series.milestones.length === 1
        ? '只有一个季度写明数值，即年内累计 one quarter states a figure: the year to date'
        : s.series.running
          ? '各季为年内累计（累计、水平值或逐季递增） each quarter states the year to date (累计, a level, or rising figures)'
          : '各季为当季完成数，逐季相加为年内累计 each quarter states what it adds, summed to year to date';
  const lines = [
    `━━ 任务${s.task.number} task ${s.task.number}：${indicator.name}（${s.unit}）· 牵头 lead: ${s.task.leadUnits.join('、')}`,
    `原文 as written: ${quantities.map((q) => `${where(q)}「${q.phrase}」`).join('；')}`,
    `读作 read as: ${reading}`,
  ];
  if (s.taskIndicators.length > 0) {
    lines.push(`本任务已有指标 the task already has: ${s.taskIndicators.join(', ')}（其目标中没有这些数值 their targets hold none of these figures）`);
  }
  const file = `metrics/indicators/${String(s.task.number).padStart(2, '0')}_${s.id}.yaml`;
  lines.push(
    `# ${file}（草稿：请改用有意义的代码 draft: rename ${s.id} to a meaningful code）`,
    ...yaml(indicator, 'Seq'),
    '# metrics/variables.yaml',
    ...yaml([variableDraft(s)], 'Map'),
    `targets.csv（${withNote ? 'indicator,region,year,period,value,note' : 'indicator,region,year,period,value'}）:`,
    ...s.targets.map((t) => targetRow(t, withNote)),
  );
  return lines;
}

/** YAML as the catalog writes it: lists (or a list's entry) in flow style, one line each. */
function yaml(value: unknown, flow: 'Seq' | 'Map'): string[] {
  const doc = new Document(value);
  visit(doc, {
    [flow]: (_: unknown, node: { flow?: boolean }) => {
      node.flow = true;
    },
  });
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).trimEnd().split('\n');
}

function targetRow(t: TargetDraft, withNote: boolean): string {
  const fields = [t.indicator, t.region, t.year, t.period, t.value, ...(withNote ? [t.note] : [])];
  return fields.map(csvField).join(',');
}
