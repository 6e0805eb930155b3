import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isError } from '../diagnostics/diagnostic.js';
import { problem } from '../diagnostics/problems.js';
import type { Observation } from '../model/observation.js';
import type { Region } from '../model/region.js';
import type { Target } from '../model/target.js';
import type { RawTable } from '../read/rawTable.js';
import { decodeText, readCsv } from '../read/readCsv.js';
import { formatOf, readTable } from '../read/readTable.js';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import type { Layout } from './checkObservations.js';
import { checkObservations } from './checkObservations.js';
import { checkRegions } from './checkRegions.js';
import { checkTargets } from './checkTargets.js';
import { checkContext } from './context.js';

export interface ObservationFile {
  /** The path as given (data folder joined with the file name). */
  readonly file: string;
  readonly sha256: string;
  readonly layout: Layout;
  readonly observations: readonly Observation[];
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
}

export interface CheckProgress {
  (message: string): void;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function tryRead(file: string, read: () => Promise<RawTable>, diagnostics: Diagnostic[]): Promise<RawTable | undefined> {
  try {
    return await read();
  } catch (e) {
    diagnostics.push(problem('FILE_UNREADABLE', { file, detail: (e as Error).message }));
    return undefined;
  }
}

/** How to read a data folder. */
export interface CheckOptions {
  /** The text encoding of CSV files (`utf-8`, `gb18030`, `utf-16le`, …); default: detected. */
  readonly encoding?: string | undefined;
  /** "Now" for judging periods in the future; default the current time. */
  readonly now?: Date | undefined;
}

/**
 * Reads and checks a whole data folder (CONTRACT.md): regions.csv,
 * targets.csv, every observations file in name order, and settings.json.
 * Every problem of every file is collected; nothing is stored here.
 */
export async function checkDataFolder(
  folder: string,
  catalog: Catalog,
  onProgress: CheckProgress = () => {},
  options: CheckOptions = {},
): Promise<CheckedDataFolder> {
  // TODO(issue 4 input helper): use options.encoding when decoding text files and options.now for future periods.
  void options;
  const diagnostics: Diagnostic[] = [];
  const regionsFile = join(folder, 'regions.csv');
  const targetsFile = join(folder, 'targets.csv');
  const observationsFolder = join(folder, 'observations');
  for (const required of [regionsFile, targetsFile, observationsFolder]) {
    if (!(await exists(required))) diagnostics.push(problem('FOLDER_MISSING', { file: required }));
  }
  if (diagnostics.length > 0) {
    return { folder, regions: [], regionsSha256: '', targets: [], targetsSha256: '', observationFiles: [], settings: settingsSchema.parse({}), diagnostics };
  }

  const settings = await readSettings(join(folder, 'settings.json'), diagnostics);

  const regionsBytes = await readFile(regionsFile);
  const regionsTable = await tryRead(regionsFile, () => readCsv(regionsFile, regionsBytes), diagnostics);
  const { regions, diagnostics: regionProblems } = regionsTable ? checkRegions(regionsTable) : { regions: [], diagnostics: [] };
  diagnostics.push(...regionProblems);
  const context = checkContext(catalog, regions);

  const targetsBytes = await readFile(targetsFile);
  const targetsTable = await tryRead(targetsFile, () => readCsv(targetsFile, targetsBytes), diagnostics);
  const { targets, diagnostics: targetProblems } = targetsTable ? checkTargets(targetsTable, context) : { targets: [], diagnostics: [] };
  diagnostics.push(...targetProblems);

  const names = (await readdir(observationsFolder)).filter((n) => !n.startsWith('.')).sort();
  const observationFiles: ObservationFile[] = [];
  for (const name of names) {
    const file = join(observationsFolder, name);
    const format = formatOf(name);
    if (!format) {
      diagnostics.push(problem('UNSUPPORTED_FILE', { file, value: basename(name) }));
      continue;
    }
    onProgress(`读取 reading ${name}`);
    const bytes = await readFile(file);
    const table = await tryRead(file, () => readTable(file, format, bytes), diagnostics);
    if (!table) continue;
    const checked = checkObservations(table, context);
    diagnostics.push(...checked.diagnostics);
    observationFiles.push({ file, sha256: sha256(bytes), layout: checked.layout, observations: checked.observations });
  }
  if (names.every((n) => !formatOf(n))) diagnostics.push(problem('FOLDER_MISSING', { file: observationsFolder, detail: '没有观测数据文件 no observations file' }));

  return {
    folder,
    regions,
    regionsSha256: sha256(regionsBytes),
    targets,
    targetsSha256: sha256(targetsBytes),
    observationFiles,
    settings,
    diagnostics,
  };
}

async function readSettings(file: string, diagnostics: Diagnostic[]): Promise<Settings> {
  if (!(await exists(file))) return settingsSchema.parse({});
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(decodeText(await readFile(file))));
    if (parsed.success) return parsed.data;
    diagnostics.push(...parsed.error.issues.map((i) => problem('BAD_SETTINGS', { file, column: i.path.join('.'), detail: i.message })));
  } catch (e) {
    diagnostics.push(problem('BAD_SETTINGS', { file, detail: (e as Error).message }));
  }
  return settingsSchema.parse({});
}

export const hasErrors = (folder: CheckedDataFolder): boolean => folder.diagnostics.some(isError);
