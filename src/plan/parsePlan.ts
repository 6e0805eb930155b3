import { editDistance } from '../check/editDistance.js';
import type { Plan, Task } from './planSchema.js';
import { planSchema } from './planSchema.js';

export type PlanProblemCode =
  | 'NO_HEADER'
  | 'NO_TITLE'
  | 'CELL_COUNT'
  | 'NO_TASK_NUMBER'
  | 'TASK_OUT_OF_SEQUENCE'
  | 'DUPLICATE_TASK'
  | 'NOTHING_TO_INHERIT'
  | 'NO_LEAD_UNIT'
  | 'TEXT_OUTSIDE_TABLE'
  | 'NO_TASKS'
  | 'BAD_PLAN_FILE';

/** Something in the plan document the importer cannot resolve without guessing. Tests assert `code`. */
export interface PlanProblem {
  readonly code: PlanProblemCode;
  readonly file: string;
  /** 1-based line of the document. */
  readonly line: number;
  /** Chinese, then English. */
  readonly message: string;
  /** The offending text, as read. */
  readonly value: string;
}

export type PlanNoteCode = 'BOOKMARK_REMOVED' | 'CELL_CONTINUED' | 'UNITS_SPLIT' | 'HEADING_REPEATED' | 'SPACES_REMOVED' | 'TEXT_AFTER_TABLE' | 'EMPTY_ROW_SKIPPED';

/** Something the importer resolved on its own, reported so an analyst can check it. */
export interface PlanNote {
  readonly code: PlanNoteCode;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly value: string;
}

export interface ParsedPlan {
  /** Undefined when there is any problem: a plan is imported whole or not at all. */
  readonly plan: Plan | undefined;
  readonly problems: PlanProblem[];
  readonly notes: PlanNote[];
}

/** The table's columns, as the layout names them (spaces ignored: Word pads 事项 to the width of 重点工作). */
const header = ['事项', '重点工作', '具体任务', '一季度', '二季度', '三季度', '四季度', '牵头单位', '配合单位'] as const;
const FULL_ROW = header.length;
/** A row whose 事项 cell spans the 重点工作 column too has one cell less. */
const SPANNING_ROW = FULL_ROW - 1;

const taskNumberPattern = /^(\d+)\s*[.．、](?!\d)\s*/;
/** Word's own marker of where the editor last was; not text of the document. */
const bookmarkPattern = /\[bookmark:[^\]]*\]/g;
/** The plan's title names its year: 「…2023年度…推进计划」. Lines with 《》 quote it (the cover letter), they are not it. */
const titlePattern = /^[^《》]*?(\d{4})\s*年度[^《》]*计划$/;

interface SourceLine {
  readonly no: number;
  readonly kind: 'cell' | 'blank' | 'text';
  /** For a cell: what follows its tab. */
  readonly text: string;
}

interface Cell {
  readonly line: number;
  /** Paragraphs of the cell: its tab line and any untabbed lines that continue it. */
  readonly parts: { readonly line: number; readonly text: string }[];
}

/** What the rows above say, for rows whose 事项 and 重点工作 cells Word merged into the row above. */
interface Heading {
  category: string | undefined;
  keyWork: string | undefined;
  /** The 事项 cell spans the 重点工作 column: there is no key work above to inherit. */
  spans: boolean;
  /** The heading above could not be read (a problem was reported): rows carrying it down add no problem of their own. */
  unreadable: boolean;
}

/** Where parsing reports what it could not resolve, and what it resolved on its own. */
interface Report {
  problem(code: PlanProblemCode, line: number, message: string, value?: string): void;
  note(code: PlanNoteCode, line: number, message: string, value?: string): void;
}

/**
 * Reads a year's task plan from its Word table exported as text: a header row
 * (事项 重点工作 具体任务 一季度…四季度 牵头单位 配合单位), then one table row per
 * task with each cell on its own tab-indented line, rows separated by blank
 * lines. Blank cells, where Word merged cells vertically, take the 事项 and
 * 重点工作 of the row above. The title and year come from the title line above
 * the table. Everything that cannot be read without guessing is a located
 * problem, and then there is no plan; what was resolved is listed in `notes`.
 *
 * @example
 * const { plan, problems } = parsePlan(await readFile(f, 'utf8'), f);
 * // plan?.tasks.length === 98 for the 2023 plan; else problems[i].line says where to look
 */
export function parsePlan(text: string, file: string): ParsedPlan {
  const problems: PlanProblem[] = [];
  const notes: PlanNote[] = [];
  const report: Report = {
    problem: (code, line, message, value = '') => void problems.push({ code, file, line, message, value }),
    note: (code, line, message, value = '') => void notes.push({ code, file, line, message, value }),
  };
  const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;
  const finish = (plan: Plan | undefined): ParsedPlan => ({ plan: problems.length === 0 ? plan : undefined, problems: problems.sort(byLine), notes: notes.sort(byLine) });

  const lines = readLines(text, report);
  const header = findHeader(lines, report);
  if (!header) return finish(undefined);
  const title = findTitle(lines.slice(0, header.start), header.line, report);
  const tasks = readRows(lines.slice(header.end), report);
  if (tasks.length === 0 && problems.length === 0) report.problem('NO_TASKS', header.line, '表头下没有任务 / no tasks under the table header');
  if (problems.length > 0 || !title) return finish(undefined);

  const parsed = planSchema.safeParse({ title: title.text, year: title.year, tasks });
  if (!parsed.success) {
    // Only the title's year can be out of the schema's range here; anything else is a bug of this reader.
    const issue = parsed.error.issues[0];
    if (issue?.path[0] !== 'year') throw new Error(`parsePlan built an invalid plan: ${parsed.error.message}`);
    report.problem('NO_TITLE', title.line, `标题中的年度不像年份 / the title's year is not a plausible year: ${issue.message}`, title.text);
    return finish(undefined);
  }
  return finish(parsed.data);
}

/** Each line as a cell (tab-indented), a blank, or other text; Word's bookmark markers dropped. */
function readLines(text: string, report: Report): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i): SourceLine => {
      const unmarked = raw.replace(bookmarkPattern, (marker) => {
        report.note('BOOKMARK_REMOVED', i + 1, '删除了 Word 书签标记 / removed a Word bookmark marker', marker);
        return '';
      });
      const tab = /^[ \u3000]*\t/.exec(unmarked);
      if (tab) return { no: i + 1, kind: 'cell', text: unmarked.slice(tab[0].length) };
      return { no: i + 1, kind: unmarked.trim() === '' ? 'blank' : 'text', text: unmarked };
    });
}

/** The first run of cells, which must be the layout's header; its index range and line. */
function findHeader(lines: readonly SourceLine[], report: Report): { start: number; end: number; line: number } | undefined {
  const start = lines.findIndex((l) => l.kind === 'cell');
  let end = start;
  while (start !== -1 && end < lines.length && (lines[end] as SourceLine).kind === 'cell') end++;
  const labels = start === -1 ? [] : lines.slice(start, end).map((l) => l.text.replace(/\s+/g, ''));
  const line = start === -1 ? 1 : (lines[start] as SourceLine).no;
  if (labels.join('|') === header.join('|')) return { start, end, line };
  report.problem('NO_HEADER', line, `找不到表头：应为 ${header.join('、')} 各占一行 / no table header: expected the cells ${header.join(', ')}, one line each`, labels.join(' | '));
  return undefined;
}

/** The last line above the table that names a year's plan (the title sits right above its table). */
function findTitle(preamble: readonly SourceLine[], headerLine: number, report: Report): { text: string; year: number; line: number } | undefined {
  for (const l of [...preamble].reverse()) {
    const text = cleanCellText(l.text);
    const m = l.kind === 'text' ? titlePattern.exec(text) : null;
    if (m) return { text, year: Number(m[1]), line: l.no };
  }
  report.problem('NO_TITLE', headerLine, '表格前找不到标题行（如「××市2024年度……推进计划」）/ no title line naming the year (…2024年度…计划) above the table');
  return undefined;
}

/** The tasks of the table's rows, in order; rows that cannot be read are reported and skipped. */
function readRows(lines: readonly SourceLine[], report: Report): Task[] {
  const tasks: Task[] = [];
  const heading: Heading = { category: undefined, keyWork: undefined, spans: false, unreadable: false };
  const numbering = taskNumbering(report);
  const rows = groups(lines).filter((row) => {
    // Word keeps a row whose text was deleted as a run of empty cells: it holds no task and
    // carries no heading down (the rows below still take theirs from the last row with text).
    if (!row.every((l) => l.kind === 'cell' && cleanCellText(l.text) === '')) return true;
    const first = (row[0] as SourceLine).no;
    const last = (row.at(-1) as SourceLine).no;
    report.note('EMPTY_ROW_SKIPPED', first, `跳过了第${first}–${last}行的空行（所有单元格为空）/ skipped an empty table row at lines ${first}–${last} (every cell blank)`);
    return false;
  });
  for (const [r, row] of rows.entries()) {
    const first = row[0] as SourceLine;
    if (first.kind === 'text') {
      if (!rows.slice(r).flat().some((l) => l.kind === 'cell')) {
        report.note('TEXT_AFTER_TABLE', first.no, '表格后的文字未导入 / text after the table is not part of the plan', cleanCellText(first.text));
        break;
      }
      report.problem('TEXT_OUTSIDE_TABLE', first.no, '表格中间有不属于任何单元格的文字 / text between table rows that belongs to no cell', cleanCellText(first.text));
      continue;
    }
    const task = readRow(cellsOf(row, report), first.no, heading, numbering, report);
    if (task) tasks.push(task);
  }
  return tasks;
}

/** A row's cells; an untabbed line inside a row is a further paragraph of the cell above it (task 36's lead units in 2023). */
function cellsOf(row: readonly SourceLine[], report: Report): Cell[] {
  const cells: Cell[] = [];
  for (const l of row) {
    if (l.kind === 'cell') cells.push({ line: l.no, parts: [{ line: l.no, text: l.text }] });
    else {
      (cells.at(-1) as Cell).parts.push({ line: l.no, text: l.text });
      report.note('CELL_CONTINUED', l.no, '无缩进的行并入上一单元格 / an untabbed line continues the cell above it', cleanCellText(l.text));
    }
  }
  return cells;
}

/**
 * Checks each row's task number in turn: no repeat, and following the row
 * above. A number that neither follows the row above nor matches its place is
 * the odd one out, so one mistyped or missing number is reported once, not
 * again at every later row.
 */
function taskNumbering(report: Report): (number: number, line: number) => void {
  const firstLineOf = new Map<number, number>();
  let previous = 0;
  let position = 0;
  return (number, line) => {
    position++;
    const earlier = firstLineOf.get(number);
    if (earlier !== undefined) {
      report.problem('DUPLICATE_TASK', line, `任务序号 ${number} 重复（第${earlier}行已有）/ task ${number} again (first at line ${earlier})`, String(number));
    } else if (number !== previous + 1 && number !== position) {
      report.problem('TASK_OUT_OF_SEQUENCE', line, `任务序号不连续：上一行是 ${previous}，应为 ${previous + 1} / task numbers out of sequence: ${previous} above, expected ${previous + 1}`, String(number));
    }
    if (earlier === undefined) firstLineOf.set(number, line);
    previous = number;
  };
}

/** One table row as a task: nine cells, or eight where the 事项 cell spans the 重点工作 column. */
function readRow(cells: readonly Cell[], rowLine: number, heading: Heading, numbering: (number: number, line: number) => void, report: Report): Task | undefined {
  const taskIndex = cells.length === FULL_ROW ? 2 : cells.length === SPANNING_ROW ? 1 : -1;
  const taskCell = cells[taskIndex];
  const number = taskCell && taskNumber(taskCell);
  // A row with the wrong number of cells may still show its number: the sequence is checked all the same.
  const numbered = taskCell && number !== undefined ? taskCell : cells.slice(0, 3).find((c) => taskNumber(c) !== undefined);
  if (numbered) numbering(taskNumber(numbered) as number, numbered.line);
  const value = preview(numbered ?? taskCell ?? cells.find((c) => cellText(c) !== ''));

  if (!taskCell || (number === undefined && numbered)) {
    report.problem('CELL_COUNT', rowLine, `这一行有 ${cells.length} 个单元格，应为 ${FULL_ROW} 个（事项跨两列时为 ${SPANNING_ROW} 个，任务在第2格）/ the row has ${cells.length} cells; expected ${FULL_ROW} (${SPANNING_ROW} when the 事项 cell spans two columns and the task is the 2nd cell)`, value);
    // A heading in a row that cannot be laid out is lost: the rows under it cannot be placed either.
    if (cellText(cells[0] as Cell) !== '') Object.assign(heading, { category: undefined, keyWork: undefined, spans: false, unreadable: true });
    return undefined;
  }
  const place = placeRow(cells, heading, (code, message, v) => report.problem(code, rowLine, message, v), (message, v) => report.note('HEADING_REPEATED', rowLine, message, v));
  if (number === undefined) {
    report.problem('NO_TASK_NUMBER', taskCell.line, '具体任务没有序号（如「36.」）/ the task has no number (such as "36.")', value);
    return undefined;
  }
  const [leadCell, cooperatingCell] = cells.slice(taskIndex + 5) as [Cell, Cell];
  const leadUnits = splitUnits(leadCell, report);
  const cooperatingUnits = splitUnits(cooperatingCell, report);
  if (leadUnits.length === 0) report.problem('NO_LEAD_UNIT', leadCell.line, `任务 ${number} 没有牵头单位 / task ${number} has no lead unit`);
  if (!place || leadUnits.length === 0) return undefined;

  const textOf = (cell: Cell): string => cell.parts.map((p) => cleanWithNote(p.text, p.line, report)).filter((p) => p !== '').join('\n');
  return {
    number,
    category: place.category,
    keyWork: place.keyWork,
    text: textOf(taskCell).replace(taskNumberPattern, ''),
    milestones: cells.slice(taskIndex + 1, taskIndex + 5).map(textOf) as [string, string, string, string],
    leadUnits,
    cooperatingUnits,
    line: taskCell.line,
  };
}

/** The 事项 and 重点工作 of a row: its own cells, or the row above's where Word merged them. */
function placeRow(
  cells: readonly Cell[],
  heading: Heading,
  problem: (code: PlanProblemCode, message: string, value: string) => void,
  repeated: (message: string, value: string) => void,
): { category: string; keyWork: string } | undefined {
  const fail = (code: PlanProblemCode, message: string, value: string): undefined => {
    // Rows below that carry this one's cells down are as unreadable, but reporting each again would bury the cause.
    if (!heading.unreadable) problem(code, message, value);
    if (code === 'NOTHING_TO_INHERIT') heading.unreadable = true;
    return undefined;
  };
  const set = (category: string | undefined, keyWork: string | undefined, spans: boolean): void => void Object.assign(heading, { category, keyWork, spans, unreadable: false });
  const category = cellText(cells[0] as Cell);
  const noneAbove = '上方没有可沿用的内容 / the cell is blank and no row above has one to carry down';

  if (cells.length === SPANNING_ROW) {
    if (category !== '') set(category, '', true);
    else if (heading.category === undefined) return fail('NOTHING_TO_INHERIT', `事项为空，${noneAbove}`, '');
    else if (!heading.spans) {
      return fail('CELL_COUNT', `这一行少一个单元格：上方的事项「${heading.category}」不跨重点工作列 / a cell is missing: the 事项 above does not span the 重点工作 column`, '');
    }
    return { category: heading.category as string, keyWork: '' };
  }

  const keyWork = cellText(cells[1] as Cell);
  if (category !== '' && keyWork !== '' && heading.category !== undefined && isRepeat(category, keyWork)) {
    // The 2023 plan has, before task 95, 「深化科成果转化机制改革」 in the 事项 column beside
    // 「深化科技成果转化机制改革」 in the 重点工作 column. It is not a new 事项: every 事项
    // names a programme (…工程) and this is its key work written a second time, one
    // character short, where Word split the merged 事项 cell of 科技体制机制改革工程. So the
    // row keeps the 事项 above and the 重点工作 column's own text; no task is added or lost.
    repeated(
      `事项列「${category}」与重点工作「${keyWork}」几乎相同，是重点工作的重复而非新事项；事项沿用上方的「${heading.category}」 / ` +
        `the 事项 cell repeats the 重点工作 beside it (near-identical), so it is not a new 事项: kept 「${heading.category}」 from above`,
      category,
    );
    set(heading.category, keyWork, false);
  } else if (category !== '') {
    if (keyWork === '') {
      set(category, undefined, false);
      return fail('NOTHING_TO_INHERIT', `新事项「${category}」的重点工作为空，${noneAbove}`, category);
    }
    set(category, keyWork, false);
  } else if (heading.category === undefined) {
    return fail('NOTHING_TO_INHERIT', `事项为空，${noneAbove}`, keyWork);
  } else if (keyWork !== '') {
    set(heading.category, keyWork, false);
  } else if (heading.spans || heading.keyWork === undefined) {
    return fail('NOTHING_TO_INHERIT', `重点工作为空，${noneAbove}`, '');
  }
  return { category: heading.category as string, keyWork: heading.keyWork as string };
}

/** A heading written twice with a slip or two: identical, or within one edit per five characters. */
function isRepeat(a: string, b: string): boolean {
  const shorter = Math.min([...a].length, [...b].length);
  return editDistance(a, b) <= Math.max(1, Math.floor(shorter / 5));
}

/** Unit names end in an office word (市科技局, 市发展改革委, 市委组织部, ××区 …) … */
const unitEnds = new Set([...'局委部办厅院行会室所站心处社团司队区县']);
/** … and the next one starts with its level (市, 县, 区, 省) or 各. */
const unitStarts = new Set([...'市县区省各']);
/** No unit name is shorter, so 县市场监管局 is not cut after 县. */
const SHORTEST_UNIT = 3;

/**
 * The units of a 牵头单位 or 配合单位 cell: split on 、，, ；; and paragraph
 * breaks; a 各… group whose own items hold 各 (各县（区）、市各功能区) stays one
 * entry; names run together with nothing between them are cut where one
 * ends in an office word and the next starts with 市/县/区/省/各.
 */
function splitUnits(cell: Cell, report: Report): string[] {
  const units: string[] = [];
  for (const part of cell.parts) {
    for (const segment of cleanCellText(part.text).split(/[，,；;]/)) {
      const items = segment.split('、').map((s) => s.trim()).filter((s) => s !== '');
      for (let i = 0; i < items.length; i++) {
        let item = items[i] as string;
        if (item.startsWith('各')) {
          // 各 distributes over the list that follows: 各县（区）、市各功能区 is one group of units, not two.
          while (i + 1 < items.length && (items[i + 1] as string).includes('各')) item += `、${items[++i] as string}`;
          units.push(item);
          continue;
        }
        const pieces = unglue(item);
        if (pieces.length > 1) report.note('UNITS_SPLIT', part.line, `连写的单位已拆开：${pieces.join('、')} / units written together were split: ${pieces.join(', ')}`, item);
        units.push(...pieces);
      }
    }
  }
  return units;
}

function unglue(name: string): string[] {
  const chars = [...name];
  const pieces: string[] = [];
  let start = 0;
  for (let i = start + SHORTEST_UNIT; i <= chars.length - SHORTEST_UNIT; i++) {
    if (i - start >= SHORTEST_UNIT && unitEnds.has(chars[i - 1] as string) && unitStarts.has(chars[i] as string)) {
      pieces.push(chars.slice(start, i).join(''));
      start = i;
    }
  }
  pieces.push(chars.slice(start).join(''));
  return pieces;
}

/** Characters around which a space means nothing in Chinese text: CJK, full-width forms and CJK punctuation, curly quotes, —, …. */
const wide = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2018-\\u201f\\u2014\\u2026';
const spaceBesideWide = new RegExp(`(?<=[${wide}]) +| +(?=[${wide}])`, 'gu');

/** A cell's text with full-width and stray spaces gone: trimmed, none beside Chinese, one between Latin words. */
function cleanCellText(text: string): string {
  return text.replace(/[\u200b-\u200d]/g, '').replace(/\s+/g, ' ').trim().replace(spaceBesideWide, '');
}

/** `cleanCellText`, noting spaces removed from inside the text (trimming its ends is not worth a note). */
function cleanWithNote(text: string, line: number, report: Report): string {
  const cleaned = cleanCellText(text);
  if (cleaned !== text.replace(/\s+/g, ' ').trim()) report.note('SPACES_REMOVED', line, '删除了中文之间多余的空格 / removed stray spaces inside Chinese text', text.trim());
  return cleaned;
}

function cellText(cell: Cell): string {
  return cell.parts.map((p) => cleanCellText(p.text)).filter((p) => p !== '').join('');
}

function taskNumber(cell: Cell): number | undefined {
  const m = taskNumberPattern.exec(cleanCellText(cell.parts[0]?.text ?? ''));
  return m ? Number(m[1]) : undefined;
}

/** A bad row's cell as quoted in its problem, cut short. */
function preview(cell: Cell | undefined): string {
  const text = cell ? cellText(cell) : '';
  return [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
}

/** Lines between blank lines: one table row each. */
function groups(lines: readonly SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const l of lines) {
    if (l.kind === 'blank') {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(l);
  }
  if (current.length > 0) out.push(current);
  return out;
}
