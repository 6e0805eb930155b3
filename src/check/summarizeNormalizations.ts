import { relative } from 'node:path';
import type { Normalization, NormalizationRule } from './normalization.js';
import { normalizationDescriptions, normalizationRules } from './normalization.js';

/** How many row numbers a summary line names before "…". */
const ROWS_SHOWN = 3;

const rowsHint = (rows: readonly number[]): string => {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, ROWS_SHOWN).join('、');
  return `（第${shown}行${rows.length > ROWS_SHOWN ? '…' : ''} row ${rows.slice(0, ROWS_SHOWN).join(', ')}${rows.length > ROWS_SHOWN ? ', …' : ''}）`;
};

const encodingLine = (from: string): string => `按 ${from.toUpperCase()} 解码 decoded as ${from.toUpperCase()}`;

/**
 * One line per file saying what was normalized on the way in, rules in a
 * fixed order, e.g.
 * `observations/x.csv: 按 GB18030 解码 decoded as GB18030; 12 处数值去掉千位分隔符 / thousands separators removed（第3、4、7行… row 3, 4, 7, …）`.
 * Pure: the CLI prints the lines, the library never does.
 *
 * @example summarizeNormalizations(folder.normalizations, { relativeTo: folder.folder })
 */
export function summarizeNormalizations(list: readonly Normalization[], options: { relativeTo?: string } = {}): string[] {
  const byFile = new Map<string, Normalization[]>();
  for (const n of list) byFile.set(n.file, [...(byFile.get(n.file) ?? []), n]);
  return [...byFile].map(([file, entries]) => {
    const name = options.relativeTo === undefined ? file : relative(options.relativeTo, file);
    const parts = normalizationRules.flatMap((rule: NormalizationRule) => {
      const of = entries.filter((n) => n.rule === rule);
      if (of.length === 0) return [];
      if (rule === 'encoding') return [...new Set(of.map((n) => n.from))].map(encodingLine);
      const rows = [...new Set(of.flatMap((n) => (n.row === undefined ? [] : [n.row])))].sort((a, b) => a - b);
      return [`${of.length} 处${normalizationDescriptions[rule]}${rowsHint(rows)}`];
    });
    return `${name}: ${parts.join('; ')}`;
  });
}
