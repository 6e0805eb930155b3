import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onFile, osErrorCode } from '../diagnostics/fileAccessError.js';

/**
 * An output folder holds one publication at a time, switched in one rename:
 *
 *   <out>/.kpi/pub-000007-3fa1c2d9/   the files of run 7, written aside
 *   <out>/.kpi/current → pub-000007-3fa1c2d9
 *   <out>/results.csv  → .kpi/current/results.csv   (one link per published entry)
 *
 * Everything of a run is written into its own `pub-…` folder first; the
 * `current` link is then replaced by `rename(2)`, which is atomic, so a
 * reader (and a run killed at any instant) sees either every file of the
 * old publication or every file of the new one, never a mix.
 */
const KPI_FOLDER = '.kpi';
const CURRENT = 'current';
/** The publication's own record, inside its folder (not linked into `<out>`). */
export const MANIFEST = '.publication.json';

export interface Staging {
  readonly out: string;
  /** The folder's name under `<out>/.kpi/`. */
  readonly name: string;
  /** Where the run writes its files. */
  readonly folder: string;
}

/** What a publication's manifest says: which run of which database it is. */
export interface Manifest {
  readonly runId: number;
  readonly db: string;
  readonly engineVersion: string;
  readonly entries: readonly string[];
}

const kpiFolder = (out: string): string => join(out, KPI_FOLDER);
const token = (): string => randomBytes(4).toString('hex');

/** Makes a fresh, private folder for run `runId`'s files. */
export async function stagePublication(out: string, runId: number): Promise<Staging> {
  const name = `pub-${String(runId).padStart(6, '0')}-${token()}`;
  const folder = join(kpiFolder(out), name);
  await onFile(folder, 'create', () => mkdir(folder, { recursive: true }));
  return { out, name, folder };
}

/** Drops a staged publication that will not be switched in (the run failed). */
export async function discardStaging(staging: Staging): Promise<void> {
  await rm(staging.folder, { recursive: true, force: true }).catch(() => {});
}

/** The name of the publication `<out>/.kpi/current` points at, or null when the folder has none yet. */
export async function currentPublication(out: string): Promise<string | null> {
  try {
    return await readlink(join(kpiFolder(out), CURRENT));
  } catch (e) {
    if (osErrorCode(e) === 'ENOENT' || osErrorCode(e) === 'EINVAL') return null;
    throw e;
  }
}

/**
 * Writes the manifest, makes sure every entry has its link in `<out>`, then
 * points `current` at the staged folder in one rename. Links for entries
 * that are new in this publication are made first (they resolve once the
 * switch happens); a plain file or folder of an older engine's layout in
 * their place is replaced after the switch.
 */
export async function switchPublication(staging: Staging, manifest: Omit<Manifest, 'entries'>): Promise<void> {
  const entries = (await onFile(staging.folder, 'list', () => readdir(staging.folder))).filter((e) => !e.startsWith('.')).sort();
  await onFile(join(staging.folder, MANIFEST), 'write', () => writeFile(join(staging.folder, MANIFEST), `${JSON.stringify({ ...manifest, entries }, null, 2)}\n`));
  const legacy: string[] = [];
  for (const entry of entries) if ((await linkState(staging.out, entry)) === 'occupied') legacy.push(entry);
  for (const entry of entries) if ((await linkState(staging.out, entry)) === 'missing') await placeLink(staging.out, entry);

  const pending = join(kpiFolder(staging.out), `${CURRENT}-${token()}`);
  await onFile(pending, 'create', () => symlink(staging.name, pending));
  await onFile(join(kpiFolder(staging.out), CURRENT), 'rename', () => rename(pending, join(kpiFolder(staging.out), CURRENT)));

  for (const entry of legacy) {
    const aside = join(kpiFolder(staging.out), `replaced-${token()}`);
    await onFile(join(staging.out, entry), 'rename', () => rename(join(staging.out, entry), aside));
    await placeLink(staging.out, entry);
  }
}

const linkTarget = (entry: string): string => join(KPI_FOLDER, CURRENT, entry);

/** `ours`: the link is in place; `missing`: nothing there; `occupied`: a file or folder that is not our link. */
async function linkState(out: string, entry: string): Promise<'ours' | 'missing' | 'occupied'> {
  const path = join(out, entry);
  try {
    const stat = await lstat(path);
    if (stat.isSymbolicLink() && (await readlink(path)) === linkTarget(entry)) return 'ours';
    return 'occupied';
  } catch (e) {
    if (osErrorCode(e) === 'ENOENT') return 'missing';
    throw e;
  }
}

async function placeLink(out: string, entry: string): Promise<void> {
  const pending = join(out, `.${entry}-${token()}.link`);
  await onFile(pending, 'create', () => symlink(linkTarget(entry), pending));
  // Renaming a link over a file (or another link) replaces it in one step.
  await onFile(join(out, entry), 'rename', () => rename(pending, join(out, entry)));
}

/**
 * Removes what no publication needs any more: other `pub-…` folders, links
 * whose entry the current publication does not have, and leftovers of a run
 * that was stopped. Call it only while holding the folder's lock.
 */
export async function tidyOutput(out: string): Promise<void> {
  const current = await currentPublication(out);
  const own = await readdir(kpiFolder(out)).catch(() => [] as string[]);
  for (const name of own) {
    const stale = (name.startsWith('pub-') && name !== current) || name.startsWith(`${CURRENT}-`) || name.startsWith('replaced-');
    if (stale) await rm(join(kpiFolder(out), name), { recursive: true, force: true }).catch(() => {});
  }
  const top = await readdir(out).catch(() => [] as string[]);
  for (const name of top) {
    const path = join(out, name);
    if (/^\..*\.link$/.test(name)) {
      await rm(path, { force: true }).catch(() => {});
      continue;
    }
    if ((await linkState(out, name).catch(() => 'occupied')) !== 'ours') continue;
    const resolves = await lstat(join(kpiFolder(out), CURRENT, name)).then(() => true, () => false);
    if (!resolves) await rm(path, { force: true }).catch(() => {});
  }
}
