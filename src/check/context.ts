import type { Catalog } from '../catalog/catalog.js';
import type { Variable } from '../catalog/variable.js';
import type { Region } from '../model/region.js';
import { quarterContaining } from './periodLabel.js';
import type { Named } from './suggestCode.js';
import type { Period } from './values.js';

/** What rows are checked against: the known regions, variables and indicators, and the current quarter. */
export interface CheckContext {
  readonly regionCodes: ReadonlySet<string>;
  readonly root: string | null;
  readonly variableCodes: ReadonlySet<string>;
  /** Chinese variable names, accepted as wide-layout headers. */
  readonly variableByName: ReadonlyMap<string, string>;
  readonly indicatorIds: ReadonlySet<string>;
  /** Each variable's definition: its unit and its flags (`integer`, `min`). */
  readonly variables: ReadonlyMap<string, Variable>;
  /** Each indicator's unit, which a target value may repeat as a suffix. */
  readonly indicatorUnits: ReadonlyMap<string, string>;
  /** Codes and names, in the analyst's order, for "did you mean". */
  readonly named: { readonly regions: readonly Named[]; readonly variables: readonly Named[]; readonly indicators: readonly Named[] };
  /** The quarter that contains "now": an observation for a later quarter cannot exist yet. Undefined: no such check. */
  readonly currentQuarter?: Period | undefined;
}

export function checkContext(catalog: Catalog, regions: readonly Region[], now?: Date): CheckContext {
  return {
    regionCodes: new Set(regions.map((r) => r.code)),
    root: regions.find((r) => r.parent === null)?.code ?? null,
    variableCodes: new Set(catalog.variables.map((v) => v.code)),
    variableByName: new Map(catalog.variables.map((v) => [v.name, v.code])),
    indicatorIds: new Set(catalog.indicators.map((i) => i.id)),
    variables: new Map(catalog.variables.map((v) => [v.code, v])),
    indicatorUnits: new Map(catalog.indicators.map((i) => [i.id, i.unit])),
    named: {
      regions: regions.map((r) => ({ code: r.code, name: r.name })),
      variables: catalog.variables.map((v) => ({ code: v.code, name: v.name })),
      indicators: catalog.indicators.map((i) => ({ code: i.id, name: i.name })),
    },
    currentQuarter: now === undefined ? undefined : quarterContaining(now),
  };
}
