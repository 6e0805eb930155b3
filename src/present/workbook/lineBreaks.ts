import { charsOf, textWidth, widestLine } from './textWidth.js';

// A line may not end on an opening bracket nor start with closing punctuation
// (what Chinese typesetting calls 避头尾).
const opening = /[（(《〈「『【〔［[“‘]$/u;
const closing = /^[）)》〉」』】〕］\]”’、，。：；！？,.:;!?%％]/u;
const closers: Readonly<Record<string, string>> = { '（': '）', '(': ')', '《': '》', '【': '】', '［': '］', '[': ']' };

const words = new Intl.Segmenter('zh', { granularity: 'word' });
const narrow = (char: string | undefined): boolean => char !== undefined && /^[\x21-\x7e]$/u.test(char);

interface Break {
  readonly at: number;
  /** Inside a bracketed part: `目标（至|本期）` splits what belongs together. */
  readonly bracketed: boolean;
  /** Just before an opening bracket: `目标|（至本期）`, the best place there is. */
  readonly beforeBracket: boolean;
}

/** Where a text may break: between words, never leaving one character alone on a line. */
function breaksOf(text: string): Break[] {
  const found: Break[] = [];
  const open: string[] = [];
  for (const { segment, index } of words.segment(text)) {
    if (index > 0) {
      const before = text.slice(0, index);
      const after = text.slice(index);
      const allowed =
        !opening.test(before) &&
        !closing.test(after) &&
        // Inside a Latin word or a number (`R&D`, `2.5`).
        !(narrow(before.at(-1)) && narrow(after[0])) &&
        charsOf(before.trim()).length >= 2 &&
        charsOf(after.trim()).length >= 2;
      if (allowed) found.push({ at: index, bracketed: open.length > 0, beforeBracket: closers[after[0] ?? ''] !== undefined });
    }
    for (const char of segment) {
      const closer = closers[char];
      if (closer !== undefined) open.push(closer);
      else if (char === open.at(-1)) open.pop();
    }
  }
  return found;
}

/**
 * Where to break a text that is too long for one line of `width` units into
 * two: between words and outside brackets; before a bracketed part when both
 * lines then fit (`目标` / `（至本期）`), otherwise where the longer line is
 * shortest (`任务` / `序号`). `undefined` when there is no good break.
 *
 * @example
 * breakInTwo('目标（至本期）', 10); // ['目标', '（至本期）']
 * breakInTwo('任务序号', 4); // ['任务', '序号']
 */
export function breakInTwo(text: string, width: number, fontSize?: number): [string, string] | undefined {
  const breaks = breaksOf(text);
  const outside = breaks.filter((b) => !b.bracketed);
  const candidates = (outside.length > 0 ? outside : breaks).map((b) => {
    const lines: [string, string] = [text.slice(0, b.at).trimEnd(), text.slice(b.at).trimStart()];
    return { lines, beforeBracket: b.beforeBracket, longest: Math.max(...lines.map((line) => textWidth(line, fontSize))) };
  });
  const fitting = candidates.filter((c) => c.beforeBracket && c.longest <= width);
  let best: (typeof candidates)[number] | undefined;
  for (const c of fitting.length > 0 ? fitting : candidates) if (best === undefined || c.longest < best.longest) best = c;
  return best?.lines;
}

/** How a header cell is set: its text with the line break written in, and the column width it needs. */
export interface HeaderLayout {
  readonly text: string;
  readonly width: number;
}

/** Room beside a header's longest line, so that the bold face still fits. */
export const headerPadding = 2;

/**
 * How to set a table header over a column `width` units wide: on one line
 * when it fits; otherwise on two, broken where `breakInTwo` says, so that no
 * renderer is left to strand a bracket or a single character on a line of its
 * own. The column widens to the longer line when even that does not fit; a
 * header with no good break stays on one line, and its column widens to it.
 *
 * @example
 * headerLayout('目标（至本期）', 10); // { text: '目标\n（至本期）', width: 12 }
 * headerLayout('单位', 10); // { text: '单位', width: 10 }
 */
export function headerLayout(header: string, width: number): HeaderLayout {
  const oneLine = widestLine(header) + headerPadding;
  if (oneLine <= width || header.includes('\n')) return { text: header, width: Math.max(width, oneLine) };
  const lines = breakInTwo(header, width - headerPadding);
  if (lines === undefined) return { text: header, width: oneLine };
  return { text: lines.join('\n'), width: Math.max(width, ...lines.map((line) => textWidth(line) + headerPadding)) };
}
