import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { ident, integerLiteral, joinSql, literal, numberLiteral, sql } from '../../src/model/sql.js';

/** What DuckDB makes of a quoted piece of SQL: the text must come back exactly as it went in. */
async function roundTrip(sql: string): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows()[0]?.[0];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('quoting SQL text', () => {
  it('an identifier with quotes, spaces, SQL and CJK stays one identifier', async () => {
    for (const name of ['gdp', 'a"b', 'x"; DROP TABLE t; --', '研发 经费']) {
      expect(await roundTrip(`SELECT ${ident(name)} FROM (SELECT 1 AS ${ident(name)})`)).toBe(1);
    }
    expect(ident('a"b')).toBe('"a""b"');
  });

  it('a string literal with quotes and SQL comes back as it was', async () => {
    for (const text of ["it's", "'); DELETE FROM x; --", '\\n', '全角＇引号', '']) expect(await roundTrip(`SELECT ${literal(text)}`)).toBe(text);
  });

  it('a number literal is exactly the number, and a non-finite one is refused', async () => {
    for (const n of [0, -1.5, 2.150403265697163, 1e-300, 1.7e308]) expect(await roundTrip(`SELECT ${numberLiteral(n)}`)).toBe(n);
    expect(() => numberLiteral(Infinity)).toThrow(/finite/);
    expect(() => numberLiteral(Number.NaN)).toThrow(/finite/);
  });

  it('an empty identifier and a NUL character are refused rather than passed on', () => {
    expect(() => ident('')).toThrow(/empty/);
    expect(() => ident('a\0b')).toThrow(/NUL/);
    expect(() => literal('a\0b')).toThrow(/NUL/);
  });
});

describe('the sql tag', () => {
  it('joins its pieces with the SQL between them, as a template would', () => {
    const column = ident('gdp');
    expect(sql`SELECT ${column} FROM wide WHERE region = $region`).toBe('SELECT "gdp" FROM wide WHERE region = $region');
    expect(sql`a${sql`b`}c${sql``}d`).toBe('abcd');
    expect(joinSql([sql`x`, sql`y`], ' AND ')).toBe('x AND y');
    expect(integerLiteral(4)).toBe('4');
    expect(() => integerLiteral(4.5)).toThrow(/whole number/);
  });

  it('takes no value that is not SQL already: typecheck fails on one (npm test runs it)', () => {
    const region: string = "321300' OR '1'='1";
    // @ts-expect-error a value is not SQL: it is bound as a $parameter, or quoted by literal()
    const pasted = sql`SELECT * FROM w_regions WHERE code = ${region}`;
    // @ts-expect-error numbers neither
    const number = sql`SELECT ${4}`;
    expect(sql`SELECT * FROM w_regions WHERE code = ${literal(region)}`).toBe("SELECT * FROM w_regions WHERE code = '321300'' OR ''1''=''1'");
    expect([pasted, number]).toHaveLength(2);
  });
});
