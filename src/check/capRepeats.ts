import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** More problems of one code in one file than this are said once, with a count. */
export const REPEAT_LIMIT = 10;
/** How many of the values and rows the one diagnostic names. */
const SHOWN = 5;

const list = (items: readonly string[], total: number): string => `${items.slice(0, SHOWN).join('、')}${total > SHOWN ? '…' : ''}`;

/**
 * Caps repeated problems, in one place for every file and code: when a file
 * has more than {@link REPEAT_LIMIT} problems of one code (10,000 unknown
 * columns, a column of `#N/A`), they become one diagnostic — the first, where
 * it was — saying how many there are and naming the first few values and
 * rows. Fewer are kept as they are. Order is kept.
 *
 * @example capRepeats(diagnostics) // 10,000 × UNKNOWN_VARIABLE_COLUMN → one, "共 10000 处 / 10000 in this file: c1、c2、…"
 */
export function capRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  const keyOf = (d: Diagnostic): string => `${d.file ?? ''}\u0000${d.code}`;
  for (const d of diagnostics) {
    const group = groups.get(keyOf(d));
    if (group) group.push(d);
    else groups.set(keyOf(d), [d]);
  }
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const d of diagnostics) {
    const key = keyOf(d);
    const group = groups.get(key) ?? [d];
    if (group.length <= REPEAT_LIMIT) {
      out.push(d);
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    out.push(summarizeRepeats(group, group.length));
  }
  return out;
}

/**
 * One diagnostic for `total` problems of one code in one file, of which `shown` are the first: the first one, with
 * the count and the first few values and rows. {@link capRepeats} makes it; so do the SQL checks of firm-level
 * files, which fetch only the first few of a code's rows and count the rest.
 */
export function summarizeRepeats(shown: readonly Diagnostic[], total: number): Diagnostic {
  const [d] = shown;
  if (d === undefined) throw new Error('summarizeRepeats needs at least one diagnostic');
  const values = [...new Set(shown.flatMap((g) => (g.value === undefined || g.value === '' ? [] : [g.value])))];
  const rows = [...new Set(shown.flatMap((g) => (g.row === undefined ? [] : [String(g.row)])))];
  const columns = [...new Set(shown.flatMap((g) => (g.column === undefined ? [] : [g.column])))];
  const named = values.length > 0 ? values : columns;
  const parts = [
    `同类问题共 ${total} 处 / ${total} like this in the file`,
    named.length > 0 ? `如 e.g. ${list(named, total > shown.length ? Infinity : named.length)}` : undefined,
    rows.length > 1 ? `第 rows ${list(rows, total > shown.length ? Infinity : rows.length)}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return { ...d, message: `${d.message}（${parts.join('；')}）` };
}
