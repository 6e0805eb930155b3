/**
 * The one place SQL text is made. {@link Sql} is text the engine wrote: the
 * `sql` tag accepts only `Sql` between its pieces, so a value can reach SQL
 * text only through {@link ident}, {@link literal} or {@link numberLiteral}
 * — and data values do not go through those either: they are bound as
 * `$name` parameters. The helpers are for identifiers built from catalog
 * codes and the few constants compiled into SQL (catalog codes, a formula's
 * numbers). tests/architecture/sqlText.test.ts checks that every SQL
 * template in src/ is tagged.
 *
 * @example sql`SELECT ${ident('gdp')} FROM wide WHERE region = $region` // SELECT "gdp" FROM wide WHERE region = $region
 */

declare const written: unique symbol;
/** SQL text made by the engine's own code, never from a value. */
export type Sql = string & { readonly [written]: true };

/** A SQL template: its pieces as written, its substitutions SQL already. */
export function sql(pieces: TemplateStringsArray, ...parts: readonly Sql[]): Sql {
  let text = pieces[0] ?? '';
  parts.forEach((part, i) => (text += part + (pieces[i + 1] ?? '')));
  return text as Sql;
}

/** SQL fragments joined by `separator` (itself SQL punctuation: `, `, ` AND `, a line break). */
export const joinSql = (parts: readonly Sql[], separator: ', ' | ' AND ' | ' OR ' | ' ' | ',\n' | '\n' | '\nUNION ALL\n' = ', '): Sql => parts.join(separator) as Sql;

/** Quotes an identifier: `gdp` → `"gdp"`, doubling any embedded quote. */
export function ident(name: string): Sql {
  if (name.includes('\0')) throw new Error('identifier contains a NUL character');
  // DuckDB rejects `""` with a parser error far from the cause.
  if (name === '') throw new Error('empty identifier');
  return `"${name.replaceAll('"', '""')}"` as Sql;
}

/** Quotes a string literal: `it's` → `'it''s'`. */
export function literal(value: string): Sql {
  if (value.includes('\0')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll("'", "''")}'` as Sql;
}

/** A finite number as a SQL DOUBLE literal. */
export function numberLiteral(value: number): Sql {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `CAST(${literal(String(value))} AS DOUBLE)` as Sql;
}

/** A whole number as a SQL integer literal (a constant of the code: a lag in quarters). */
export function integerLiteral(value: number): Sql {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
  return String(value) as Sql;
}
