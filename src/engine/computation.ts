import type { ColumnTable } from 'arquero';
import { from } from 'arquero';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { EarlyWarning } from '../assess/outlook/earlyWarnings.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import type { Region } from '../model/region.js';
import type { Chart, ChartKind } from '../present/charts/chart.js';
import { chartKinds } from '../present/charts/chart.js';
import type { ChartSelection } from '../present/charts/chartsOf.js';
import { chartsOf } from '../present/charts/chartsOf.js';
import type { ReportData } from '../present/report/reportData.js';
import { reportDataOf } from '../present/report/reportDataOf.js';
import type { ResultRow } from '../present/resultColumns.js';
import { resultRowsOf } from '../present/resultColumns.js';
import type { RunContext } from '../present/runContext.js';
import { latestPeriod, periodsOf } from '../present/runContext.js';
import { sharedChartMeasure } from '../present/render/chartMeasure.js';
import { renderSvg } from '../present/render/renderSvg.js';
import { Store } from '../store/store.js';
import type { Explanation } from './explainFigure.js';
import { explainFigure } from './explainFigure.js';
import { loadRunContext } from './loadRunContext.js';
import type { FolderOptions } from './runJob.js';
import { computeFolder } from './runJob.js';

/**
 * What {@link compute} takes: a data folder, and optionally another catalog
 * folder (`metrics`, default the engine's own), settings that override its
 * settings.json, the text encoding of its CSV files and a progress callback.
 *
 * @example
 * const options: ComputeOptions = { data: 'data/suqian', settings: { warningThreshold: 0.85 } };
 * const kpi = await compute(options);
 */
export type ComputeOptions = FolderOptions;

/**
 * What {@link openRun} takes: a database `kpi run` wrote, and which run
 * (default the latest published).
 *
 * @example
 * const options: OpenRunOptions = { db: 'out/suqian/kpi.published.duckdb', run: 1 };
 * const kpi = await openRun(options);
 */
export interface OpenRunOptions {
  readonly db: string;
  readonly run?: number | undefined;
}

/**
 * One computed run, held open for questions: its results as rows or as an
 * Arquero table, how any figure was made, and the 通报's charts for any
 * period and region. Made by {@link compute} (a data folder, computed in
 * memory: nothing is written anywhere) or {@link openRun} (a published run
 * of a database, read-only). Close it when done.
 *
 * @example
 * const kpi = await compute({ data: 'data/suqian' });
 * try {
 *   const latest = kpi.table().filter((d) => d.period === '2023Q4');
 *   const warnings = kpi.warnings('2023Q3');
 *   const [heatmap] = await kpi.charts('heatmap');
 * } finally {
 *   kpi.close();
 * }
 */
export class Computation {
  private readonly reports = new Map<string, ReportData>();

  private constructor(
    private readonly store: Store,
    /** The run as the report and charts see it: inputs, catalog, regions, targets, every assessed figure. */
    readonly context: RunContext,
  ) {}

  /** @internal {@link compute} */
  static async ofFolder(options: ComputeOptions): Promise<Computation> {
    const store = await Store.open(':memory:');
    try {
      const runId = await computeFolder(store, options);
      return new Computation(store, await loadRunContext(store, { runId }));
    } catch (e) {
      store.close();
      throw e;
    }
  }

  /** @internal {@link openRun} */
  static async ofDatabase(options: OpenRunOptions): Promise<Computation> {
    const store = await Store.open(options.db, { readOnly: true });
    try {
      return new Computation(store, await loadRunContext(store, { runId: options.run }));
    } catch (e) {
      store.close();
      throw e;
    }
  }

  /** The run's number in its database (1 for {@link compute}'s in-memory one). */
  get runId(): number {
    return this.context.runId;
  }

  /** The regions, in the order regions.csv lists them; the root is the one whose `parent` is null. */
  get regions(): readonly Region[] {
    return this.context.regions;
  }

  /** The periods with results, in order. */
  get periods(): string[] {
    return periodsOf(this.context);
  }

  /** The latest period with results (null when there is none). */
  get latestPeriod(): string | null {
    return latestPeriod(this.context);
  }

  /** Every result row, with the columns and values of results.csv / results.json. */
  rows(): ResultRow[] {
    return resultRowsOf(this.context);
  }

  /**
   * The results as an Arquero table (one row per indicator × region ×
   * period, results.csv's columns; `findings` as its JSON text).
   *
   * @example
   * const kpi = await compute({ data: 'data/suqian' });
   * const behind = kpi.table().filter((d) => d.status === 'behind').select('indicator', 'region', 'gap');
   * behind.numRows(); // how many figures are behind, all periods
   */
  table(): ColumnTable {
    return from(this.rows().map((row) => ({ ...row, findings: JSON.stringify(row.findings) })));
  }

  /**
   * How one figure was made (the same as `kpi explain --json`): its formula,
   * each input with where it came from, the arithmetic, the target rows and
   * the status rule. Region and indicator by code or Chinese name; throws
   * {@link KpiInputError} (`NO_FIGURE`) for a figure the run does not hold.
   *
   * @example
   * const root = kpi.regions.find((r) => r.parent === null)!;
   * const e = await kpi.explain('rd_intensity', root.code, '2023Q1');
   * e.arithmetic; // '100 × 18.34 ÷ 894.4 = 2.05…'
   */
  explain(indicator: string, region: string, period: string): Promise<Explanation> {
    return explainFigure(this.store, { indicator, region, period, runId: this.runId });
  }

  /**
   * What the 通报 for `period` (default the latest) shows: its rows, regions,
   * indicators, schedule, early warnings and data-quality findings, as plain data.
   *
   * @example
   * const data = kpi.report('2023Q2');
   * data.rows.filter((r) => r.period === data.period).length;
   */
  report(period: string | undefined = this.latestPeriod ?? undefined): ReportData {
    if (period === undefined) throw new KpiInputError([problem('UNKNOWN_PERIOD', { value: '—', expected: '—' })]);
    let data = this.reports.get(period);
    if (!data) this.reports.set(period, (data = reportDataOf(this.context, period)));
    return data;
  }

  /**
   * The early warnings (预警清单, warnings.csv) at `period` (default the
   * latest), most serious first: figures before Q4 projected to miss their
   * annual target. Empty at a Q4 and where nothing is at risk.
   *
   * @example
   * const [worst] = kpi.warnings('2023Q3');
   * worst?.indicator; // the figure furthest from its annual target
   */
  warnings(period?: string): readonly EarlyWarning[] {
    return this.report(period).warnings;
  }

  /**
   * The data-quality findings (quality.csv) at `period` (default the
   * latest), errors first: what the checks noticed about the stored data.
   * They never change a figure. Empty for a run opened from a database that
   * stored none.
   *
   * @example
   * const errors = kpi.quality('2023Q4').filter((f) => f.severity === 'error');
   */
  quality(period?: string): readonly QualityFinding[] {
    return this.report(period).quality;
  }

  /**
   * The 通报's Vega-Lite charts of one kind for a period (default the
   * latest), for a region (default the root; scorecard, cumulative, trend)
   * and one indicator or all (cumulative, ranking, trend). Text is laid out
   * with the chart font, as in the 通报.
   *
   * @example
   * const [heatmap] = await kpi.charts('heatmap', { period: '2023Q2' });
   * JSON.stringify(heatmap.spec); // a Vega-Lite v6 spec with its data inline
   */
  async charts(kind: ChartKind, selection: ChartSelection & { readonly period?: string | undefined } = {}): Promise<Chart[]> {
    if (!chartKinds.includes(kind)) throw new KpiInputError([problem('UNKNOWN_CHART_KIND', { value: String(kind), expected: chartKinds.join('、') })]);
    return chartsOf(this.report(selection.period), kind, selection, await sharedChartMeasure());
  }

  /**
   * A chart drawn as SVG in Node, in the chart font (for a notebook's static
   * fallback or a file); no browser needed.
   *
   * @example
   * const [scorecard] = await kpi.charts('scorecard');
   * const svg = await kpi.svg(scorecard); // '<svg …'
   */
  async svg(chart: Chart): Promise<string> {
    await sharedChartMeasure();
    return (await renderSvg(chart.spec)).svg;
  }

  /** Closes its database (the in-memory one of {@link compute} is gone with it). */
  close(): void {
    this.store.close();
  }
}

/**
 * Checks, stores and computes a data folder in memory — the work of
 * `kpi run --dry-run`, kept open: nothing is written to disk. Throws
 * {@link KpiInputError} listing every problem when the folder is invalid.
 *
 * @example
 * import { compute } from 'kpi-engine';
 * const kpi = await compute({ data: 'data/suqian' });
 * const [latest, rows] = [kpi.latestPeriod, kpi.rows().length]; // '2023Q4', 2752
 * kpi.close();
 */
export const compute = (options: ComputeOptions): Promise<Computation> => Computation.ofFolder(options);

/**
 * Opens a published run of a database, read-only (default the latest run).
 * Open the snapshot (`kpi.published.duckdb`) rather than `kpi.duckdb` while
 * runs may be going on: a reader of `kpi.duckdb` makes the next run wait.
 *
 * @example
 * import { openRun } from 'kpi-engine';
 * const kpi = await openRun({ db: 'out/suqian/kpi.published.duckdb' });
 */
export const openRun = (options: OpenRunOptions): Promise<Computation> => Computation.ofDatabase(options);
