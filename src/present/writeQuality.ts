import { join } from 'node:path';
import { csvField } from '../model/csvText.js';
import type { QualityFinding } from '../model/qualityFinding.js';
import type { QualityNames } from './format/qualityWords.js';
import { qualityText } from './format/qualityWords.js';
import type { RunContext } from './runContext.js';
import { writeAtomically } from './writeAtomically.js';

/** The columns of quality.csv, in order. */
export const qualityColumns = ['code', 'severity', 'region', 'region_name', 'period', 'variable', 'indicator', 'value', 'reference', 'message'] as const;

/** Names from a run's catalog and regions, for the words of its quality findings. */
export function qualityNamesOf(context: Pick<RunContext, 'catalog' | 'regions'>): QualityNames {
  const regions = new Map(context.regions.map((r) => [r.code, r.name]));
  const variables = new Map(context.catalog.variables.map((v) => [v.code, v.name]));
  const indicators = new Map(context.catalog.indicators.map((i) => [i.id, i.name]));
  return { region: (c) => regions.get(c), variable: (c) => variables.get(c), indicator: (id) => indicators.get(id) };
}

/**
 * Writes quality.csv: every data-quality finding of the run (OUTLOOK.md §5),
 * in the order the rules' runner gives them (errors first, then code, region,
 * period, variable or indicator). UTF-8 with BOM like results.csv; numbers
 * unrounded, empty = null; renamed into place. A run without findings still
 * writes the header, so every publication has the file.
 */
export async function writeQuality(context: Pick<RunContext, 'catalog' | 'regions'>, findings: readonly QualityFinding[], out: string): Promise<string> {
  const names = qualityNamesOf(context);
  const line = (f: QualityFinding): string =>
    [f.code, f.severity, f.region, names.region(f.region) ?? f.region, f.period, f.variable, f.indicator, f.value, f.reference, qualityText(f, names)].map(csvField).join(',');
  const file = join(out, 'quality.csv');
  await writeAtomically([{ file, content: `\uFEFF${[qualityColumns.join(','), ...findings.map(line)].map((l) => `${l}\r\n`).join('')}` }]);
  return file;
}
