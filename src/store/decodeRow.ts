import type { z } from 'zod';
import type { Row } from './store.js';

/**
 * A stored row checked against the shape its module wrote it in: a row the
 * engine did not write (another version's column, a damaged file) is an
 * error naming the table and column, not a value passed on as a guess.
 *
 * @example const r = decodeRow(regionRow, row, 'regions');
 */
export function decodeRow<S extends z.ZodType>(schema: S, row: Row, table: string): z.output<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${table}.${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unreadable row'}`);
}
