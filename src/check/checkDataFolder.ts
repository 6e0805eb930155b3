import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Observation } from '../model/observation.js';
import type { Region } from '../model/region.js';
import type { Target } from '../model/target.js';
import { isKnownEncoding } from '../read/decodeText.js';
import type { ReadOptions } from '../read/readOptions.js';
import type { MilestoneReport } from '../model/milestoneReport.js';
import type { TrackedTask } from '../plan/trackPlan.js';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import type { Layout } from './checkObservations.js';
import { checkObservations } from './checkObservations.js';
import { checkRegions } from './checkRegions.js';
import { checkTargets } from './checkTargets.js';
import { checkContext } from './context.js';
import type { Normalization } from './normalization.js';
import { checkPlanFolder } from './checkPlanFolder.js';
import { capRepeats } from './capRepeats.js';
import { fileAccessProblem, probePath, readBytes } from './fileAccess.js';
import { listDataFiles } from './listDataFiles.js';
import { encodingOf, readChecked, sha256 } from './readChecked.js';
import { readSettings } from './readSettings.js';
import type { EntityRows } from './entity/checkEntityFile.js';
import { checkEntityTable, readEntityFile } from './entity/readEntityFile.js';

export interface ObservationFile {
  /** The path as given (data folder joined with the file name). */
  readonly file: string;
  readonly sha256: string;
  readonly layout: Layout;
  readonly observations: readonly Observation[];
  /** What was normalized in this file: its encoding, period labels, numbers. */
  readonly normalizations: readonly Normalization[];
  /** A firm-level file's rows (it has an entity column; `observations` is then empty): see docs/data-folder.md 企业级数据. */
  readonly entities?: EntityRows | undefined;
}

/** A data folder after every file was read and checked. Rows are usable only when `diagnostics` has no error. */
export interface CheckedDataFolder {
  readonly folder: string;
  readonly regions: readonly Region[];
  readonly regionsSha256: string;
  readonly targets: readonly Target[];
  readonly targetsSha256: string;
  readonly observationFiles: readonly ObservationFile[];
  readonly settings: Settings;
  readonly diagnostics: readonly Diagnostic[];
  /** Every normalization of every file, in reading order (regions, targets, observations), for the load log. */
  readonly normalizations: readonly Normalization[];
  /** `plan/tasks.json`, when the folder has a plan. */
  readonly plan?: PlanFile | undefined;
  /** `plan/reports/*`: what lead units reported on their milestones, in name order (a later file revises). */
  readonly milestoneFiles: readonly MilestoneFile[];
}

/** A plan as stored: its year, title and tasks. */
export interface PlanFile {
  readonly file: string;
  readonly sha256: string;
  readonly plan: { readonly year: number; readonly title: string; readonly tasks: readonly TrackedTask[] };
}

export interface MilestoneFile {
  readonly file: string;
  readonly sha256: string;
  readonly reports: readonly MilestoneReport[];
}

export interface CheckProgress {
  (message: string): void;
}

/** How to read a data folder. */
export interface CheckOptions {
  /** The text encoding of CSV files (`utf-8`, `gb18030`, `utf-16le`, …); default: detected. */
  readonly encoding?: string | undefined;
  /** "Now" for judging periods in the future; default the current time. */
  readonly now?: Date | undefined;
}

const emptyFolder = (folder: string, diagnostics: Diagnostic[]): CheckedDataFolder => ({
  folder,
  regions: [],
  regionsSha256: '',
  targets: [],
  targetsSha256: '',
  observationFiles: [],
  settings: settingsSchema.parse({}),
  diagnostics,
  normalizations: [],
  milestoneFiles: [],
});

/**
 * Reads and checks a whole data folder (CONTRACT.md): regions.csv,
 * targets.csv, every observations file in name order, and settings.json.
 * Every problem of every file is collected, and every normalization (a text
 * encoding, a period label, a number written another way) is listed;
 * nothing is stored here.
 *
 * @example
 * const folder = await checkDataFolder('data/suqian', await loadCatalog('metrics'));
 * folder.diagnostics.filter((d) => d.severity === 'error').length; // 0: the folder would be accepted
 */
export async function checkDataFolder(
  folder: string,
  catalog: Catalog,
  onProgress: CheckProgress = () => {},
  options: CheckOptions = {},
): Promise<CheckedDataFolder> {
  const diagnostics: Diagnostic[] = [];
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
    return emptyFolder(folder, [problem('UNKNOWN_ENCODING', { value: options.encoding })]);
  }
  const csvOptions: ReadOptions = { encoding: options.encoding };
  const regionsFile = join(folder, 'regions.csv');
  const targetsFile = join(folder, 'targets.csv');
  const observationsFolder = join(folder, 'observations');
  for (const [required, kind] of [
    [regionsFile, 'file'],
    [targetsFile, 'file'],
    [observationsFolder, 'folder'],
  ] as const) {
    const found = await probePath(required, diagnostics);
    if (found === 'missing') diagnostics.push(problem('FOLDER_MISSING', { file: required }));
    else if (found !== 'fault' && found !== kind) diagnostics.push(fileAccessProblem(required, kind === 'file' ? 'EISDIR' : 'ENOTDIR'));
  }
  if (diagnostics.length > 0) return emptyFolder(folder, diagnostics);

  const settings = await readSettings(join(folder, 'settings.json'), diagnostics);

  const regionsBytes = await readBytes(regionsFile, diagnostics);
  const targetsBytes = await readBytes(targetsFile, diagnostics);
  if (!regionsBytes || !targetsBytes) return emptyFolder(folder, diagnostics);
  const regionsTable = await readChecked(regionsFile, 'csv', regionsBytes, csvOptions, diagnostics);
  const { regions, diagnostics: regionProblems } = regionsTable ? checkRegions(regionsTable) : { regions: [], diagnostics: [] };
  diagnostics.push(...regionProblems);
  diagnostics.push(...applicabilityProblems(catalog, regions));
  const context = checkContext(catalog, regions, options.now ?? new Date());

  const targetsTable = await readChecked(targetsFile, 'csv', targetsBytes, csvOptions, diagnostics);
  const checkedTargets = targetsTable ? checkTargets(targetsTable, context) : { targets: [], diagnostics: [], normalizations: [] };
  diagnostics.push(...checkedTargets.diagnostics);
  const normalizations: Normalization[] = [...encodingOf(regionsTable), ...encodingOf(targetsTable), ...checkedTargets.normalizations];

  const dataFiles = await listDataFiles(observationsFolder, diagnostics);
  const observationFiles: ObservationFile[] = [];
  for (const { name, file, format } of dataFiles) {
    onProgress(`读取 reading ${name}`);
    const bytes = await readBytes(file, diagnostics);
    if (!bytes) continue;
    // Firm-level CSV and Parquet files go to DuckDB's readers whole; region-level files, and workbooks, are read here.
    const big = await readEntityFile(file, format, bytes, context, diagnostics);
    const table = big ? undefined : await readChecked(file, format, bytes, format === 'csv' ? csvOptions : {}, diagnostics);
    const firms = big ?? (table ? await checkEntityTable(table, context) : undefined);
    if (firms) {
      diagnostics.push(...firms.diagnostics);
      normalizations.push(...firms.normalizations);
      observationFiles.push({ file, sha256: sha256(bytes), layout: firms.layout, observations: [], entities: firms.rows, normalizations: firms.normalizations });
      continue;
    }
    if (!table) continue;
    const checked = checkObservations(table, context);
    diagnostics.push(...checked.diagnostics);
    const fileNormalizations = [...encodingOf(table), ...checked.normalizations];
    normalizations.push(...fileNormalizations);
    observationFiles.push({ file, sha256: sha256(bytes), layout: checked.layout, observations: checked.observations, normalizations: fileNormalizations });
  }
  if (dataFiles.length === 0) diagnostics.push(problem('FOLDER_MISSING', { file: observationsFolder, detail: '没有观测数据文件 no observations file' }));

  const planned = await checkPlanFolder(folder, csvOptions, context.currentQuarter);
  diagnostics.push(...planned.diagnostics);
  normalizations.push(...planned.normalizations);

  return {
    folder,
    regions,
    regionsSha256: sha256(regionsBytes),
    targets: checkedTargets.targets,
    targetsSha256: sha256(targetsBytes),
    observationFiles,
    settings,
    diagnostics: capRepeats(diagnostics),
    normalizations,
    plan: planned.plan,
    milestoneFiles: planned.milestoneFiles,
  };
}

export const hasErrors = (folder: CheckedDataFolder): boolean => folder.diagnostics.some(isError);

/** Levels and regions an indicator's `applies_to` names that the region tree does not have: warnings (the catalog serves many data folders). */
function applicabilityProblems(catalog: Catalog, regions: readonly Region[]): Diagnostic[] {
  if (regions.length === 0) return [];
  const levels = new Set(regions.map((r) => r.level));
  const codes = new Set(regions.map((r) => r.code));
  return catalog.indicators.flatMap((indicator) => {
    const where = indicator.applies_to;
    const unknown = [...(where?.levels ?? []).filter((l) => !levels.has(l)), ...(where?.regions ?? []).filter((c) => !codes.has(c))];
    return unknown.map((value) => problem('APPLIES_TO_UNKNOWN', { value, detail: `指标 indicator ${indicator.id}` }));
  });
}
