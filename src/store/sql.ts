/**
 * The one place SQL text is quoted. Data values never go through here: they
 * are bound as parameters. These helpers are for identifiers (column names
 * built from catalog codes) and for the few literals DuckDB cannot take as a
 * parameter (a COPY target path, catalog constants compiled into a formula).
 */

/** Quotes an identifier: `gdp` → `"gdp"`, doubling any embedded quote. */
export function ident(name: string): string {
  if (name.includes('\0')) throw new Error('identifier contains a NUL character');
  // DuckDB rejects `""` with a parser error far from the cause.
  if (name === '') throw new Error('empty identifier');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal: `it's` → `'it''s'`. */
export function literal(value: string): string {
  if (value.includes('\0')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A finite number as a SQL DOUBLE literal. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `CAST(${literal(String(value))} AS DOUBLE)`;
}
