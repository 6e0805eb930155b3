import { join } from 'node:path';
import { csvField } from '../model/csvText.js';
import type { FigureResult } from '../model/figureResult.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import type { MissingReport } from './missingReports.js';
import { missingReportsOf } from './missingReports.js';
import type { RunContext } from './runContext.js';
import { writeAtomically } from './writeAtomically.js';

/** The columns of missing-reports.csv, in order. */
export const missingReportColumns = ['period', 'region', 'region_name', 'variable', 'variable_name', 'figures_left_empty'] as const;

/** A figure as missing-reports.csv names it: `rd_intensity@C01`. */
const figureName = (r: Pick<FigureResult, 'indicator' | 'region'>): string => `${r.indicator}@${r.region}`;

/**
 * Writes missing-reports.csv, the 催报 list: one row per MISSING_REPORT
 * finding (period, region, variable, with names) and the figures it leaves
 * 无数据 at that period (`indicator@region`, `; ` between). UTF-8 with BOM;
 * renamed into place; the header alone when nothing is missing.
 */
export async function writeMissingReports(context: Pick<RunContext, 'catalog' | 'regions' | 'results'>, findings: readonly QualityFinding[], out: string): Promise<string> {
  const regionNames = new Map(context.regions.map((r) => [r.code, r.name]));
  const variableNames = new Map(context.catalog.variables.map((v) => [v.code, v.name]));
  const line = ({ finding: f, leftEmpty }: MissingReport): string =>
    [
      f.period,
      f.region,
      regionNames.get(f.region) ?? f.region,
      f.variable,
      variableNames.get(f.variable ?? '') ?? f.variable,
      leftEmpty.map(figureName).join('; '),
    ]
      .map(csvField)
      .join(',');
  const file = join(out, 'missing-reports.csv');
  await writeAtomically([{ file, content: `\uFEFF${[missingReportColumns.join(','), ...missingReportsOf(context, findings).map(line)].map((l) => `${l}\r\n`).join('')}` }]);
  return file;
}
