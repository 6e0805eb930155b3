import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parsePlan.js';
import { lineOf, variantLines } from './variantPlan.js';

/** A table row Word kept after its text was deleted: nine empty cells, and the blank line that ends it. */
const emptiedRow = [...Array.from({ length: 9 }, () => '\t'), ''];

/** The variant with an emptied row inserted `back` lines before the first line starting with each `at`. */
function withEmptiedRows(...before: [at: string, back: number][]): string[] {
  return before.reduce<string[]>((doc, [at, back]) => {
    const i = doc.findIndex((l) => l.startsWith(at)) - back;
    if (i < 0) throw new Error(`no line starts with ${at}`);
    return [...doc.slice(0, i), ...emptiedRow, ...doc.slice(i)];
  }, variantLines);
}

describe('a plan document exported with emptied table rows', () => {
  // Right after the header; between task 3 and task 4, whose blank 事项 and 重点工作 cells take task 3's; before the last row.
  const doc = withEmptiedRows(['\t主要目标', 0], ['\t4.', 2], ['\t开放合作工程', 0]);
  const withRows = parsePlan(doc.join('\n'), 'emptied.txt');
  const without = parsePlan(variantLines.join('\n'), 'clean.txt');

  it('skips them and reads the same tasks as the document without them, apart from the lines', () => {
    expect(withRows.problems).toEqual([]);
    const strip = (tasks: readonly { line: number }[]): object[] => tasks.map(({ line: _line, ...rest }) => rest);
    expect(strip(withRows.plan?.tasks ?? [])).toEqual(strip(without.plan?.tasks ?? []));
    expect(withRows.plan?.tasks).toHaveLength(6);
    expect(withRows.plan?.tasks.map((t) => t.line)).toEqual(withRows.plan?.tasks.map((t) => lineOf(doc, `\t${t.number}.`)));
  });

  it('notes each skipped row with its first and last line', () => {
    const skipped = withRows.notes.filter((n) => n.code === 'EMPTY_ROW_SKIPPED');
    const starts = [lineOf(doc, '\t主要目标') - 10, lineOf(doc, '\t4.') - 12, lineOf(doc, '\t开放合作工程') - 10];
    expect(skipped.map((n) => n.line)).toEqual(starts);
    for (const [i, n] of skipped.entries()) expect(n.message).toContain(`第${starts[i] as number}–${(starts[i] as number) + 8}行`);
    expect(withRows.notes.filter((n) => n.code !== 'EMPTY_ROW_SKIPPED').map((n) => n.code)).toEqual(without.notes.map((n) => n.code));
  });

  it('skips a row of cells holding only spaces too, full-width ones included', () => {
    const spaces = variantLines.flatMap((l) => (l.startsWith('\t人才引育工程') ? ['\t ', '\t\u3000', '\t', '', l] : [l]));
    const { plan, problems, notes } = parsePlan(spaces.join('\n'), 'spaces.txt');
    expect(problems).toEqual([]);
    expect(plan?.tasks).toHaveLength(6);
    expect(notes.map((n) => n.code)).toContain('EMPTY_ROW_SKIPPED');
  });
});
