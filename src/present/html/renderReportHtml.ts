import type { Status } from '../../model/status.js';
import { statusLabels } from '../../assess/statusRules.js';
import type { FindingKind } from '../../model/finding.js';
import { findingKinds } from '../../model/finding.js';
import type { FindingNames } from '../format/findingWords.js';
import { findingText } from '../format/findingWords.js';
import type { Chart, ChartKind } from '../charts/chart.js';
import { statusDisplayOrder } from '../charts/statusStyle.js';
import { chartFont } from '../charts/chartTheme.js';
import { decimalsOf, formatLead, formatPlain, formatShare } from '../format/formatFigure.js';
import { periodLabel, periodsInWords, yearToDateLabel } from '../format/periodLabels.js';
import { assessedAs, ruleNotes } from '../format/ruleNotes.js';
import type { Completion } from '../../plan/trackPlan.js';
import { milestoneStateLabel } from '../format/milestoneStateLabels.js';
import type { FontSubset } from '../render/fontSubset.js';
import type { ReportData } from '../report/reportData.js';
import { indicatorById, periodRows, rootRegion } from '../report/reportData.js';
import type { NarrativeSentence } from '../report/narrative.js';
import { narrativeOf, sentenceText } from '../report/narrative.js';
import type { QualityNames } from '../format/qualityWords.js';
import { qualityText } from '../format/qualityWords.js';
import type { SummaryLine } from '../report/summaryTable.js';
import { statusCounts, summaryTable } from '../report/summaryTable.js';
import { escapeHtml as esc } from './escapeHtml.js';
import { formulaInWords } from './formulaInWords.js';
import { colophon } from './colophon.js';
import { htmlStyle } from './htmlStyle.js';
import { pageRules, runningText } from './printPage.js';
import { regionPhrase } from '../format/regionPhrase.js';
import { scopeSvgIds } from './scopeSvgIds.js';
import { formatPeriod } from '../../model/period.js';

/** A chart with its SVG, ready to inline. */
export interface DrawnChart {
  readonly chart: Chart;
  readonly svg: string;
}

export interface HtmlOptions {
  /** Fonts to embed (the subset the charts were measured with); without them the page falls back to system CJK fonts. */
  readonly fonts?: FontSubset;
  readonly engineVersion: string;
}

/**
 * The 通报 as one self-contained HTML page: no scripts, no network, charts
 * inlined as static SVG and the font embedded, so it opens offline, prints to
 * A4 landscape (numbered pages, the period in the margin: printPage.ts;
 * headings kept with what follows them, no chart cut), and looks the same on
 * any machine. The run and the engine are named only in the colophon at the end.
 *
 * @example
 * const html = renderReportHtml(data, drawn, { fonts, engineVersion: '0.1.0' });
 */
export function renderReportHtml(data: ReportData, drawn: readonly DrawnChart[], options: HtmlOptions): string {
  const byKind = (kind: ChartKind) => drawn.filter((d) => d.chart.kind === kind);
  const root = rootRegion(data);
  const lines = summaryTable(data);
  // Each section is numbered in the order it appears; a section the period has nothing for is left out.
  const parts: ((number: string) => string)[] = [
    ...(data.quarter < 4 ? [(n: string) => warningsSection(data, n)] : []),
    (n) => headline(data, lines, n),
    (n) => chartSection(`${n}、各地区主要指标完成情况`, byKind('heatmap'), 'single'),
    (n) => chartSection(`${n}、累计进度`, byKind('cumulative'), 'grid'),
    (n) => chartSection(`${n}、各地区完成率排名`, byKind('ranking'), 'grid'),
    (n) => regionSections(data, byKind('scorecard'), n),
    (n) => chartSection(`${n}、${regionPhrase(root.name, '主要指标同比趋势')}`, byKind('trend'), 'grid small'),
    ...(data.plan ? [(n: string) => planSection(data, n)] : []),
    (n) => qualitySection(data, n),
    (n) => notesSection(data, n),
  ];
  const sections = [narrativeSection(data), ...parts.map((render, i) => render(chineseNumeral(i + 1)))];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kpi-engine ${esc(options.engineVersion)}">
<title>${esc(`${data.title}（${periodLabel(data.period)}）`)}</title>
<style>${fontFaces(options.fonts)}${htmlStyle}${pageRules(runningText(data))}</style>
</head>
<body>
<main>
<header class="masthead">
<h1>${esc(data.title)}</h1>
<p class="meta">${esc(`${periodLabel(data.period)}（${yearToDateLabel(data.year, data.quarter)}）`)}</p>
</header>
${sections.join('\n')}
${colophon(data, options.engineVersion)}
</main>
</body>
</html>
`;
}

function fontFaces(fonts: FontSubset | undefined): string {
  if (!fonts) return '';
  const face = (bytes: Uint8Array, weight: number) =>
    `@font-face{font-family:"${chartFont}";font-weight:${weight};font-style:normal;src:url(data:font/otf;base64,${Buffer.from(bytes).toString('base64')}) format("opentype")}\n`;
  return face(fonts.regular, 400) + face(fonts.bold, 700);
}

const chip = (status: Status): string => `<span class="chip status-${status}">${esc(statusLabels[status])}</span>`;

const legend = (): string => `<div class="legend" aria-label="状态图例">${statusDisplayOrder.map(chip).join('')}</div>`;

function countsSentence(lines: readonly SummaryLine[]): string {
  const counts = statusCounts(lines);
  const parts = statusDisplayOrder.filter((s) => counts[s]).map((s) => `${statusLabels[s]} ${counts[s]} 项`);
  return `共 ${lines.length} 项指标：${parts.join('，')}。`;
}

/** 一 … 十九: section numbers as a 通报 writes them. */
function chineseNumeral(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  return `${n >= 20 ? (digits[Math.floor(n / 10)] ?? '') : ''}十${digits[n % 10] ?? ''}`;
}

/** 本期概况: the quarter in words (narrative.ts), before the numbered sections. */
function narrativeSection(data: ReportData): string {
  const narrative = narrativeOf(data, { errors: data.quality.filter((f) => f.severity === 'error').length, warnings: data.quality.filter((f) => f.severity === 'warning').length });
  const part = (label: string, sentences: readonly NarrativeSentence[]): string => `<p><b>${esc(label)}</b>${esc(sentences.map(sentenceText).join(''))}</p>`;
  return `<section class="narrative keep">
<h2>本期概况</h2>
${part('总体情况。', narrative.overall)}
${part('亮点。', narrative.highlights)}
${part('问题。', narrative.problems)}
${part('下步。', narrative.nextSteps)}
</section>`;
}

/** 预警清单 (OUTLOOK.md §4): what is set to miss its annual target by the year's end, most serious first. */
function warningsSection(data: ReportData, number: string): string {
  const names = new Map(data.regions.map((r) => [r.code, r.name]));
  const rows = data.warnings.map((w, i) => {
    const ind = indicatorById(data, w.indicator);
    const row = periodRows(data).find((r) => r.indicator === w.indicator && r.region === w.region);
    const range = row && row.projectedLow !== null && row.projectedHigh !== null ? `${formatPlain(row.projectedLow, ind)}～${formatPlain(row.projectedHigh, ind)}` : '—';
    return `<tr><td class="num">${i + 1}</td><td>${esc(names.get(w.region) ?? w.region)}</td><td class="name">${esc(ind.name)}</td><td class="unit">${esc(ind.unit)}</td><td class="num">${formatPlain(w.actual, ind)}</td><td class="num">${formatPlain(w.annualTarget, ind)}</td><td class="num">${formatPlain(w.projected, ind)}</td><td class="num">${range}</td><td class="num">${formatShare(w.probability)}</td><td class="num">${formatPlain(row?.paceNeeded ?? null, ind)}</td><td class="units">${unitNames(w.leadUnits)}</td></tr>`;
  });
  return `<section class="warnings">
<div class="keep">
<h2>${number}、预警清单（预计年末难以完成年度目标）</h2>
<p class="lead">${esc(data.warnings.length === 0 ? '按季节规律推算，各项指标预计年末均可完成年度目标。' : `按往年季节规律推算年末数，预计完成不了年度目标或达成概率低于设定值的共 ${data.warnings.length} 项，按预计缺口由大到小排列。`)}</p>
</div>
${rows.length === 0 ? '' : `<table class="warning-list"><thead><tr><th>序号</th><th>地区</th><th>指标</th><th>单位</th><th>实际完成</th><th>年度目标</th><th>预计年末</th><th>预计区间</th><th>达成概率</th><th>需季均完成</th><th>牵头单位</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`}
</section>`;
}

function headline(data: ReportData, lines: readonly SummaryLine[], number: string): string {
  const root = rootRegion(data);
  const behind = lines.filter((l) => l.status === 'behind' || l.status === 'warning').map((l) => l.indicator.name);
  const rows = lines.map((line, i) => {
    const ind = line.indicator;
    const cells = [
      `<td class="num">${i + 1}</td>`,
      `<td class="name">${esc(ind.name)}<sup><a href="#note-${esc(ind.id)}">${i + 1}</a></sup></td>`,
      `<td class="unit">${esc(ind.unit)}</td>`,
      `<td class="num">${formatPlain(line.annualTarget, ind)}</td>`,
      `<td class="num">${formatPlain(line.target, ind)}</td>`,
      `<td class="num">${formatPlain(line.actual, ind)}</td>`,
      `<td class="num">${formatShare(line.attainment)}</td>`,
      `<td class="num">${formatShare(line.expectedProgress)}</td>`,
      `<td class="num">${formatLead(line.lead)}</td>`,
      `<td class="status-${line.status}">${esc(line.statusLabel)}</td>`,
      ...(data.plan ? [taskMilestoneCell(data, ind.task)] : []),
      `<td class="units">${unitNames(ind.lead_units)}</td>`,
    ];
    return `<tr data-indicator="${esc(ind.id)}">${cells.join('')}</tr>`;
  });
  return `<section>
<div class="keep">
<h2>${esc(`${number}、${regionPhrase(root.name, '主要指标完成情况')}`)}</h2>
<p class="lead">${esc(countsSentence(lines))}${behind.length > 0 ? esc(`未达序时进度的指标：${behind.join('、')}。`) : ''}</p>
${legend()}
</div>
<table class="headline">
<thead><tr><th>序号</th><th>指标</th><th>单位</th><th>年度目标</th><th>目标（至本期）</th><th>实际完成</th><th>完成率</th><th>序时进度</th><th>超/落后序时<br>（个百分点）</th><th>状态</th>${data.plan ? '<th>任务节点<br>（本季度）</th>' : ''}<th>牵头单位</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** Unit names, each kept on one line; a list of them may wrap between names. */
const unitNames = (units: readonly string[]): string => units.map((u) => `<span class="unit-name">${esc(u)}</span>`).join('、');

function figure(d: DrawnChart): string {
  return `<figure class="chart" data-chart="${esc(d.chart.name)}" aria-label="${esc(d.chart.title)}">${scopeSvgIds(d.svg, d.chart.name)}</figure>`;
}

function chartSection(title: string, charts: readonly DrawnChart[], layout: string): string {
  if (charts.length === 0) return `<section class="keep"><h2>${esc(title)}</h2><p class="meta">本期没有可绘制的图表。</p></section>`;
  return `<section class="page">
<h2>${esc(title)}</h2>
<div class="${layout}">
${charts.map(figure).join('\n')}
</div>
</section>`;
}

function regionSections(data: ReportData, scorecards: readonly DrawnChart[], number: string): string {
  const parts = data.regions.map((region) => {
    const lines = summaryTable(data, region.code);
    const card = scorecards.find((d) => d.chart.region === region.code);
    const weak = lines.filter((l) => l.status === 'behind').map((l) => l.indicator.name);
    return `<div class="region keep" id="region-${esc(region.code)}">
<h3>${esc(region.name)}</h3>
<p class="counts">${esc(countsSentence(lines))}${weak.length > 0 ? esc(`滞后指标：${weak.join('、')}。`) : ''}</p>
${card ? figure(card) : ''}
</div>`;
  });
  return `<section class="page">
<h2>${number}、分地区完成情况</h2>
${parts.join('\n')}
</section>`;
}

function qualitySection(data: ReportData, number: string): string {
  const names = new Map(data.regions.map((r) => [r.code, r.name]));
  const indicatorNames = new Map(data.indicators.map((i) => [i.id, i.name]));
  const variableNames = new Map(data.variables.map((v) => [v.code, v.name]));
  const inWords: FindingNames = { region: (code) => names.get(code), variable: (code) => variableNames.get(code) };
  const notes = periodRows(data).flatMap((row) =>
    row.findings
      .filter((f) => reportedAsQuality.has(findingKinds[f.code]))
      .map((f) => `${names.get(row.region) ?? row.region} · ${indicatorNames.get(row.indicator) ?? row.indicator}：${periodsInWords(findingText(f, inWords))}`),
  );
  const unique = [...new Set(notes)];
  const qualityNames: QualityNames = { region: (code) => names.get(code), variable: (code) => variableNames.get(code), indicator: (id) => indicatorNames.get(id) };
  const checks = data.quality.filter((f) => f.code !== 'MISSING_REPORT');
  const checked = checks.map(
    (f) => `<tr><td class="status-${f.severity === 'error' ? 'behind' : 'warning'}">${esc(f.severity === 'error' ? '错误' : '需核实')}</td><td>${esc(names.get(f.region) ?? f.region)}</td><td>${esc(periodsInWords(qualityText(f, qualityNames)))}</td></tr>`,
  );
  const chase = data.missingReports.map(
    ({ finding: m, leftEmpty }) => `<tr><td>${esc(names.get(m.region) ?? m.region)}</td><td>${esc(variableNames.get(m.variable ?? '') ?? m.variable ?? '')}</td><td>${esc(leftEmpty.length === 0 ? '（暂无影响：以下级合计等代替）' : leftEmpty.map((e) => `${names.get(e.region) ?? e.region}${indicatorNames.get(e.indicator) ?? e.indicator}`).join('、'))}</td></tr>`,
  );
  return `<section class="quality">
<div class="keep">
<h2>${number}、数据质量提示</h2>
${unique.length === 0 && checks.length === 0 ? '<p>本期未发现数据质量问题。</p>' : ''}
</div>
${unique.length === 0 ? '' : `<ul class="notes">${unique.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`}
${checked.length === 0 ? '' : `<div class="keep"><h3>数据检查（错误：数据不可能正确；需核实：请报送单位确认）</h3></div><table class="quality-list"><thead><tr><th>类别</th><th>地区</th><th>发现</th></tr></thead><tbody>\n${checked.join('\n')}\n</tbody></table>`}
${chase.length === 0 ? '' : `<div class="keep"><h3>催报：未报送的数据及其影响</h3></div><table class="chase-list"><thead><tr><th>未报送地区</th><th>基础数据项</th><th>因此无数据的指标</th></tr></thead><tbody>\n${chase.join('\n')}\n</tbody></table>`}
</section>`;
}

/** The findings the 数据质量提示 section lists: figures that disagree with their parts, and children that did not report. */
const reportedAsQuality: ReadonlySet<FindingKind> = new Set(['data_quality', 'completeness']);

/** The indicator's task's milestone for the report quarter, as reported (the 重点任务推进情况 section has the rest). */
function taskMilestoneCell(data: ReportData, task: number | undefined): string {
  const m = task === undefined ? undefined : data.plan?.tracking.milestones.find((x) => x.task === task && x.quarter === data.plan?.tracking.quarter);
  if (!m) return '<td class="num">—</td>';
  return `<td title="${esc(`任务${m.task}：${m.milestone}`)}"><span class="chip ms-${m.state}">${esc(milestoneStateLabel(m.state))}</span></td>`;
}

const completionRows = (rows: readonly Completion[]): string =>
  rows
    .map((c) => `<tr><td>${esc(c.name)}</td><td class="num">${c.due}</td><td class="num">${c.done}</td><td class="num">${formatShare(c.rate)}</td><td class="num">${c.unreported}</td><td class="num">${c.overdue}</td></tr>`)
    .join('\n');

function planSection(data: ReportData, number: string): string {
  if (!data.plan) return '';
  const { tracking, tasks } = data.plan;
  const byNumber = new Map(tasks.map((t) => [t.number, t]));
  const due = tracking.milestones.length;
  const done = tracking.milestones.filter((m) => m.state === 'done').length;
  const head = '<thead><tr><th>{0}</th><th>到期节点</th><th>已完成</th><th>完成率</th><th>未报送</th><th>未完成</th></tr></thead>';
  const overdue = tracking.overdue.map(
    (m) => `<tr><td class="num">${m.task}</td><td class="quarter">${esc(periodLabel(formatPeriod(tracking.year, m.quarter)))}</td><td>${esc(m.milestone)}</td><td><span class="chip ms-${m.state}">${esc(milestoneStateLabel(m.state))}</span></td><td class="num">${m.quartersLate ?? ''}</td><td class="units">${unitNames(byNumber.get(m.task)?.leadUnits ?? [])}</td></tr>`,
  );
  return `<section class="page">
<h2>${number}、重点任务推进情况（截至${esc(periodLabel(formatPeriod(tracking.year, tracking.quarter)))}）</h2>
<p class="lead">${esc(`${tasks.length} 项任务到期进度节点 ${due} 个，已完成 ${done} 个（${formatShare(due === 0 ? null : done / due)}），未报送 ${tracking.unreported.length} 个，未完成 ${tracking.overdue.length} 个。未报送的节点不计为完成。`)}</p>
<div class="plan-tables">
<div class="keep">
<h3>按牵头单位</h3>
<table class="plan">${head.replace('{0}', '牵头单位')}<tbody>
${completionRows(tracking.byLeadUnit)}
</tbody></table>
</div>
<div class="keep">
<h3>按事项</h3>
<table class="plan">${head.replace('{0}', '事项')}<tbody>
${completionRows(tracking.byCategory)}
</tbody></table>
</div>
</div>
<h3>逾期及未完成节点</h3>
${overdue.length === 0 ? '<p>无。</p>' : `<table class="overdue"><thead><tr><th>任务</th><th>季度</th><th>进度节点</th><th>状态</th><th>逾期季度</th><th>牵头单位</th></tr></thead><tbody>\n${overdue.join('\n')}\n</tbody></table>`}
</section>`;
}

function notesSection(data: ReportData, number: string): string {
  const rows = data.indicators.map(
    (ind, i) => `<tr id="note-${esc(ind.id)}">
<td class="num">${i + 1}</td>
<td class="name"><b>${esc(ind.name)}</b>${ind.task === undefined ? '' : ` <span class="units unit-name">任务${ind.task}</span>`}</td>
<td>${esc(formulaInWords(ind.formula, data.variables))}<br><code>${esc(ind.formula)}</code></td>
<td class="unit">${esc(ind.unit)}<br><span class="units">${decimalsOf(ind)} 位小数</span></td>
<td>${esc(assessedAs(ind))}</td>
<td class="units">牵头：${unitNames(ind.lead_units) || '—'}<br>配合：${unitNames(ind.cooperating_units) || '—'}</td>
</tr>`,
  );
  return `<section class="page definitions">
<h2>${number}、指标说明</h2>
${ruleNotes(data.warningThreshold).map((line) => `<p class="meta">${esc(line)}</p>`).join('\n')}
<table class="notes">
<thead><tr><th>序号</th><th>指标</th><th>计算公式</th><th>单位</th><th>考核方式</th><th>责任单位</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}
