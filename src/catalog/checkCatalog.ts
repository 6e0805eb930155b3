import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Catalog, Indicator } from './catalog.js';
import { formulaInputs } from './formula/ast.js';
import { parseFormula } from './formula/parseFormula.js';
import { indicatorSchema } from './indicator.js';
import type { Variable } from './variable.js';
import { countedFlag, derivedSchema, variableSchema } from './variable.js';

/** A definition as read from a file, before validation. */
export interface RawDefinition {
  readonly file: string;
  readonly data: unknown;
}

export type CatalogResult = { catalog: Catalog; diagnostics: Diagnostic[] };

const zodProblems = (file: string, id: string, error: z.ZodError, under?: string): Diagnostic[] =>
  error.issues.map((issue) =>
    problem('BAD_DEFINITION', {
      file,
      column: [...(under === undefined ? [] : [under]), ...issue.path].join('.'),
      detail: `${id}: ${issue.message}`,
    }),
  );

const idOf = (data: unknown, key: string): string =>
  typeof data === 'object' && data !== null && key in data ? String((data as Record<string, unknown>)[key]) : '?';

/**
 * Validates variable and indicator definitions: every field by its schema,
 * ids unique, and every formula parsed against the catalog's variables, so
 * an unknown identifier is reported with the indicator and the identifier.
 */
export function checkCatalog(variableDefs: readonly RawDefinition[], indicatorDefs: readonly RawDefinition[]): CatalogResult {
  const diagnostics: Diagnostic[] = [];
  const variables: Variable[] = [];
  for (const def of variableDefs) {
    const { derived: rawDerived, ...fields } = typeof def.data === 'object' && def.data !== null && !Array.isArray(def.data) ? (def.data as Record<string, unknown>) : { derived: undefined };
    const parsed = variableSchema.safeParse(typeof def.data === 'object' && def.data !== null && !Array.isArray(def.data) ? fields : def.data);
    const derived = rawDerived === undefined ? undefined : derivedSchema.safeParse(rawDerived);
    if (derived && !derived.success) diagnostics.push(...zodProblems(def.file, idOf(def.data, 'code'), derived.error, 'derived'));
    if (!parsed.success) diagnostics.push(...zodProblems(def.file, idOf(def.data, 'code'), parsed.error));
    else if (variables.some((v) => v.code === parsed.data.code)) diagnostics.push(problem('DUPLICATE_DEFINITION', { file: def.file, value: parsed.data.code }));
    else if (derived?.success) variables.push({ ...parsed.data, derived: derived.data });
    else if (!derived) variables.push(parsed.data);
  }
  const variableCodes = new Set(variables.map((v) => v.code));
  diagnostics.push(...derivedProblems(variableDefs[0]?.file ?? 'variables.yaml', variables));
  const indicators: Indicator[] = [];
  for (const def of indicatorDefs) {
    const parsed = indicatorSchema.safeParse(def.data);
    if (!parsed.success) {
      diagnostics.push(...zodProblems(def.file, idOf(def.data, 'id'), parsed.error));
      continue;
    }
    const definition = parsed.data;
    if (indicators.some((i) => i.id === definition.id)) {
      diagnostics.push(problem('DUPLICATE_DEFINITION', { file: def.file, value: definition.id }));
      continue;
    }
    const formula = parseFormula(definition.formula, variableCodes);
    if (!formula.ok) {
      diagnostics.push(
        ...formula.problems.map((p) =>
          problem(p.code, { file: def.file, column: 'formula', value: p.identifier, detail: `指标 indicator ${definition.id}: ${p.detail}` }),
        ),
      );
      continue;
    }
    indicators.push({ ...definition, formulaAst: formula.node, inputs: formulaInputs(formula.node) });
  }
  return { catalog: { variables, indicators }, diagnostics };
}

/**
 * A derived count (`derived: { count_entities: { flag } }`) counts firms, so it is additive and whole; its flag is a
 * column of firm-level files, so it must not be a variable's code, and one flag is counted by one variable only.
 */
function derivedProblems(file: string, variables: readonly Variable[]): Diagnostic[] {
  const codes = new Set(variables.map((v) => v.code));
  const counted = new Map<string, string>();
  const out: Diagnostic[] = [];
  const bad = (v: Variable, detail: string) => out.push(problem('BAD_DEFINITION', { file, column: 'derived.count_entities.flag', value: countedFlag(v), detail: `${v.code}: ${detail}` }));
  for (const v of variables) {
    const flag = countedFlag(v);
    if (flag === undefined) continue;
    if (codes.has(flag)) bad(v, `标志 ${flag} 与数据项代码重名 / the flag ${flag} is also a variable's code`);
    else if (counted.has(flag)) bad(v, `标志 ${flag} 已由 ${counted.get(flag) ?? ''} 计数 / the flag ${flag} is already counted by ${counted.get(flag) ?? ''}`);
    if (!v.additive || v.integer !== true) bad(v, '企业计数须 additive: true、integer: true / a count of firms is additive and whole (additive: true, integer: true)');
    counted.set(flag, v.code);
  }
  return out;
}
