import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { statuses } from '../../model/status.js';
import { statusLabels } from '../../assess/statusRules.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { FileAccessError, osErrorCode } from '../../diagnostics/fileAccessError.js';
import { defaultDatabases } from '../../engine/findDatabase.js';
import type { RunSummary } from '../../engine/runJob.js';
import { recomputeJob, runJob } from '../../engine/runJob.js';
import { StoreUnusableError } from '../../store/store.js';
import { checkWritableFolder, prepareDatabasePath } from '../checkFolders.js';
import { runHelp } from '../help.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';
import { formatPeriod } from '../../model/period.js';
import { displayWidth, padDisplay } from '../../model/displayWidth.js';
import { parseTime } from '../../model/clock.js';
import { cliTimeZone } from '../timeZone.js';
import { qualityCountText } from '../../present/format/qualityWords.js';
import { defaultCacheFolder } from '../../present/render/renderCache.js';

export async function runCommand(args: string[], term: Terminal): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      metrics: { type: 'string' },
      'warning-threshold': { type: 'string' },
      'no-report': { type: 'boolean' },
      png: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      encoding: { type: 'string' },
      'as-of': { type: 'string' },
      wait: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    term.out(runHelp);
    return 0;
  }
  const waitSeconds = values.wait === undefined ? undefined : Number(values.wait);
  if (waitSeconds !== undefined && !(waitSeconds >= 0)) throw new UsageError(`--wait 应为秒数 / must be a number of seconds: "${values.wait}"`);
  const started = performance.now();
  const onProgress = values.quiet ? () => {} : (m: string) => term.progress(m);
  const dryRun = values['dry-run'] === true;
  const drawing = { png: values.png === true, ...(values['no-cache'] ? {} : { reportCache: defaultCacheFolder() }) };
  let summary: RunSummary;
  if (values['as-of'] !== undefined) {
    if (!values.out && !(dryRun && values.db)) throw new UsageError('需要 --out / --out is required');
    if (values.data) throw new UsageError('--as-of 只用数据库中的数据，不读 --data / --as-of recomputes from the database alone; drop --data');
    const timeZone = cliTimeZone();
    const asOf = parseAsOf(values['as-of'], timeZone);
    const candidates = values.db ? [values.db] : defaultDatabases(values.out ?? '.');
    const db = candidates.find((f) => existsSync(f));
    if (!db) throw new StoreUnusableError(candidates.join(' 或 or '), 'missing');
    const out = values.out ?? '.';
    if (!dryRun) {
      await checkWritableFolder(out);
      await prepareDatabasePath(db, { createFolder: false });
    }
    summary = await blameOutput(out, () => recomputeJob({ db, asOf, out, report: !values['no-report'], ...drawing, timeZone, dryRun, waitSeconds, onProgress }));
  } else {
    if (!values.data || (!values.out && !dryRun)) throw new UsageError('需要 --data 和 --out / --data and --out are required');
    const threshold = values['warning-threshold'];
    if (threshold !== undefined && !(Number(threshold) > 0 && Number(threshold) <= 1)) {
      throw new UsageError(`--warning-threshold 应为 0 到 1 之间的数 / must be a number in (0, 1]: "${threshold}"`);
    }
    const data = values.data;
    const out = values.out ?? '.';
    if (!dryRun) {
      await checkWritableFolder(out);
      await prepareDatabasePath(values.db ?? join(out, 'kpi.duckdb'), { createFolder: values.db !== undefined });
    }
    summary = await blameOutput(out, () => runJob({
      data,
      out,
      ...(values.db ? { db: values.db } : {}),
      ...(values.metrics ? { metrics: values.metrics } : {}),
      ...(threshold ? { settings: { warningThreshold: Number(threshold) } } : {}),
      report: !values['no-report'],
      ...drawing,
      ...(values.encoding ? { encoding: values.encoding } : {}),
      dryRun,
      waitSeconds,
      onProgress,
    }));
  }
  for (const w of summary.warnings) term.err(formatDiagnostic(w));
  if (summary.normalized.length > 0 && !values.quiet) {
    term.err('已规范化（记入入库日志）normalized on the way in (kept in the load log):');
    for (const line of summary.normalized) term.err(`  ${line}`);
  }
  const loaded = summary.load.files.filter((f) => f.kind === 'observations');
  const run = dryRun ? `演练 dry run（不发布 nothing is published）` : `运行 run #${summary.runId}`;
  if (summary.asOf !== null) term.out(`${run} 按运行 #${summary.asOf} 时的数据重算 recomputed as of run #${summary.asOf}`);
  else term.out(
    `${run}：观测文件 ${loaded.length} 个（新入库 ${loaded.filter((f) => f.status === 'loaded').length}，` +
      `未变化 ${loaded.filter((f) => f.status === 'unchanged').length}），新增观测 ${summary.load.observationsAdded} 条；` +
      `结果 ${summary.resultRows} 行，期别 ${summary.periods.join(' ')}`,
  );
  if (summary.latestPeriod) {
    term.out(`\n${summary.latestPeriod} 各地区指标状态 status by region:`);
    const shown = statuses.filter((s) => summary.statusByRegion.some((r) => r.counts[s]));
    const labels = summary.statusByRegion.map((r) => `${r.name}(${r.region})`);
    const width = Math.max(displayWidth('地区 region'), ...labels.map(displayWidth)) + 2;
    term.out([padDisplay('地区 region', width), ...shown.map((s) => padDisplay(statusLabels[s], 10, 'start'))].join(''));
    summary.statusByRegion.forEach((r, i) => {
      term.out([padDisplay(labels[i] ?? '', width), ...shown.map((s) => padDisplay(String(r.counts[s] ?? 0), 10, 'start'))].join(''));
    });
  }
  if (summary.plan) {
    const { tracking } = summary.plan;
    const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
    term.out(`\n${formatPeriod(tracking.year, tracking.quarter)} 计划进度 milestones by lead unit:`);
    const head = ['牵头单位 lead unit', '到期 due', '完成 done', '完成率 rate', '未报送 unreported'];
    const width = Math.max(displayWidth(head[0] ?? ''), ...tracking.byLeadUnit.map((u) => displayWidth(u.name))) + 2;
    const columns = head.slice(1).map((h) => displayWidth(h) + 2);
    const line = (cells: readonly string[]): string => padDisplay(cells[0] ?? '', width) + cells.slice(1).map((c, i) => padDisplay(c, columns[i] ?? 0, 'start')).join('');
    term.out(line(head));
    for (const u of tracking.byLeadUnit) term.out(line([u.name, String(u.due), String(u.done), rate(u.rate), String(u.unreported)]));
    const late = tracking.overdue.filter((m) => (m.quartersLate ?? 0) > 0).length;
    term.out(`逾期未完成 overdue: ${tracking.overdue.length} 个（其中超过一个季度 ${late} 个），见 plan-milestones.csv`);
  }
  if (summary.withdrawn.files.length > 0) printWithdrawn(summary.withdrawn, term);
  if (summary.qualityNotes > 0) {
    term.out(`\n数据质量提示 data-quality notes: ${summary.qualityNotes} 行（期别 period ${summary.qualityPeriods.join('、')}），见 results.csv 的 notes 列`);
  }
  term.out(`${summary.qualityNotes > 0 ? '' : '\n'}${qualityCountText(summary.quality)}${dryRun ? '' : '，见 quality.csv'}`);
  if (summary.earlyWarnings) {
    const { period, count } = summary.earlyWarnings;
    term.out(`${period} 预警 ${count} 项 early warnings${dryRun ? '' : '，见 warnings.csv'}`);
  }
  if (dryRun) {
    term.out('\n演练 dry run：未写出任何文件，数据库未改动 nothing was stored or written；去掉 --dry-run 即发布 run without --dry-run to publish');
    return 0;
  }
  term.out(`\n已写出 wrote: ${summary.files.join(', ')}（数据库 database ${summary.db}）`);
  if (summary.report) {
    const kinds = values.png ? '× 3 (.vl.json .svg .png)' : '× 2 (.vl.json .svg)';
    term.out(`通报 report ${summary.latestPeriod}: ${summary.report.html}, ${summary.report.xlsx}, ${summary.report.charts.length} 个图表 charts ${kinds}`);
    for (const w of summary.report.warnings) term.err(`警告 chart warning: ${w}`);
  }
  if (summary.snapshot?.problem !== undefined) {
    term.err(`警告 warning: 已发布，但供 kpi serve 读取的快照未能更新 published, but the snapshot kpi serve reads was not refreshed: ${summary.snapshot.path}：${summary.snapshot.problem}`);
  }
  if (!values.quiet) term.progress(`完成 done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

/** How many changed figures are listed one by one; the rest are counted (all are in `kpi diff`). */
const SHOWN_CHANGES = 20;

/** Files gone from the data folder withdraw their values: say which, and every figure that moved because of it. */
function printWithdrawn(withdrawn: RunSummary['withdrawn'], term: Terminal): void {
  const { files, diff } = withdrawn;
  term.out(`\n已从数据文件夹移除 removed from the data folder: ${files.join('、')}；其数据已撤回 their values are withdrawn`);
  if (!diff) return;
  term.out(`与上次发布（运行 #${diff.from}）相比变化的结果 ${diff.figures.length} 项 figures changed since run #${diff.from}:`);
  for (const f of diff.figures.slice(0, SHOWN_CHANGES)) {
    const fields = f.changes.map((c) => `${c.field} ${c.before ?? '—'} → ${c.after ?? '—'}`).join('，');
    term.out(`  ${f.indicator} ${f.region} ${f.period}: ${fields}${f.reasons.length > 0 ? `（${f.reasons.join('；')}）` : ''}`);
  }
  if (diff.figures.length > SHOWN_CHANGES) {
    term.out(`  …另有 ${diff.figures.length - SHOWN_CHANGES} 项 and ${diff.figures.length - SHOWN_CHANGES} more: kpi diff ${diff.from} ${diff.to} --db <数据库>`);
  }
}

/**
 * A full disk reported without a path (Node's `write` names none) during a
 * run can only be the output folder's or the database's disk: name the
 * output folder rather than nothing.
 */
async function blameOutput<T>(out: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = osErrorCode(e);
    const named = e instanceof Error && 'path' in e && typeof e.path === 'string';
    if (code !== undefined && !named && ['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EIO'].includes(code)) throw new FileAccessError(out, 'write', code, e);
    throw e;
  }
}

/** `--as-of 3` is a run id; anything else is a date (the end of that day) or a time, on the CLI's clock unless it carries an offset (`2023-07-20T10:00+08:00`). */
function parseAsOf(text: string, zone: string): number | Date {
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  const time = parseTime(text, zone);
  if (time === undefined) throw new UsageError(`--as-of 应为运行编号或时间 / must be a run id, a date or a time such as 2023-07-20, 2023-07-20T10:00 or 2023-07-20T10:00+08:00（无时区时按 ${zone} read on ${zone} when no offset is given）: "${text}"`);
  return time;
}
