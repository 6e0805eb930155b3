import type { Catalog } from '../catalog/catalog.js';
import type { Region } from '../model/region.js';

/** What rows are checked against: the known regions, variables and indicators. */
export interface CheckContext {
  readonly regionCodes: ReadonlySet<string>;
  readonly root: string | null;
  readonly variableCodes: ReadonlySet<string>;
  /** Chinese variable names, accepted as wide-layout headers. */
  readonly variableByName: ReadonlyMap<string, string>;
  readonly indicatorIds: ReadonlySet<string>;
}

export function checkContext(catalog: Catalog, regions: readonly Region[]): CheckContext {
  return {
    regionCodes: new Set(regions.map((r) => r.code)),
    root: regions.find((r) => r.parent === null)?.code ?? null,
    variableCodes: new Set(catalog.variables.map((v) => v.code)),
    variableByName: new Map(catalog.variables.map((v) => [v.name, v.code])),
    indicatorIds: new Set(catalog.indicators.map((i) => i.id)),
  };
}
