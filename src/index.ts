/**
 * The public surface of the engine. Anything not exported here is internal.
 *
 * @example
 * import { runJob } from 'kpi-engine';
 * const summary = await runJob({ data: 'data/suqian', out: 'out/suqian' });
 * await reportJob({ db: summary.db, period: '2023Q2', out: 'out/suqian/report-2023Q2' });
 */
export { runJob, recomputeJob } from './engine/runJob.js';
export type { RunOptions, RunSummary, RecomputeOptions } from './engine/runJob.js';
export { listRuns } from './engine/listRuns.js';
export type { Publication } from './engine/listRuns.js';
export { observationHistory } from './engine/history.js';
export type { History, Revision } from './engine/history.js';
export { explainFigure } from './engine/explainFigure.js';
export type { Explanation, FigureInput, InputValue, ObservationSource } from './engine/explainFigure.js';
export { diffRuns } from './engine/diffRuns.js';
export type { RunDiff, FigureChange, RevisedInput } from './engine/diffRuns.js';
export { summarizeNormalizations } from './check/summarizeNormalizations.js';
export type { Normalization, NormalizationRule } from './check/normalization.js';
export { reportJob } from './engine/reportJob.js';
export type { ReportOptions, ReportSummary } from './engine/reportJob.js';
export { loadReportData } from './present/report/loadReportData.js';
export type { ReportSelection } from './present/report/loadReportData.js';
export type { ReportData, ReportRegion, ReportRow, SchedulePoint } from './present/report/reportData.js';
export { renderReport } from './present/report/renderReport.js';
export type { ReportFiles } from './present/report/renderReport.js';
export { summaryTable } from './present/report/summaryTable.js';
export type { SummaryLine } from './present/report/summaryTable.js';
export { chartCatalog, reportCharts } from './present/charts/chartCatalog.js';
export { chartKinds, chartKindLabels } from './present/charts/chart.js';
export type { Chart, ChartKind } from './present/charts/chart.js';
export { statusColors } from './present/charts/statusStyle.js';
export { renderSvg } from './present/render/renderSvg.js';
export { renderPng } from './present/render/renderPng.js';
export { loadChartFonts } from './present/render/chartFonts.js';
export { useChartTextMetrics } from './present/render/textMetrics.js';
export { renderReportHtml } from './present/html/renderReportHtml.js';
export { buildWorkbook } from './present/workbook/buildWorkbook.js';
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
export { Store, StoreBusyError, StoreVersionError } from './store/store.js';
