import type { EarlyWarning } from '../../assess/outlook/earlyWarnings.js';
import type { FigureResult } from '../../model/figureResult.js';
import type { QualityFinding } from '../../model/qualityFinding.js';
import type { MissingReport } from '../missingReports.js';
import { appliesTo } from '../../catalog/applicability.js';
import type { IndicatorDefinition } from '../../catalog/indicator.js';
import type { StoredPlanTracking } from '../../plan/trackPlan.js';

/** A region as the report shows it: its place in the tree decides sections and rankings. */
export interface ReportRegion {
  readonly code: string;
  readonly name: string;
  readonly parent: string | null;
  readonly level: string;
  /** 0 for the root. */
  readonly depth: number;
}

/** A variable of the catalog, for spelling out formulas in words. */
export interface ReportVariable {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
}

/** One result figure, with its period's year and quarter. */
export interface ReportRow extends FigureResult {
  readonly year: number;
  readonly quarter: number;
}

/**
 * What an indicator's figure is over a year: a `flow` adds up from the start
 * of the year (incubated firms 30/60/90/120: it starts from 0), a `stock` is
 * the level at the quarter's end (patents held: the year starts from the last
 * year-end's level). Known from the variables it reads (metrics/variables.yaml `kind`).
 */
export type Measure = 'flow' | 'stock';

/** The target to date at each quarter end of the report year (the plan's 30/60/90/120) beside the linear 序时 line. */
export interface SchedulePoint {
  readonly indicator: string;
  readonly region: string;
  readonly quarter: number;
  readonly target: number | null;
  /** annual × quarter ÷ 4, the target to date INDICATORS.md gives an indicator without its own schedule. */
  readonly linear: number | null;
  /** The region's annual target for the report year. */
  readonly annual: number;
  readonly measure: Measure;
  /**
   * The region's figure at the end of the year before (its result at the
   * previous year's Q4), where a stock's year starts from; null when the run
   * has no such figure.
   */
  readonly priorYearEnd: number | null;
}

/**
 * Everything a 通报 for one period is made from: plain data, so each chart,
 * table and workbook is a function of it.
 */
export interface ReportData {
  readonly title: string;
  readonly period: string;
  readonly year: number;
  readonly quarter: number;
  readonly runId: number;
  /** When the run was made (ISO 8601). */
  readonly runAt: string;
  /** The zone of the times the 通报 and the workbook show (settings.json `timeZone`, Beijing time by default). */
  readonly timeZone: string;
  /** The hash of the catalog the figures were computed with, for the colophon. */
  readonly definitionsSha256: string;
  readonly warningThreshold: number;
  readonly regions: readonly ReportRegion[];
  /** The catalog's indicators, in catalog order. */
  readonly indicators: readonly IndicatorDefinition[];
  readonly variables: readonly ReportVariable[];
  /** Results of the report year and the year before, every region, in catalog × region × period order. */
  readonly rows: readonly ReportRow[];
  readonly schedule: readonly SchedulePoint[];
  /** The plan's milestones as tracked at the report period, when the run had a plan. */
  readonly plan?: StoredPlanTracking | undefined;
  /** The report period's early warnings (预警清单, OUTLOOK.md §4), most serious first. */
  readonly warnings: readonly EarlyWarning[];
  /** The run's data-quality findings at the report period (OUTLOOK.md §5); empty when the run's context has none (`kpi report` from the store). */
  readonly quality: readonly QualityFinding[];
  /** 催报: who has not reported what at the report period, and which figures that leaves 无数据. */
  readonly missingReports: readonly MissingReport[];
}

/** The root of the region tree (the city). */
export function rootRegion(data: ReportData): ReportRegion {
  const root = data.regions.find((r) => r.parent === null);
  if (!root) throw new Error('report data has no root region');
  return root;
}

/** The report period's rows. */
export const periodRows = (data: ReportData): ReportRow[] => data.rows.filter((r) => r.period === data.period);

/** Finds an indicator definition by id; throws on an id the catalog does not have (a broken invariant). */
export function indicatorById(data: ReportData, id: string): IndicatorDefinition {
  const found = data.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`indicator ${id} is not in the report's catalog`);
  return found;
}

/** The catalog's indicators that apply to a region (its `applies_to`), in catalog order. */
export function indicatorsFor(data: ReportData, region: string): IndicatorDefinition[] {
  const found = data.regions.find((r) => r.code === region);
  return found === undefined ? [] : data.indicators.filter((i) => appliesTo(i.applies_to, found));
}
