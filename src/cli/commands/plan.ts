import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Catalog } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/loadCatalog.js';
import { checkContext } from '../../check/context.js';
import { checkRegions } from '../../check/checkRegions.js';
import { checkTargets } from '../../check/checkTargets.js';
import { fileAccessProblem, probePath, readBytes } from '../../check/fileAccess.js';
import { readChecked } from '../../check/readChecked.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { KpiInputError, formatDiagnostic, isError } from '../../diagnostics/diagnostic.js';
import { problem } from '../../diagnostics/problems.js';
import { defaultMetricsFolder } from '../../engine/packagePaths.js';
import type { Region } from '../../model/region.js';
import type { Target } from '../../model/target.js';
import type { PlanNote, PlanProblem } from '../../plan/parsePlan.js';
import { parsePlan } from '../../plan/parsePlan.js';
import { planQuantities } from '../../plan/planQuantities.js';
import type { Plan } from '../../plan/planSchema.js';
import { readPlan } from '../../plan/readPlan.js';
import { suggestionLines } from '../../plan/suggestionLines.js';
import { suggestTargets } from '../../plan/suggestTargets.js';
import { planFiles } from '../../plan/planFiles.js';
import { writePlan } from '../../present/writePlan.js';
import { isKnownEncoding } from '../../read/decodeText.js';
import { TextEncodingError, decodeText } from '../../read/decodeText.js';
import { FileAccessError, osErrorCode } from '../../diagnostics/fileAccessError.js';
import { checkWritableFolder } from '../checkFolders.js';
import { exitStatusHelp } from '../exitCodes.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';

export const planHelp = `kpi plan — 年度重点任务推进计划 / the year's task plan

用法 Usage:
  kpi plan import <file> --out <data folder> [--encoding <name>]
  kpi plan suggest --data <data folder> [--metrics <folder>] [--task <n,…>] [--encoding <name>]

import  读取推进计划的 Word 表格导出的文本：表头（事项 重点工作 具体任务 一季度 二季度 三季度 四季度 牵头单位 配合单位）之后，
每个单元格占一行、以制表符开头，行与行之间空一行。合并单元格留下的空白沿用上一行的事项和重点工作；
年度和标题取自表格上方的标题行（……2023年度……推进计划）。写出 <data>/plan/tasks.json、tasks.csv 和 quantities.csv（带BOM）：
quantities.csv 每行是任务文本或季度节点写明的一个数量（任务、季度、原文数值和单位、换算值和基本单位、限定词、是否累计、计数对象、原文）。
无法确定的地方（单元格数不对、任务序号重复或不连续、没有序号……）逐条列出行号，且不写任何文件。
Reads the plan's Word table exported as text: after the header, one tab-indented line per cell and a blank
line between rows. Blank cells left by merged cells take the 事项 and 重点工作 of the row above; the year and
title come from the title line above the table. Writes <data>/plan/tasks.json, tasks.csv and quantities.csv
(UTF-8 with BOM): one row per quantity a task's text or milestone states (task, quarter, value and unit as
written, the value in the base unit, qualifier, cumulative, what is counted, the phrase). Anything it cannot
resolve (a row with the wrong number of cells, a task number repeated or out of sequence, a task without a
number…) is listed with its line number, and nothing is written.

suggest  对照指标目录（task: 任务序号）和 targets.csv，列出计划中的数量哪些已跟踪（该任务的指标在根地区、计划年度、
该季度有相同数值的目标行；按季相加的数量比较年内累计），并为未跟踪的数量打印可粘贴的草稿：指标定义
（metrics/indicators/）、基础数据项（metrics/variables.yaml）和 targets.csv 行（根地区，季度为年内累计）。只读，不写文件。
Compares the plan's quantities with the catalog (an indicator's task:) and targets.csv: a quantity is tracked when
an indicator of its task has a target row for the root region, the plan's year and its quarter with the same
value (per-quarter figures compared as year to date). For the others it prints drafts to paste: an indicator
file, a variables.yaml entry and targets.csv rows (the root region, year-to-date values). Reads only.

选项 Options:
  --out <folder>      （import）数据文件夹，计划写入其中的 plan/ the data folder; the plan goes in its plan/
  --data <folder>     （suggest）数据文件夹：regions.csv、targets.csv、plan/tasks.json the data folder
  --metrics <folder>  （suggest）指标目录，默认随引擎附带的 metrics/ the catalog folder
  --task <n,…>        （suggest）只看这些任务 only these tasks, e.g. --task 6,13
  --encoding <name>   文本编码（utf-8、gb18030、utf-16le），默认自动识别 the text encoding, default detected
  -h, --help          显示帮助 show help

${exitStatusHelp}
  （1：文件不存在或不能完整读取，逐条列出问题及行号，未写任何文件；suggest：数据文件夹没有计划，或没有所列任务
   1: the document is missing or cannot be read whole, every problem listed with its line, nothing written;
   suggest: the data folder has no plan, or the plan no such task）

示例 Example:
  kpi plan import data/seeds/suqian-2023-innovative-city-plan.txt --out data/suqian
  kpi plan suggest --data data/suqian
`;

/**
 * `kpi plan import <file> --out <folder>`: the year's plan document → `<folder>/plan/tasks.json`, `.csv` and `quantities.csv`;
 * `kpi plan suggest --data <folder>`: drafts for the plan's quantities no indicator tracks yet.
 */
export async function planCommand(args: string[], term: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help' || sub === 'help') {
    term.out(planHelp);
    return 0;
  }
  if (sub === undefined) throw new UsageError('需要子命令 import 或 suggest / a subcommand is required: kpi plan import <file> --out <folder>');
  if (sub === 'import') return importCommand(rest, term);
  if (sub === 'suggest') return suggestCommand(rest, term);
  throw new UsageError(`未知子命令 unknown subcommand "${sub}"：可用 import、suggest / available: import, suggest`);
}

async function importCommand(args: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      encoding: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    term.out(planHelp);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('需要计划文件 / the plan document is required: kpi plan import <file> --out <folder>');
  if (extra.length > 0) throw new UsageError(`只能导入一个文件 / one document at a time: ${extra.join(' ')}`);
  if (!values.out) throw new UsageError('需要 --out / --out is required');

  await checkWritableFolder(values.out);
  const text = await readDocument(file, values.encoding, term);
  if (text === undefined) return 1;
  const { plan, problems, notes } = parsePlan(text, file);
  if (notes.length > 0) {
    term.err('已自动处理（请核对）resolved while reading (please check):');
    for (const n of notes) term.err(`  ${formatPlanNote(n)}`);
  }
  if (!plan) {
    for (const p of problems) term.err(formatPlanProblem(p));
    term.err(`\n计划未导入，共 ${problems.length} 个问题；未写任何文件。 Plan not imported: ${problems.length} problem(s); nothing was written.`);
    return 1;
  }
  const written = await writePlan(plan, values.out);
  for (const line of planSummary(plan)) term.out(line);
  term.out(`已写出 written:\n  ${written.json}\n  ${written.csv}\n  ${written.quantities}`);
  return 0;
}

async function suggestCommand(args: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      metrics: { type: 'string' },
      task: { type: 'string' },
      encoding: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    term.out(planHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`多余的参数 / unexpected arguments: ${positionals.join(' ')}`);
  const data = values.data;
  if (!data) throw new UsageError('需要 --data / --data is required: kpi plan suggest --data <folder>');
  const only = values.task === undefined ? undefined : taskNumbers(values.task);

  const catalog = await loadCatalog(values.metrics ?? defaultMetricsFolder());
  const { root, targets, withNote, plan } = await readSuggestInputs(data, catalog, values.encoding, term);
  const absent = (only ?? []).filter((n) => !plan.tasks.some((t) => t.number === n));
  if (absent.length > 0) {
    const expected = `1–${plan.tasks.length}`;
    throw new KpiInputError(absent.map((n) => problem('UNKNOWN_TASK', { file: planFiles(data).json, column: '--task', value: String(n), expected })));
  }
  const tasks = only === undefined ? plan.tasks : plan.tasks.filter((t) => only.includes(t.number));
  const suggestions = suggestTargets({ plan: { ...plan, tasks }, indicators: catalog.indicators, targets, root: root.code });
  for (const line of suggestionLines(suggestions, { title: plan.title, year: plan.year, root, withNote })) term.out(line);
  return 0;
}

/** `--task 6,13`: task numbers, each a whole number from 1. */
function taskNumbers(text: string): number[] {
  const numbers = text.split(/[,，、\s]+/).filter((t) => t !== '').map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--task 应为任务序号，如 6,13 / task numbers such as 6,13: "${text}"`);
  return numbers;
}

const suggestFolderExpected = '数据文件夹内有 regions.csv、targets.csv 和 plan/tasks.json / regions.csv, targets.csv and plan/tasks.json';

/**
 * The data folder as suggest reads it: regions.csv and targets.csv through the
 * checks `kpi run` applies, and plan/tasks.json through the plan's schema.
 * Every problem is collected; any error stops the command (exit 1, or 4 when a file cannot be read).
 */
async function readSuggestInputs(
  folder: string,
  catalog: Catalog,
  encoding: string | undefined,
  term: Terminal,
): Promise<{ root: Region; targets: readonly Target[]; withNote: boolean; plan: Plan }> {
  if (encoding !== undefined && !isKnownEncoding(encoding)) throw new KpiInputError([problem('UNKNOWN_ENCODING', { value: encoding })]);
  const diagnostics: Diagnostic[] = [];
  const regionsFile = join(folder, 'regions.csv');
  const targetsFile = join(folder, 'targets.csv');
  const bytes: (Buffer | undefined)[] = [];
  for (const file of [regionsFile, targetsFile]) {
    const found = await probePath(file, diagnostics);
    if (found === 'missing') diagnostics.push(problem('FOLDER_MISSING', { file, expected: suggestFolderExpected }));
    else if (found === 'folder') diagnostics.push(fileAccessProblem(file, 'EISDIR'));
    bytes.push(found === 'file' ? await readBytes(file, diagnostics) : undefined);
  }
  const [regionsBytes, targetsBytes] = bytes;
  const regionsTable = regionsBytes && (await readChecked(regionsFile, 'csv', regionsBytes, { encoding }, diagnostics));
  const { regions, diagnostics: regionProblems } = regionsTable ? checkRegions(regionsTable) : { regions: [], diagnostics: [] };
  diagnostics.push(...regionProblems);
  const root = regions.find((r) => r.parent === null);
  // checkRegions looks for the root among rows; a regions.csv of just a header has none either, and plan figures are the root's.
  if (regionsTable && regions.length === 0) diagnostics.push(problem('NO_ROOT', { file: regionsFile, column: 'parent' }));
  const targetsTable = targetsBytes && (await readChecked(targetsFile, 'csv', targetsBytes, { encoding }, diagnostics));
  const checked = targetsTable ? checkTargets(targetsTable, checkContext(catalog, regions)) : { targets: [], diagnostics: [] };
  diagnostics.push(...checked.diagnostics);

  const { plan, problems } = await readPlan(folder);
  for (const p of problems) diagnostics.push(problem('BAD_PLAN', { file: p.file, row: p.line, detail: p.message, ...(p.value === '' ? {} : { value: p.value }) }));
  if (plan === undefined && problems.length === 0) {
    const expected = `${suggestFolderExpected}：先运行 kpi plan import <文件> --out ${folder} / run kpi plan import first`;
    diagnostics.push(problem('FOLDER_MISSING', { file: planFiles(folder).json, detail: '数据文件夹没有任务计划 the data folder has no plan', expected }));
  }
  if (diagnostics.some(isError) || plan === undefined || root === undefined) throw new KpiInputError(diagnostics);
  for (const d of diagnostics) term.err(formatDiagnostic(d));
  const withNote = (targetsTable?.headers ?? []).some((h) => ['note', '备注'].includes(h.trim().replace(/^\uFEFF/, '')));
  return { root, targets: checked.targets, withNote, plan };
}

async function readDocument(file: string, encoding: string | undefined, term: Terminal): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    // A document that is not there is the input's fault (exit 1); one the OS refuses to read is exit 4.
    if (osErrorCode(e) !== 'ENOENT') throw new FileAccessError(file, 'read', osErrorCode(e), e);
    term.err(`错误 ${file}: 文件不存在 / no such file: ${(e as Error).message}`);
    return undefined;
  }
  try {
    return decodeText(bytes, encoding).text;
  } catch (e) {
    if (!(e instanceof TextEncodingError)) throw e;
    const where = e.line === undefined ? '' : ` 第${e.line}行 line ${e.line}`;
    term.err(`错误 BAD_ENCODING ${file}${where}: ${e.message}${e.excerpt === undefined ? '' : `（值 value "${e.excerpt}"）`}`);
    return undefined;
  }
}

/** The counts an analyst checks against the document: tasks, milestone cells, and tasks per 事项 in the plan's order. */
export function planSummary(plan: Plan): string[] {
  const cells = plan.tasks.length * 4;
  const filled = plan.tasks.reduce((n, t) => n + t.milestones.filter((m) => m !== '').length, 0);
  const quantities = planQuantities(plan);
  const perCategory = new Map<string, number>();
  for (const t of plan.tasks) perCategory.set(t.category, (perCategory.get(t.category) ?? 0) + 1);
  return [
    `计划 plan: ${plan.title}（${plan.year}年度 year ${plan.year}）`,
    `任务 tasks: ${plan.tasks.length}；季度节点 milestone cells: ${cells}（空 empty: ${cells - filled}）`,
    `写明的数量 quantities stated: ${quantities.length}（任务文本 in task texts: ${quantities.filter((q) => q.quarter === undefined).length}，季度节点 in milestones: ${quantities.filter((q) => q.quarter !== undefined).length}）`,
    '各事项任务数 tasks per 事项:',
    ...[...perCategory].map(([category, n]) => `  ${String(n).padStart(4)}  ${category}`),
  ];
}

export function formatPlanProblem(p: PlanProblem): string {
  return `错误 ${p.code} ${p.file} 第${p.line}行 line ${p.line}: ${p.message}${p.value === '' ? '' : `（值 value "${p.value}"）`}`;
}

function formatPlanNote(n: PlanNote): string {
  return `第${n.line}行 line ${n.line} ${n.code}: ${n.message}${n.value === '' ? '' : `（原文 was "${n.value}"）`}`;
}
