/**
 * The public surface of the engine. Anything not exported here is internal.
 *
 * @example
 * import { runJob } from 'kpi-engine';
 * const summary = await runJob({ data: 'data/suqian', out: 'out/suqian' });
 */
export { runJob } from './engine/runJob.js';
export type { RunOptions, RunSummary } from './engine/runJob.js';
export { loadCatalog } from './catalog/loadCatalog.js';
export type { Catalog, Indicator } from './catalog/catalog.js';
export type { IndicatorDefinition, ScheduleKind } from './catalog/indicator.js';
export type { Variable } from './catalog/variable.js';
export { checkDataFolder } from './check/checkDataFolder.js';
export type { CheckedDataFolder } from './check/checkDataFolder.js';
export { KpiInputError, formatDiagnostic } from './diagnostics/diagnostic.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { ProblemCode } from './diagnostics/problems.js';
export { statusLabels, statuses } from './assess/status.js';
export type { Status } from './assess/status.js';
export { resultColumns } from './present/resultColumns.js';
export type { ResultRow } from './present/resultColumns.js';
export { settingsSchema, defaultSettings } from './settings.js';
export type { Settings } from './settings.js';
export { Store } from './store/store.js';
