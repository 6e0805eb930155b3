import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { RawTable } from '../read/rawTable.js';
import { unnamedColumn } from './columnLetter.js';

/** A column of the data contract: its English code and the Chinese header accepted as well. */
export interface ColumnSpec {
  readonly name: string;
  readonly chinese: string;
  readonly required: boolean;
}

export interface ColumnMatch<Name extends string> {
  /** Position of each contract column in the file, if present. */
  readonly index: Partial<Record<Name, number>>;
  /** Positions of the columns the contract does not name, with their header text (already warned about unless the caller claims them). */
  readonly others: readonly { readonly index: number; readonly header: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Header text as compared: no BOM, no surrounding spaces, English case-insensitive. */
export const normalizeHeader = (header: string): string => header.replace(/^\uFEFF/, '').trim().toLowerCase();

/**
 * Matches a file's header row against the contract's columns. A required
 * column that is absent, and a column given twice, are errors.
 */
export function matchColumns<Name extends string>(
  table: RawTable,
  specs: readonly (ColumnSpec & { name: Name })[],
  { warnUnknown = true }: { warnUnknown?: boolean } = {},
): ColumnMatch<Name> {
  const index: Partial<Record<Name, number>> = {};
  const others: { index: number; header: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  table.headers.forEach((raw, i) => {
    const header = normalizeHeader(raw);
    const spec = specs.find((s) => s.name.toLowerCase() === header || normalizeHeader(s.chinese) === header);
    if (!spec) {
      others.push({ index: i, header: raw.trim() });
      return;
    }
    if (index[spec.name] !== undefined) {
      diagnostics.push(problem('DUPLICATE_COLUMN', { file: table.file, row: 1, column: raw, value: raw }));
      return;
    }
    index[spec.name] = i;
  });
  for (const spec of specs) {
    if (spec.required && index[spec.name] === undefined) {
      diagnostics.push(
        problem('MISSING_COLUMN', { file: table.file, row: 1, column: spec.name, expected: `列 "${spec.name}"（或中文表头 "${spec.chinese}"）` }),
      );
    }
  }
  // An unnamed column is located by its letter: an empty column name would say nothing.
  if (warnUnknown) diagnostics.push(...others.map((o) => problem('UNKNOWN_COLUMN', { file: table.file, row: 1, column: o.header === '' ? unnamedColumn(o.index) : o.header, value: o.header })));
  return { index, others, diagnostics };
}
