import type { QualityCode, QualityFinding } from '../../../src/model/qualityFinding.js';
import type { FolderSpec, Ran } from '../../support/fixture.js';
import { runFolder } from '../../support/fixture.js';

/** A city `C` with districts `D1`…`Dn`, all rolling up. */
export const cityOf = (n: number): string =>
  `code,name,parent,level,rollup\nC,City,,city,true\n${Array.from({ length: n }, (_, i) => `D${i + 1},District ${i + 1},C,district,true\n`).join('')}`;

/** Runs the whole job on a tiny folder and returns the run with its data-quality findings. */
export async function runQuality(spec: FolderSpec): Promise<Ran & { findings: readonly QualityFinding[] }> {
  const ran = await runFolder(spec);
  return { ...ran, findings: ran.summary.quality };
}

/** The findings of one rule. */
export const findingsOf = <C extends QualityCode>(findings: readonly QualityFinding[], code: C): QualityFinding<C>[] =>
  findings.filter((f) => f.code === code) as QualityFinding<C>[];

/** `region period subject` of each finding, to compare whole lists at a glance. */
export const where = (findings: readonly QualityFinding[]): string[] => findings.map((f) => `${f.region} ${f.period} ${f.variable ?? f.indicator ?? ''}`);
