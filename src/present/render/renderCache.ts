import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from '../writeAtomically.js';

/**
 * What a report draws that need not be drawn again: a chart's SVG (and PNG)
 * and the font subset, in a folder kept between runs, one file per entry
 * named by the SHA-256 of everything the entry depends on. A run on unchanged
 * data then draws nothing; a changed figure changes its chart's spec, so only
 * that chart is drawn again.
 *
 * The key never lets a stale file through: it holds the input (the spec, the
 * SVG, the characters), the font files' bytes, the versions of the libraries
 * that draw (vega and vega-lite with every package they pull in, opentype.js,
 * resvg) and the text of the engine's own drawing code. An entry that cannot
 * be read is a miss; entries are written beside their name and renamed, so
 * two processes sharing the folder never see half of one.
 */
export interface RenderCache {
  /** The entry's bytes, or undefined when there is none (or it cannot be read). */
  get(kind: CacheKind, key: string): Promise<Buffer | undefined>;
  put(kind: CacheKind, key: string, content: string | Uint8Array): Promise<void>;
  /** Removes entries no run has used for {@link STALE_DAYS} days. */
  prune(now?: Date): Promise<void>;
}

/** The kinds of entry, one subfolder each. */
export type CacheKind = 'svg' | 'png' | 'font';

/** An entry unused this long is removed by {@link RenderCache.prune}. */
const STALE_DAYS = 30;
/** Bumped when an entry's layout changes. */
const FORMAT = 'kpi-render-cache/1';

/** A cache in `folder`, created when first written to. */
export function renderCache(folder: string): RenderCache {
  const file = (kind: CacheKind, key: string) => join(folder, kind, key);
  return {
    async get(kind, key) {
      try {
        const bytes = await readFile(file(kind, key));
        const now = new Date();
        // Marks the entry as used, so prune keeps it; a failure here costs only a redraw later.
        await utimes(file(kind, key), now, now).catch(() => {});
        return bytes;
      } catch {
        return undefined;
      }
    },
    async put(kind, key, content) {
      // A cache that cannot be written (a full disk, a read-only home) only means drawing again next time.
      await mkdir(join(folder, kind), { recursive: true })
        .then(() => writeAtomically([{ file: file(kind, key), content }]))
        .catch(() => {});
    },
    async prune(now = new Date()) {
      const before = now.getTime() - STALE_DAYS * 24 * 3600 * 1000;
      for (const kind of ['svg', 'png', 'font'] as const) {
        const names = await readdir(join(folder, kind)).catch(() => [] as string[]);
        await Promise.all(
          names.map(async (name) => {
            const path = join(folder, kind, name);
            const s = await stat(path).catch(() => undefined);
            if (s && s.mtimeMs < before) await rm(path, { force: true });
          }),
        );
      }
    },
  };
}

/**
 * Where the CLI keeps its cache: `$KPI_CACHE_DIR`, else `kpi` under
 * `$XDG_CACHE_HOME` or `~/.cache`. Outside any output folder, so a
 * publication holds only its own files, and shared by every output folder:
 * entries are named by their content's inputs, so sharing is safe.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KPI_CACHE_DIR) return env.KPI_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kpi');
}

/** SHA-256 of the parts, in order, each delimited so that no two lists of parts give the same text. */
export const cacheKey = (...parts: readonly (string | Uint8Array)[]): string => {
  const hash = createHash('sha256').update(FORMAT);
  for (const part of parts) hash.update(`\0${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}\0`).update(part);
  return hash.digest('hex');
};

const here = dirname(fileURLToPath(import.meta.url));
/** `.js` when running compiled, `.ts` under the test runner: the engine's own modules are found beside this one. */
const ownExtension = extname(fileURLToPath(import.meta.url));

/**
 * The versions of `packages` and of every package they depend on, as
 * installed, Node's version, and the text of the engine's modules
 * `ownModules` (beside this one): what a drawing depends on besides its input
 * and the fonts.
 */
export function codeFingerprint(packages: readonly string[], ownModules: readonly string[]): string {
  const seen = new Map<string, string>();
  const visit = (name: string, from: string) => {
    if (seen.has(name)) return;
    const manifest = packageManifest(name, from);
    seen.set(name, manifest?.version ?? 'missing');
    if (manifest) for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, manifest.path);
  };
  for (const name of packages) visit(name, here);
  const versions = [...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, version]) => `${name}@${version}`);
  const sources = ownModules.map((name) => readFileSync(join(here, `${name}${ownExtension}`)));
  return cacheKey(`node@${process.versions.node}`, versions.join(' '), ...sources);
}

interface Manifest {
  readonly path: string;
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
}

/** A package's package.json as Node would find it from `from` (many packages export no `./package.json`: found from the entry point up). */
function packageManifest(name: string, from: string): Manifest | undefined {
  const local = createRequire(join(from, 'noop.js'));
  const starts: string[] = [];
  try {
    starts.push(dirname(local.resolve(name)));
  } catch {
    // No entry point for `require` (ESM-only or types-only): look in the node_modules folders above instead.
    for (let dir = from; ; dir = dirname(dir)) {
      starts.push(join(dir, 'node_modules', name));
      if (dirname(dir) === dir) break;
    }
  }
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; dependencies?: Record<string, string> };
        if (manifest.name === name) return { path: dir, version: manifest.version, dependencies: manifest.dependencies };
      } catch {
        // not here: go up
      }
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}
