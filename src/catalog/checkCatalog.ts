import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Catalog, Indicator } from './catalog.js';
import { formulaInputs } from './formula/ast.js';
import { parseFormula } from './formula/parseFormula.js';
import { indicatorSchema } from './indicator.js';
import type { Variable } from './variable.js';
import { variableSchema } from './variable.js';

/** A definition as read from a file, before validation. */
export interface RawDefinition {
  readonly file: string;
  readonly data: unknown;
}

export type CatalogResult = { catalog: Catalog; diagnostics: Diagnostic[] };

const zodProblems = (file: string, id: string, error: z.ZodError): Diagnostic[] =>
  error.issues.map((issue) =>
    problem('BAD_DEFINITION', {
      file,
      column: issue.path.join('.'),
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
    const parsed = variableSchema.safeParse(def.data);
    if (!parsed.success) diagnostics.push(...zodProblems(def.file, idOf(def.data, 'code'), parsed.error));
    else if (variables.some((v) => v.code === parsed.data.code)) diagnostics.push(problem('DUPLICATE_DEFINITION', { file: def.file, value: parsed.data.code }));
    else variables.push(parsed.data);
  }
  const variableCodes = new Set(variables.map((v) => v.code));
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
