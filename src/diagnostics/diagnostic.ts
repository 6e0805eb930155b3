import type { ProblemCode } from './problems.js';

/** Where a problem was found. Row numbers are those a spreadsheet user sees: the header is row 1. */
export interface Location {
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
}

/** One located, user-facing problem. Tests assert `code`, never the wording. */
export interface Diagnostic extends Location {
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  /** The offending value, quoted as it was read. */
  readonly value?: string;
  /** What was expected instead, in plain words. */
  readonly expected?: string;
  /** The message in Chinese, then English. */
  readonly message: string;
}

export const isError = (d: Diagnostic): boolean => d.severity === 'error';

/**
 * Thrown when input is rejected; carries every problem found, not just the first.
 *
 * @example
 * try {
 *   await compute({ data: 'tests/fixtures/bad/unknown-region-code' });
 * } catch (e) {
 *   if (e instanceof KpiInputError) e.diagnostics.map((d) => d.code); // ['UNKNOWN_REGION']
 * }
 */
export class KpiInputError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter(isError);
    super(`输入被拒绝：${errors.length} 个问题 / input rejected: ${errors.length} problem(s)`);
    this.name = 'KpiInputError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Formats a diagnostic as one line: `file:row [column] CODE message (值 "v"；应为 …)`.
 *
 * @example
 * if (e instanceof KpiInputError) e.diagnostics.map(formatDiagnostic).join('\n');
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.row === undefined ? undefined : `第${d.row}行 row ${d.row}`, d.column && `列 column "${d.column}"`]
    .filter(Boolean)
    .join(' ');
  const detail = [
    d.value === undefined ? undefined : `值 value "${d.value}"`,
    d.expected === undefined ? undefined : `应为 expected: ${d.expected}`,
  ]
    .filter(Boolean)
    .join('；');
  return `${d.severity === 'error' ? '错误' : '警告'} ${d.code}${where ? ` ${where}` : ''}: ${d.message}${detail ? `（${detail}）` : ''}`;
}
