/**
 * The public surface of the engine: what `import { … } from 'kpi-engine'`
 * gives. Anything not exported here is internal and may change.
 *
 *   compute / openRun   a data folder computed in memory, or a published run
 *                       of a database, held open as a {@link Computation}:
 *                       rows, an Arquero table, explain, early warnings,
 *                       data quality, the 通报's charts as Vega-Lite and SVG
 *   jobs                what the CLI does: runJob (kpi run), recomputeJob
 *                       (kpi run --as-of), reportJob (kpi report)
 *   a database          Store, listRuns, explainFigure, observationHistory,
 *                       diffRuns: every run, revision and figure it holds
 *   results as data     the columns of results.csv, statuses, findings and
 *                       their words, the report's data, chart kinds, settings
 *   inputs              loadCatalog, checkDataFolder and the diagnostics a
 *                       rejected input throws (KpiInputError)
 *
 * @example
 * import { compute } from 'kpi-engine';
 * const kpi = await compute({ data: 'data/suqian' });
 * const behind = kpi.table().filter((d) => d.status === 'behind').numRows();
 * const [heatmap] = await kpi.charts('heatmap');
 * kpi.close();
 */

// ── compute and ask ──────────────────────────────────────────────────────
export { compute, openRun, Computation } from './engine/computation.js';
export type { ComputeOptions, OpenRunOptions } from './engine/computation.js';

// ── jobs: what the CLI runs ──────────────────────────────────────────────
export { runJob, recomputeJob } from './engine/runJob.js';
export type { RunOptions, RunSummary, RecomputeOptions } from './engine/runJob.js';
export { reportJob } from './engine/reportJob.js';
export type { ReportOptions, ReportSummary } from './engine/reportJob.js';
export type { ReportFiles } from './present/report/renderReport.js';

// ── a database: its runs, revisions and how figures were made ────────────
export { Store, StoreBusyError, StoreVersionError } from './store/store.js';
export { listRuns } from './store/runs.js';
export type { RunRecord, RunStatus } from './store/runs.js';
export { explainFigure } from './engine/explainFigure.js';
export type { Explanation, FigureInput, InputValue, ObservationSource } from './engine/explainFigure.js';
export { observationHistory } from './engine/history.js';
export type { History, Revision } from './engine/history.js';
export { diffRuns } from './engine/diffRuns.js';
export type { RunDiff, FigureChange, RevisedInput } from './engine/diffRuns.js';

// ── results as data ──────────────────────────────────────────────────────
export { resultColumns } from './present/resultColumns.js';
export type { ResultRow } from './present/resultColumns.js';
export type { FigureResult } from './model/figureResult.js';
export type { Region } from './model/region.js';
export { statuses } from './model/status.js';
export type { Status } from './model/status.js';
export { statusLabels } from './assess/statusRules.js';
export { findingCodes, findingKinds, decodeFindings } from './model/finding.js';
export type { Finding, FindingCode, FindingKind, FindingParams } from './model/finding.js';
export { findingText, notesText } from './present/format/findingWords.js';
export type { FindingNames } from './present/format/findingWords.js';
export type { EarlyWarning } from './assess/outlook/earlyWarnings.js';
export type { QualityFinding } from './model/qualityFinding.js';
export type { RunContext } from './present/runContext.js';
export type { Measure, ReportData, ReportRegion, ReportRow, SchedulePoint } from './present/report/reportData.js';
export { summaryTable } from './present/report/summaryTable.js';
export type { SummaryLine } from './present/report/summaryTable.js';
export { renderReport } from './present/report/renderReport.js';
export { buildWorkbook } from './present/workbook/buildWorkbook.js';
export { chartKinds, chartKindLabels } from './present/charts/chart.js';
export type { Chart, ChartKind } from './present/charts/chart.js';
export { defaultSettings } from './settings.js';
export type { Settings } from './settings.js';
export { formatDay, formatTime, parseTime } from './model/clock.js';

// ── inputs: the catalog, a data folder, and what is wrong with them ──────
export { loadCatalog } from './catalog/loadCatalog.js';
export type { Catalog, Indicator } from './catalog/catalog.js';
export type { IndicatorDefinition, ScheduleKind } from './catalog/indicator.js';
export type { Variable } from './catalog/variable.js';
export { checkDataFolder } from './check/checkDataFolder.js';
export type { CheckedDataFolder } from './check/checkDataFolder.js';
export { KpiInputError, formatDiagnostic } from './diagnostics/diagnostic.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { ProblemCode } from './diagnostics/problems.js';

// ── feeding other systems: the HTTP API, the warehouse, the schemas ──────
export { startServer } from './serve/startServer.js';
export type { ServerOptions, RunningServer } from './serve/startServer.js';
export { snapshotPath } from './publish/snapshot.js';
export { exportWarehouse } from './engine/warehouse/exportWarehouse.js';
export type { ExportOptions, ExportSummary } from './engine/warehouse/exportWarehouse.js';
export { ExportFolderError } from './engine/warehouse/exportFolder.js';
export { publishedSchema, publishedSchemas, schemaFileName, schemaNames } from './present/schemas/publishedSchemas.js';
export type { SchemaName, PublishedSchema } from './present/schemas/publishedSchemas.js';

// ── scale: the firm-level reduction as SQL for another engine ─────────────
export { entityTotalsSql } from './model/dialect/entityTotalsSql.js';
export type { EntityTotalsTables } from './model/dialect/entityTotalsSql.js';
export { dialects, dialectNames } from './model/dialect/sqlDialect.js';
export type { SqlDialect, DialectName, PortableType } from './model/dialect/sqlDialect.js';
