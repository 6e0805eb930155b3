import type { ColumnTable } from 'arquero';
import { from } from 'arquero';
import { KpiInputError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Chart, ChartKind } from '../present/charts/chart.js';
import { chartKinds } from '../present/charts/chart.js';
import type { ChartSelection } from '../present/charts/chartsOf.js';
import { chartsOf } from '../present/charts/chartsOf.js';
import type { TextMeasure } from '../present/charts/textMeasure.js';
import type { ReportData } from '../present/report/reportData.js';
import { reportDataOf } from '../present/report/reportDataOf.js';
import type { ResultRow } from '../present/resultColumns.js';
import { resultRowsOf } from '../present/resultColumns.js';
import type { RunContext } from '../present/runContext.js';
import { latestPeriod, periodsOf } from '../present/runContext.js';
import { loadChartFonts } from '../present/render/chartFonts.js';
import { renderSvg } from '../present/render/renderSvg.js';
import { chartTextMeasure, useChartTextMetrics } from '../present/render/textMetrics.js';
import { Store } from '../store/store.js';
import type { Explanation } from './explainFigure.js';
import { explainFigure } from './explainFigure.js';
import { loadRunContext } from './loadRunContext.js';
import type { FolderOptions } from './runJob.js';
import { computeFolder } from './runJob.js';

/** The chart font's measure, loaded once per process and shared by every computation. */
let fontMeasure: Promise<TextMeasure> | undefined;
const chartMeasure = (): Promise<TextMeasure> =>
  (fontMeasure ??= loadChartFonts().then((fonts) => {
    useChartTextMetrics(fonts);
    return chartTextMeasure(fonts);
  }));

/** What {@link compute} takes: a data folder, and optionally another catalog, settings or text encoding. */
export type ComputeOptions = FolderOptions;

/** What {@link openRun} takes: a database `kpi run` wrote, and which run (default the latest published). */
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

  get runId(): number {
    return this.context.runId;
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
   * kpi.table().filter((d) => d.status === 'behind').select('indicator', 'region', 'gap').print();
   */
  table(): ColumnTable {
    return from(this.rows().map((row) => ({ ...row, findings: JSON.stringify(row.findings) })));
  }

  /** How one figure was made (the same as `kpi explain`): region and indicator by code or Chinese name. */
  explain(indicator: string, region: string, period: string): Promise<Explanation> {
    return explainFigure(this.store, { indicator, region, period, runId: this.runId });
  }

  /** What the 通报 for `period` (default the latest) shows: its rows, regions, indicators, warnings and data-quality findings. */
  report(period: string | undefined = this.latestPeriod ?? undefined): ReportData {
    if (period === undefined) throw new KpiInputError([problem('UNKNOWN_PERIOD', { value: '—', expected: '—' })]);
    let data = this.reports.get(period);
    if (!data) this.reports.set(period, (data = reportDataOf(this.context, period)));
    return data;
  }

  /**
   * The 通报's Vega-Lite charts of one kind for a period (default the
   * latest), for a region (default the root; scorecard, cumulative, trend)
   * and one indicator or all (cumulative, ranking, trend). Text is laid out
   * with the chart font, as in the 通报.
   *
   * @example
   * const [heatmap] = await kpi.charts('heatmap', { period: '2023Q2' });
   * // heatmap.spec is a Vega-Lite spec with its data inline
   */
  async charts(kind: ChartKind, selection: ChartSelection & { readonly period?: string | undefined } = {}): Promise<Chart[]> {
    if (!chartKinds.includes(kind)) throw new KpiInputError([problem('UNKNOWN_CHART_KIND', { value: String(kind), expected: chartKinds.join('、') })]);
    return chartsOf(this.report(selection.period), kind, selection, await chartMeasure());
  }

  /** A chart drawn as SVG in Node, in the chart font (for a notebook's static fallback or a file). */
  async svg(chart: Chart): Promise<string> {
    await chartMeasure();
    return (await renderSvg(chart.spec)).svg;
  }

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
 * console.log(kpi.periods.at(-1), kpi.rows().length);
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
