import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { countedFlag } from '../../catalog/variable.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ProblemCode } from '../../diagnostics/problems.js';
import { problem, problems } from '../../diagnostics/problems.js';
import type { Sql } from '../../model/sql.js';
import { ident, integerLiteral, joinSql, literal, sql } from '../../model/sql.js';
import type { RawTable } from '../../read/rawTable.js';
import { STAGED } from '../../read/stageTable.js';
import { REPEAT_LIMIT, summarizeRepeats } from '../capRepeats.js';
import { unnamedColumn } from '../columnLetter.js';
import type { ColumnSpec } from '../columns.js';
import { matchColumns, normalizeHeader } from '../columns.js';
import type { CheckContext } from '../context.js';
import type { Normalization } from '../normalization.js';
import type { Layout } from '../observationCandidates.js';
import { isAfter, periodForReading, readPeriodLabel } from '../periodLabel.js';
import { readQuantity } from '../readQuantity.js';
import { didYouMean } from '../suggestCode.js';
import { ENTITY_CODE_PATTERN, isEntityHeader } from './entityColumns.js';

/**
 * A firm-level file's checked rows, handed to the store as a Parquet file
 * that DuckDB wrote (`region, period, year, quarter, variable, entity,
 * value, row, column`; `variable` is a variable or a flag), so no row passes
 * through JavaScript. The file lives in its own temp folder until the store
 * has taken it or the run ends: {@link discardEntityRows}.
 */
export interface EntityRows {
  readonly count: number;
  /** Of the rows as read (not the bytes): a file with the same name and rows is stored once. */
  readonly contentSha256: string;
  /** The Parquet file of the rows; null when there are none. */
  readonly parquet: string | null;
}

/** Removes the temp folder of checked rows (the store has taken them, or the run will not). */
export async function discardEntityRows(rows: EntityRows | undefined): Promise<void> {
  if (rows?.parquet) await rm(dirname(rows.parquet), { recursive: true, force: true });
}

export interface CheckedEntityFile {
  readonly layout: Layout;
  readonly rows: EntityRows;
  readonly diagnostics: Diagnostic[];
  readonly normalizations: Normalization[];
}

const emptyRows: EntityRows = { count: 0, contentSha256: '', parquet: null };

const keyColumns = [
  { name: 'region', chinese: '地区代码', required: true },
  { name: 'period', chinese: '期别', required: true },
  { name: 'entity', chinese: '企业代码', required: true },
] as const satisfies readonly ColumnSpec[];
const optional = [
  { name: 'source', chinese: '来源', required: false },
  { name: 'note', chinese: '备注', required: false },
] as const;
const longColumns = [...keyColumns, { name: 'variable', chinese: '指标代码', required: true }, { name: 'value', chinese: '数值', required: true }, ...optional] as const;
const wideColumns = [...keyColumns, ...optional] as const;

/** The plain number the SQL check accepts as it is; anything else is judged by {@link readQuantity}, once per distinct text. */
const PLAIN_NUMBER = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?';

const cell = (i: number | undefined): Sql => (i === undefined ? sql`NULL` : sql`coalesce(trim(${ident(`c${i}`)}), '')`);
const rawCell = (i: number): Sql => sql`coalesce(${ident(`c${i}`)}, '')`;

/** A DuckDB value as text (VARCHAR cells are strings; counts come as bigint). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : v === null || v === undefined ? '' : JSON.stringify(v));

/** The number of rows of `from` (a table, or a table with its WHERE). */
async function countOf(c: DuckDBConnection, from: Sql): Promise<number> {
  return Number((await c.runAndReadAll(sql`SELECT count(*) AS n FROM ${from}`)).getRowObjectsJS()[0]?.n ?? 0);
}

interface Hit {
  readonly row: number;
  readonly col: string;
  readonly value: string;
  readonly extra: string | null;
}

/**
 * Checks a firm-level file staged by src/read/stageTable.ts, in SQL: the same
 * codes, located the same way (file, row, column, value, expected) and capped
 * the same way as the small-file check (src/check/checkObservations.ts). Only
 * the distinct period labels and the distinct values that are not plain
 * numbers are judged in JavaScript, by the small files' own rules. A firm's
 * key is its period, variable (or flag) and firm code: the same firm twice in
 * one file, in whatever region, is DUPLICATE_KEY.
 */
export async function checkEntityFile(connection: DuckDBConnection, file: string, headers: readonly string[], context: CheckContext): Promise<CheckedEntityFile> {
  const c = connection;
  // 统一社会信用代码 is a second Chinese header of the entity column.
  const named: RawTable = { file, headers: headers.map((h) => (isEntityHeader(h) ? 'entity' : h)), rows: [] };
  const long = named.headers.some((h) => ['variable', normalizeHeader('指标代码')].includes(normalizeHeader(h)));
  const layout: Layout = long ? 'long' : 'wide';
  const diagnostics: Diagnostic[] = [];
  const flags = new Map(
    [...context.variables.values()].flatMap((v) => {
      const flag = countedFlag(v);
      return flag === undefined ? [] : [[flag, v] as const];
    }),
  );

  let cells: Sql;
  let periodCell: Sql = sql`NULL`;
  let wideFrequencies: Sql | undefined;
  const nonEmpty = sql`(${joinSql(headers.map((_, i) => sql`${cell(i)} <> ''`), ' OR ')})`;
  if (long) {
    const { index, diagnostics: headerProblems } = matchColumns(named, longColumns);
    diagnostics.push(...headerProblems);
    if (headerProblems.some((d) => d.severity === 'error')) return { layout, rows: emptyRows, diagnostics, normalizations: [] };
    cells = sql`SELECT "row", ${cell(index.region)} AS region, ${cell(index.period)} AS period, ${cell(index.variable)} AS variable,
      'value' AS col, ${cell(index.entity)} AS entity, ${index.value === undefined ? sql`''` : rawCell(index.value)} AS value FROM ${ident(STAGED)} WHERE ${nonEmpty}`;
  } else {
    const { index, others, diagnostics: headerProblems } = matchColumns(named, wideColumns, { warnUnknown: false });
    diagnostics.push(...headerProblems);
    const columns: { index: number; header: string; code: string }[] = [];
    for (const o of others) {
      if (o.header === '') {
        const used = await c.runAndReadAll(sql`SELECT count(*) FILTER (WHERE ${cell(o.index)} <> '') > 0 AS used FROM ${ident(STAGED)}`);
        if (used.getRowObjectsJS()[0]?.used === true) diagnostics.push(problem('EMPTY_HEADER', { file, row: 1, column: unnamedColumn(o.index), value: '' }));
        continue;
      }
      const code = context.variableCodes.has(o.header) || flags.has(o.header) ? o.header : context.variableByName.get(o.header);
      if (code === undefined) {
        const expected = didYouMean(o.header, [...context.named.variables, ...[...flags.keys()].map((f) => ({ code: f, name: f }))], problems.UNKNOWN_VARIABLE_COLUMN.expected);
        diagnostics.push(problem('UNKNOWN_VARIABLE_COLUMN', { file, row: 1, column: o.header, value: o.header, expected }));
      } else if (context.variables.get(code)?.derived !== undefined) diagnostics.push(problem('DERIVED_VARIABLE_REPORTED', { file, row: 1, column: o.header, value: o.header }));
      else if (columns.some((v) => v.code === code)) diagnostics.push(problem('DUPLICATE_COLUMN', { file, row: 1, column: o.header, value: o.header }));
      else columns.push({ ...o, code });
    }
    if (diagnostics.some((d) => d.severity === 'error') || columns.length === 0) {
      if (columns.length === 0 && !diagnostics.some((d) => d.severity === 'error')) diagnostics.push(problem('MISSING_COLUMN', { file, row: 1, column: 'value', expected: '至少一列数据项或标志 / at least one variable or flag column' }));
      return { layout, rows: emptyRows, diagnostics, normalizations: [] };
    }
    periodCell = cell(index.period);
    wideFrequencies = joinSql(columns.map((v) => literal(v.code)));
    cells = joinSql(
      columns.map(
        (v) => sql`SELECT "row", ${cell(index.region)} AS region, ${cell(index.period)} AS period, ${literal(v.code)} AS variable,
          ${literal(v.header)} AS col, ${cell(index.entity)} AS entity, ${rawCell(v.index)} AS value FROM ${ident(STAGED)} WHERE ${nonEmpty}`,
      ),
      '\nUNION ALL\n',
    );
  }
  // The staged rows have their numbers now: the rest may use every core. `cells` is a view (one row per value
  // cell), read by the few queries below and materialized once, judged, in `judged`.
  await c.run(sql`SET threads = ${integerLiteral(availableParallelism())}`);
  await c.run(sql`CREATE OR REPLACE TEMP VIEW cells AS ${cells}`);
  const total = await countOf(c, sql`${ident(STAGED)} WHERE ${nonEmpty}`);
  if (total === 0) return { layout, rows: emptyRows, diagnostics: [...diagnostics, problem('FILE_EMPTY', { file })], normalizations: [] };

  // What the cells are judged against.
  await c.run('CREATE OR REPLACE TEMP TABLE known_regions (code VARCHAR)');
  const regions = await c.createAppender('known_regions');
  for (const code of context.regionCodes) {
    regions.appendVarchar(code);
    regions.endRow();
  }
  regions.closeSync();
  await c.run('CREATE OR REPLACE TEMP TABLE known_vars (code VARCHAR, frequency VARCHAR, is_flag BOOLEAN, derived BOOLEAN, "integer" BOOLEAN, min DOUBLE)');
  const vars = await c.createAppender('known_vars');
  const addVar = (code: string, frequency: string, isFlag: boolean, derived: boolean, integer: boolean, min: number | undefined) => {
    vars.appendVarchar(code);
    vars.appendVarchar(frequency);
    vars.appendBoolean(isFlag);
    vars.appendBoolean(derived);
    vars.appendBoolean(integer);
    if (min === undefined) vars.appendNull();
    else vars.appendDouble(min);
    vars.endRow();
  };
  for (const v of context.variables.values()) addVar(v.code, v.frequency, false, v.derived !== undefined, v.integer === true, v.min);
  for (const [flag, v] of flags) addVar(flag, v.frequency, true, false, true, 0);
  vars.closeSync();

  // Period labels: each distinct label and frequency once, by the small files' rules.
  const normalizations: Normalization[] = [];
  const periodResults = new Map<string, { code?: ProblemCode; expected?: string | undefined; detail?: string | undefined }>();
  await c.run('CREATE OR REPLACE TEMP TABLE period_map (text VARCHAR, frequency VARCHAR, period VARCHAR, year INTEGER, quarter INTEGER, bad BOOLEAN, "key" VARCHAR)');
  // In the wide layout every row has every column's variable: the labels are the rows' distinct periods times the
  // columns' frequencies, found in the staged rows rather than in every cell.
  const labelled = wideFrequencies === undefined
    ? sql`SELECT c.period AS text, v.frequency, min(c."row") AS first FROM cells c LEFT JOIN known_vars v ON v.code = c.variable GROUP BY ALL`
    : sql`SELECT p.text, f.frequency, p.first FROM (SELECT ${periodCell} AS text, min("row") AS first FROM ${ident(STAGED)} WHERE ${nonEmpty} GROUP BY 1) p
          CROSS JOIN (SELECT DISTINCT frequency FROM known_vars WHERE code IN (${wideFrequencies})) f`;
  const labels = (await c.runAndReadAll(sql`${labelled} ORDER BY first, text, frequency`)).getRowObjectsJS();
  const periods = await c.createAppender('period_map');
  for (const l of labels) {
    const text = asText(l.text);
    const frequency = l.frequency === null ? null : (asText(l.frequency) as 'quarterly' | 'annual');
    const key = `${text}\u0000${frequency ?? ''}`;
    const reading = readPeriodLabel(text);
    let result: { code?: ProblemCode; expected?: string | undefined; detail?: string | undefined } = {};
    if (!reading.ok) result = { code: reading.code ?? 'BAD_PERIOD', expected: reading.expected, detail: reading.detail };
    else if (context.currentQuarter !== undefined && isAfter(reading.period, context.currentQuarter)) {
      result = { code: 'FUTURE_PERIOD', expected: `不晚于本季度 ${context.currentQuarter.period} 的期别；检查年份是否写错 / ${context.currentQuarter.period} (this quarter) or earlier: check the year` };
    } else if (frequency !== null) {
      const checked = periodForReading(reading, frequency);
      if (!checked.ok) result = { code: checked.code, expected: checked.expected };
    }
    periodResults.set(key, result);
    periods.appendVarchar(text);
    if (frequency === null) periods.appendNull();
    else periods.appendVarchar(frequency);
    if (reading.ok && result.code === undefined) {
      periods.appendVarchar(reading.period.period);
      periods.appendInteger(reading.period.year);
      periods.appendInteger(reading.period.quarter);
      if (!reading.canonical) normalizations.push({ file, row: Number(l.first), column: 'period', rule: 'period_label', from: text, to: reading.period.period });
    } else {
      periods.appendNull();
      periods.appendNull();
      periods.appendNull();
    }
    periods.appendBoolean(result.code !== undefined);
    periods.appendVarchar(key);
    periods.endRow();
  }
  periods.closeSync();

  // Values that are not plain numbers: each distinct text once, by readQuantity (full-width digits, 1,234, 12家 …).
  await c.run('CREATE OR REPLACE TEMP TABLE value_map (text VARCHAR, variable VARCHAR, num DOUBLE, code VARCHAR)');
  const odd = (
    await c.runAndReadAll(
      `SELECT c.value AS text, c.variable, min(c."row") AS first, any_value(c.col) AS col FROM cells c JOIN known_vars v ON v.code = c.variable
       WHERE NOT v.is_flag AND trim(c.value) <> '' AND NOT regexp_full_match(trim(c.value), $plain) GROUP BY ALL ORDER BY first, text, variable`,
      { plain: PLAIN_NUMBER },
    )
  ).getRowObjectsJS();
  const values = await c.createAppender('value_map');
  for (const o of odd) {
    const variable = context.variables.get(asText(o.variable));
    const q = readQuantity(asText(o.text), { unit: variable?.unit, integer: variable?.integer, min: variable?.min });
    values.appendVarchar(asText(o.text));
    values.appendVarchar(asText(o.variable));
    if (q.ok) values.appendDouble(q.value);
    else values.appendNull();
    if (q.ok) values.appendNull();
    else values.appendVarchar(q.code);
    values.endRow();
    if (q.ok) for (const rule of q.applied) normalizations.push({ file, row: Number(o.first), column: asText(o.col), rule, from: asText(o.text), to: String(q.value) });
  }
  values.closeSync();

  // Every value cell, judged: what it is (known, flag, derived), where (region, period), its number and, for a
  // number that cannot stand, the problem code. One table: as a view, each of the passes below would judge every
  // cell again (at 10^7 rows, 30 s a pass against 24 s for the table). A clean file, the usual case, is told by one
  // count of the problems, and only a file with some is searched for the located reports.
  const judgedSelect = sql`SELECT j.*, CASE WHEN j.trimmed = '' OR NOT j.known OR j.derived THEN NULL
                      WHEN j.is_flag THEN CASE WHEN j.num IN (0, 1) THEN NULL ELSE 'BAD_FLAG' END
                      WHEN NOT j.plain THEN j.odd_code
                      WHEN j.num IS NULL OR NOT isfinite(j.num) THEN 'NOT_A_NUMBER'
                      WHEN j.min IS NOT NULL AND j.num < j.min THEN 'VALUE_BELOW_MIN'
                      WHEN j."integer" AND j.num <> floor(j.num) THEN 'NOT_AN_INTEGER' END AS value_code
     FROM (
       SELECT c.*, v.code IS NOT NULL AS known, coalesce(v.is_flag, false) AS is_flag, coalesce(v.derived, false) AS derived,
              v.min, v."integer", m.code AS odd_code,
              r.code IS NOT NULL AS region_known, p.period AS p_period, p.year, p.quarter, coalesce(p.bad, true) AS period_bad, p."key" AS period_key,
              CASE WHEN c.trimmed = '' OR v.code IS NULL THEN NULL
                   WHEN v.is_flag THEN CASE WHEN lower(c.trimmed) = 'true' THEN 1 WHEN lower(c.trimmed) = 'false' THEN 0 ELSE TRY_CAST(c.trimmed AS DOUBLE) END
                   WHEN c.plain THEN TRY_CAST(c.trimmed AS DOUBLE)
                   ELSE m.num END AS num
       FROM (SELECT *, trim(value) AS trimmed, regexp_full_match(trim(value), ${literal(PLAIN_NUMBER)}) AS plain,
                    entity <> '' AND regexp_full_match(entity, ${literal(ENTITY_CODE_PATTERN)}) AS entity_ok FROM cells) c
       LEFT JOIN known_vars v ON v.code = c.variable
       LEFT JOIN known_regions r ON r.code = c.region
       LEFT JOIN period_map p ON p.text = c.period AND p.frequency IS NOT DISTINCT FROM v.frequency
       LEFT JOIN value_map m ON m.text = c.value AND m.variable = c.variable
     ) j`;
  await c.run(sql`CREATE OR REPLACE TEMP TABLE judged AS ${judgedSelect}`);
  const problemCondition = joinSql(
    [
      sql`region = ''`,
      sql`(region <> '' AND NOT region_known)`,
      sql`entity = ''`,
      sql`(entity <> '' AND NOT entity_ok)`,
      sql`(period_bad AND period_key IS NOT NULL)`,
      sql`value_code IS NOT NULL`,
      ...(long ? [sql`variable = ''`, sql`(variable <> '' AND NOT known)`, sql`derived`] : []),
    ],
    ' OR ',
  );
  const problemCells = await countOf(c, sql`judged WHERE ${problemCondition}`);

  /** The first few hits of one check, with the count of all: capped as capRepeats caps the small files' problems. */
  const report = async (query: Sql, make: (hit: Hit) => Diagnostic): Promise<void> => {
    const rows = (await c.runAndReadAll(sql`SELECT "row", col, value, extra, count(*) OVER () AS total FROM (${query}) ORDER BY "row", col LIMIT ${integerLiteral(REPEAT_LIMIT + 1)}`)).getRowObjectsJS();
    const found = rows.map((r) => make({ row: Number(r.row), col: asText(r.col), value: asText(r.value ?? ''), extra: r.extra === null ? null : asText(r.extra) }));
    const all = Number(rows[0]?.total ?? 0);
    if (all > REPEAT_LIMIT) diagnostics.push(summarizeRepeats(found, all));
    else diagnostics.push(...found);
  };
  const at = (h: Hit, column = h.col) => ({ file, row: h.row, column, value: h.value });
  if (problemCells > 0) {
    await report(sql`SELECT DISTINCT "row", 'region' AS col, region AS value, NULL AS extra FROM judged WHERE region = ''`, (h) => problem('REQUIRED_VALUE', at(h)));
    await report(sql`SELECT DISTINCT "row", 'region' AS col, region AS value, NULL AS extra FROM judged WHERE region <> '' AND NOT region_known`, (h) =>
      problem('UNKNOWN_REGION', { ...at(h), expected: didYouMean(h.value, context.named.regions, problems.UNKNOWN_REGION.expected) }),
    );
    await report(sql`SELECT DISTINCT "row", 'entity' AS col, entity AS value, NULL AS extra FROM judged WHERE entity = ''`, (h) => problem('REQUIRED_VALUE', at(h)));
    await report(sql`SELECT DISTINCT "row", 'entity' AS col, entity AS value, NULL AS extra FROM judged WHERE entity <> '' AND NOT entity_ok`, (h) => problem('BAD_ENTITY_CODE', at(h)));
    if (long) {
      await report(sql`SELECT "row", 'variable' AS col, variable AS value, NULL AS extra FROM judged WHERE variable = ''`, (h) => problem('REQUIRED_VALUE', at(h)));
      await report(sql`SELECT "row", 'variable' AS col, variable AS value, NULL AS extra FROM judged WHERE variable <> '' AND NOT known`, (h) =>
        problem('UNKNOWN_VARIABLE', { ...at(h), expected: didYouMean(h.value, context.named.variables, problems.UNKNOWN_VARIABLE.expected) }),
      );
      await report(sql`SELECT "row", 'variable' AS col, variable AS value, NULL AS extra FROM judged WHERE derived`, (h) => problem('DERIVED_VARIABLE_REPORTED', at(h)));
    }
    await report(sql`SELECT DISTINCT "row", 'period' AS col, period AS value, period_key AS extra FROM judged WHERE period_bad AND period_key IS NOT NULL`, (h) => {
      const result = periodResults.get(h.extra ?? '') ?? {};
      return problem(result.code ?? 'BAD_PERIOD', { ...at(h), expected: result.expected, detail: result.detail });
    });
    await report(sql`SELECT "row", col, value, value_code || chr(0) || variable AS extra FROM judged WHERE value_code IS NOT NULL`, (h) => {
      const [codeText, variableCode] = (h.extra ?? '').split('\u0000');
      const code = (codeText || 'NOT_A_NUMBER') as ProblemCode;
      const variable = context.variables.get(variableCode ?? '');
      const q = code === 'BAD_FLAG' ? undefined : readQuantity(h.value, { unit: variable?.unit, integer: variable?.integer, min: variable?.min });
      return problem(code, { ...at(h, h.col), value: h.value.trim(), expected: q && !q.ok ? q.expected : undefined });
    });
  }
  const usable = sql`trimmed <> '' AND value_code IS NULL AND known AND NOT derived AND region_known AND entity_ok AND NOT period_bad`;
  // A firm twice in one file is rare: the keys that repeat are found by one aggregate, and only their rows are ranked.
  await c.run(sql`CREATE OR REPLACE TEMP TABLE repeated AS SELECT p_period, variable, entity FROM judged WHERE ${usable} GROUP BY ALL HAVING count(*) > 1`);
  if ((await countOf(c, sql`repeated`)) > 0) {
  await report(
    sql`SELECT "row", col, value, concat_ws(chr(0), entity, p_period, variable, first) AS extra
        FROM (SELECT *, first_value("row") OVER (PARTITION BY p_period, variable, entity ORDER BY "row", col) AS first,
                     row_number() OVER (PARTITION BY p_period, variable, entity ORDER BY "row", col) AS n
              FROM judged SEMI JOIN repeated USING (p_period, variable, entity) WHERE ${usable})
        WHERE n > 1`,
    (h) => {
      const [entity, period, variable, first] = (h.extra ?? '').split('\u0000');
      return problem('DUPLICATE_KEY', { ...at(h), value: h.value.trim(), detail: `${entity ?? ''} ${period ?? ''} ${variable ?? ''} 与第${first ?? ''}行重复 same firm, period and variable as row ${first ?? ''}` });
    },
  );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { layout, rows: emptyRows, diagnostics, normalizations };

  const chosen = sql`SELECT region, p_period AS period, year, quarter, variable, entity, num AS value, "row", col AS "column" FROM judged WHERE ${usable}`;
  const folder = await mkdtemp(join(tmpdir(), 'kpi-firm-rows-'));
  const parquet = join(folder, 'rows.parquet');
  try {
    await c.run(sql`COPY (${chosen}) TO $parquet (FORMAT parquet)`, { parquet });
  } catch (e) {
    await rm(folder, { recursive: true, force: true });
    throw e;
  }
  // The rows' hash, which does not depend on the order DuckDB's threads see them in: two 64-bit DuckDB hashes of
  // every row (its row and column included, so no two rows are alike), each XORed over the rows, with their
  // count, under SHA-256. One pass over the Parquet file just written. An ordered string of all rows was 40 % of
  // the load at 10^7 rows, and an MD5 of each row's text 28 % (docs/NOTES.md).
  const hash = (
    await c.runAndReadAll(
      sql`SELECT count(*) AS n, CASE WHEN count(*) = 0 THEN '' ELSE sha256(concat_ws('|', count(*),
          bit_xor(hash(region, period, variable, entity, value, "row", "column")),
          bit_xor(hash("column", "row", value, entity, variable, period, region)))) END AS h
        FROM read_parquet($parquet)`,
      { parquet },
    )
  ).getRowObjectsJS()[0];
  return { layout, rows: { count: Number(hash?.n ?? 0), contentSha256: asText(hash?.h ?? ''), parquet }, diagnostics, normalizations };
}
