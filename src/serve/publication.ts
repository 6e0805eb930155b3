import { stat } from 'node:fs/promises';
import { osErrorCode } from '../diagnostics/fileAccessError.js';
import type { ContextSelection } from '../engine/loadRunContext.js';
import { loadRunContext } from '../engine/loadRunContext.js';
import type { RunContext } from '../present/runContext.js';
import { Store, StoreUnusableError } from '../store/store.js';

/** Which file the server reads, as it stands: a new file at the path (a new publication) has another identity. */
interface FileIdentity {
  readonly ino: number;
  readonly mtimeMs: number;
  readonly size: number;
}

const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;

/** How many runs' contexts one snapshot keeps in memory (the latest and a few a dashboard compared it with). */
const CONTEXTS_KEPT = 4;

/**
 * One published snapshot, open read-only. Its store is used by one request
 * at a time (the run's working set lives in temp tables of its connection),
 * and the contexts of the runs asked for are kept.
 */
export class Snapshot {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly contexts = new Map<string, Promise<RunContext>>();
  private readonly memos = new Map<string, Promise<unknown>>();
  private users = 0;
  private retired = false;

  constructor(
    private readonly store: Store,
    readonly file: FileIdentity,
    /** When the snapshot was published: the Last-Modified of everything served from it. */
    readonly publishedAt: Date,
  ) {}

  /** Runs `work` on the store when no other request is using it. */
  use<T>(work: (store: Store) => Promise<T>): Promise<T> {
    this.users++;
    const turn = this.queue.then(() => work(this.store));
    this.queue = turn.catch(() => {});
    return turn.finally(() => {
      this.users--;
      this.closeIfDone();
    });
  }

  /** The context of a run (default the latest published), loaded once. */
  context(selection: ContextSelection = {}): Promise<RunContext> {
    const key = String(selection.runId ?? 'latest');
    let context = this.contexts.get(key);
    if (!context) {
      context = this.use((store) => loadRunContext(store, selection));
      context.catch(() => this.contexts.delete(key));
      this.contexts.set(key, context);
      while (this.contexts.size > CONTEXTS_KEPT) this.contexts.delete(this.contexts.keys().next().value as string);
    }
    return context;
  }

  /**
   * What `make` gives for `key`, made once per snapshot (a rendered 通报, a
   * run's rows): a snapshot never changes, so neither does anything made from it.
   */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memos.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      value.catch(() => this.memos.delete(key));
      this.memos.set(key, value);
    }
    return value;
  }

  /** Closes the store once the requests still using it are done. */
  retire(): void {
    this.retired = true;
    this.closeIfDone();
  }

  private closeIfDone(): void {
    if (this.retired && this.users === 0) this.store.close();
  }
}

/**
 * The publication a server serves: the snapshot file at `path`, reopened
 * whenever a run has renamed a new one into place. The server never opens
 * the store itself, so it never stands in a run's way.
 */
export class Publication {
  private current: Snapshot | undefined;
  private opening: Promise<Snapshot> | undefined;

  constructor(readonly path: string) {}

  /** The snapshot as it is now, opened if the file changed since the last request. */
  async snapshot(): Promise<Snapshot> {
    const facts = await stat(this.path).catch((e: unknown) => {
      if (osErrorCode(e) === 'ENOENT') throw new StoreUnusableError(this.path, 'missing');
      throw e;
    });
    const file = { ino: facts.ino, mtimeMs: facts.mtimeMs, size: facts.size };
    if (this.current && sameFile(this.current.file, file)) return this.current;
    this.opening ??= this.open(file, facts.mtime).finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async open(file: FileIdentity, publishedAt: Date): Promise<Snapshot> {
    const next = new Snapshot(await Store.open(this.path, { readOnly: true }), file, publishedAt);
    this.current?.retire();
    this.current = next;
    return next;
  }

  close(): void {
    this.current?.retire();
    this.current = undefined;
  }
}
