import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem, problems } from '../diagnostics/problems.js';
import type { Region } from '../model/region.js';
import type { RawTable } from '../read/rawTable.js';
import { cellText } from '../read/rawTable.js';
import { matchColumns } from './columns.js';
import { didYouMean } from './suggestCode.js';
import { parseBoolean } from './values.js';

/** CONTRACT.md: letters, digits, `-` and `_`, because codes name the files of the report (`../../x` must never be a path). */
const REGION_CODE = /^[A-Za-z0-9_-]+$/;

const columns = [
  { name: 'code', chinese: '地区代码', required: true },
  { name: 'name', chinese: '地区名称', required: true },
  { name: 'parent', chinese: '上级代码', required: true },
  { name: 'level', chinese: '层级', required: false },
  { name: 'rollup', chinese: '计入上级', required: false },
] as const;

/**
 * Checks regions.csv: unique codes of letters, digits, `-` and `_`, names present, every parent a region,
 * exactly one root, no cycles, rollup a yes/no value.
 */
export function checkRegions(table: RawTable): { regions: Region[]; diagnostics: Diagnostic[] } {
  const { index, diagnostics: headerProblems } = matchColumns(table, columns);
  const diagnostics: Diagnostic[] = [...headerProblems];
  if (headerProblems.some((d) => d.severity === 'error')) return { regions: [], diagnostics };
  if (table.rows.length === 0) return { regions: [], diagnostics: [...diagnostics, problem('FILE_EMPTY', { file: table.file })] };

  const at = (row: number, column: string) => ({ file: table.file, row, column });
  const regions: Region[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const get = (name: (typeof columns)[number]['name']): string => {
      const i = index[name];
      return i === undefined ? '' : cellText(cells[i]);
    };
    const code = get('code');
    const name = get('name');
    const rollupCell = index.rollup === undefined ? null : (cells[index.rollup] ?? null);
    const rollup = parseBoolean(rollupCell, true);
    let ok = true;
    if (code === '') {
      diagnostics.push(problem('REQUIRED_VALUE', { ...at(row, 'code'), value: '' }));
      ok = false;
    } else if (!REGION_CODE.test(code)) {
      // Not fatal to the region's other checks: it stays known, so other files' rows are not each an unknown region too.
      diagnostics.push(problem('BAD_REGION_CODE', { ...at(row, 'code'), value: code }));
    }
    if (ok && rowOf.has(code)) {
      diagnostics.push(problem('DUPLICATE_REGION', { ...at(row, 'code'), value: code, detail: `已在第${rowOf.get(code)}行 first at row ${rowOf.get(code)}` }));
      ok = false;
    }
    // A row with a usable code stays a known region despite its other problems, so that
    // the other files' rows for it are not each reported as an unknown region as well.
    if (name === '') diagnostics.push(problem('REQUIRED_VALUE', { ...at(row, 'name'), value: '' }));
    if (rollup === undefined) diagnostics.push(problem('BAD_BOOLEAN', { ...at(row, 'rollup'), value: cellText(rollupCell) }));
    if (!ok) continue;
    rowOf.set(code, row);
    const parent = get('parent');
    regions.push({ code, name, parent: parent === '' ? null : parent, level: get('level'), rollup: rollup ?? true, order: regions.length });
  }

  const codes = new Set(regions.map((r) => r.code));
  const named = regions.map((r) => ({ code: r.code, name: r.name }));
  for (const r of regions) {
    if (r.parent !== null && !codes.has(r.parent)) {
      const expected = didYouMean(r.parent, named, problems.UNKNOWN_PARENT.expected);
      diagnostics.push(problem('UNKNOWN_PARENT', { ...at(rowOf.get(r.code) ?? 0, 'parent'), value: r.parent, expected }));
    }
  }
  const roots = regions.filter((r) => r.parent === null);
  if (roots.length === 0 && regions.length > 0) diagnostics.push(problem('NO_ROOT', { file: table.file, column: 'parent' }));
  if (roots.length > 1) {
    for (const r of roots) diagnostics.push(problem('MANY_ROOTS', { ...at(rowOf.get(r.code) ?? 0, 'parent'), value: r.code }));
  }
  diagnostics.push(...findCycles(regions).map((code) => problem('REGION_CYCLE', { ...at(rowOf.get(code) ?? 0, 'parent'), value: code })));
  return { regions, diagnostics };
}

/** Codes of regions that sit on a cycle of parent links. */
function findCycles(regions: readonly Region[]): string[] {
  const parentOf = new Map(regions.map((r) => [r.code, r.parent]));
  const onCycle = new Set<string>();
  for (const start of regions) {
    const seen: string[] = [];
    let current: string | null | undefined = start.code;
    while (current !== null && current !== undefined && !seen.includes(current)) {
      seen.push(current);
      current = parentOf.get(current);
    }
    if (current !== null && current !== undefined && current === start.code) onCycle.add(start.code);
  }
  return [...onCycle];
}
