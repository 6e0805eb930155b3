import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { PlanNote, PlanProblem } from '../../plan/parsePlan.js';
import { parsePlan } from '../../plan/parsePlan.js';
import type { Plan } from '../../plan/planSchema.js';
import { writePlan } from '../../plan/writePlan.js';
import { TextEncodingError, decodeText } from '../../read/decodeText.js';
import { FileAccessError, osErrorCode } from '../../diagnostics/fileAccessError.js';
import { checkWritableFolder } from '../checkFolders.js';
import { exitStatusHelp } from '../exitCodes.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';

export const planHelp = `kpi plan — 年度重点任务推进计划 / the year's task plan

用法 Usage:
  kpi plan import <file> --out <data folder> [--encoding <name>]

读取推进计划的 Word 表格导出的文本：表头（事项 重点工作 具体任务 一季度 二季度 三季度 四季度 牵头单位 配合单位）之后，
每个单元格占一行、以制表符开头，行与行之间空一行。合并单元格留下的空白沿用上一行的事项和重点工作；
年度和标题取自表格上方的标题行（……2023年度……推进计划）。写出 <data>/plan/tasks.json 和 tasks.csv（带BOM）。
无法确定的地方（单元格数不对、任务序号重复或不连续、没有序号……）逐条列出行号，且不写任何文件。
Reads the plan's Word table exported as text: after the header, one tab-indented line per cell and a blank
line between rows. Blank cells left by merged cells take the 事项 and 重点工作 of the row above; the year and
title come from the title line above the table. Writes <data>/plan/tasks.json and tasks.csv (UTF-8 with BOM).
Anything it cannot resolve (a row with the wrong number of cells, a task number repeated or out of sequence,
a task without a number…) is listed with its line number, and nothing is written.

选项 Options:
  --out <folder>      数据文件夹，计划写入其中的 plan/ the data folder; the plan goes in its plan/
  --encoding <name>   文本编码（utf-8、gb18030、utf-16le），默认自动识别 the text encoding, default detected
  -h, --help          显示帮助 show help

${exitStatusHelp}
  （1：文件不存在或不能完整读取，逐条列出问题及行号，未写任何文件
   1: the document is missing or cannot be read whole, every problem listed with its line, nothing written）

示例 Example:
  kpi plan import 2023年度国家创新型城市建设重点任务推进计划.txt --out data/suqian
`;

/** `kpi plan import <file> --out <folder>`: the year's plan document → `<folder>/plan/tasks.json` and `.csv`. */
export async function planCommand(args: string[], term: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help' || sub === 'help') {
    term.out(planHelp);
    return 0;
  }
  if (sub === undefined) throw new UsageError('需要子命令 import / a subcommand is required: kpi plan import <file> --out <folder>');
  if (sub !== 'import') throw new UsageError(`未知子命令 unknown subcommand "${sub}"：可用 import / available: import`);
  const { values, positionals } = parseArgs({
    args: rest,
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
  term.out(`已写出 written:\n  ${written.json}\n  ${written.csv}`);
  return 0;
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
  const perCategory = new Map<string, number>();
  for (const t of plan.tasks) perCategory.set(t.category, (perCategory.get(t.category) ?? 0) + 1);
  return [
    `计划 plan: ${plan.title}（${plan.year}年度 year ${plan.year}）`,
    `任务 tasks: ${plan.tasks.length}；季度节点 milestone cells: ${cells}（空 empty: ${cells - filled}）`,
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
