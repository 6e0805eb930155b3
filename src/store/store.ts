import { open as openFile, stat } from 'node:fs/promises';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbSettings } from '../model/duckdbSettings.js';
import { FileAccessError, onFile } from '../diagnostics/fileAccessError.js';
import { SCHEMA_VERSION, schemaStatements } from './schema.js';

export type Params = Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/**
 * The embedded DuckDB database: one file holding regions, definitions,
 * targets, every observation revision, the load and run log and results.
 */
export class Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  /**
   * Opens (creating if needed) the database file and its tables. Use
   * `:memory:` for a throwaway store. DuckDB lets one process at a time
   * write a file: if another holds it, this waits up to `waitSeconds`
   * (default 0) and then throws {@link StoreBusyError}. With `existing`, the
   * file must already be a kpi database (read-only commands never create one).
   * A file that is not a DuckDB database, an empty file included, is never
   * touched: {@link StoreUnusableError}. DuckDB never installs or loads an
   * extension by itself (everything the engine uses is built in), so opening
   * a file never reaches the network. With `readOnly` (implies `existing`)
   * nothing is written, not even the table layout, and any number of
   * processes may read the file at once — but none may then write it, which
   * is why `kpi serve` reads a published snapshot, never the store itself.
   */
  static async open(path: string, options: { waitSeconds?: number; existing?: boolean; readOnly?: boolean } = {}): Promise<Store> {
    const readOnly = options.readOnly === true;
    if (path !== ':memory:') await checkDatabaseFile(path, options.existing === true || readOnly);
    const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
    let instance: DuckDBInstance;
    for (;;) {
      try {
        instance = await DuckDBInstance.create(path, { ...duckdbSettings(), ...(readOnly ? { access_mode: 'READ_ONLY' } : {}) });
        break;
      } catch (e) {
        const message = String((e as Error).message);
        const holder = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
        if (!holder) throw duckdbFileAccessError(e, path, 'create') ?? (/not a valid DuckDB database|database file with version|storage version/i.test(message) ? new StoreUnusableError(path, 'refused', oneLine(message)) : e);
        if (Date.now() >= deadline) throw new StoreBusyError(path, Number(holder[2]));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const connection = await instance.connect();
    const store = new Store(instance, connection, path);
    try {
      await store.checkVersion(options.existing === true || readOnly, readOnly);
    } catch (e) {
      store.close();
      throw duckdbFileAccessError(e, path, 'write') ?? e;
    }
    return store;
  }

  private async checkVersion(existing: boolean, readOnly: boolean): Promise<void> {
    const tables = new Set((await this.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((t) => t.name));
    if (tables.has('runs') && !tables.has('meta')) throw new StoreVersionError(this.path, 1);
    if (existing && !tables.has('meta')) throw new StoreUnusableError(this.path, 'not-kpi');
    if (!readOnly) for (const statement of schemaStatements) await this.connection.run(statement);
    const stored = await this.one<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!stored && readOnly) throw new StoreUnusableError(this.path, 'not-kpi');
    if (!stored) await this.run("INSERT INTO meta VALUES ('schema_version', $v)", { v: String(SCHEMA_VERSION) });
    else if (Number(stored.value) !== SCHEMA_VERSION) throw new StoreVersionError(this.path, Number(stored.value));
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as plain objects; BIGINT comes back as a JS number when it fits. */
  async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
      return out as T;
    });
  }

  async one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Runs `work` in one transaction: it commits whole or rolls back whole. The
   * error that stopped it is the one thrown: when DuckDB has already ended the
   * transaction (a failed COMMIT, a fatal error), the ROLLBACK's own "no
   * transaction is active" is dropped. A full disk or another IO failure
   * becomes a {@link FileAccessError} naming the file.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (e) {
      try {
        await this.connection.run('ROLLBACK');
      } catch {
        // Already rolled back by DuckDB; what matters is `e`.
      }
      throw duckdbFileAccessError(e, this.path, 'write') ?? e;
    }
  }

  /** Runs `work` inside a transaction that is always rolled back: whatever it wrote is never stored (`kpi run --dry-run`). */
  async rolledBack<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      return await work();
    } finally {
      await this.connection.run('ROLLBACK');
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Another process is writing the database (DuckDB allows one writer per file). */
export class StoreBusyError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`数据库正被另一个进程（PID ${pid}）使用，请等它完成后再运行，或加 --wait 秒数 / the database ${path} is in use by another process (PID ${pid}); run again when it has finished, or pass --wait <seconds>`);
    this.name = 'StoreBusyError';
  }
}

/** The database was made by an engine with another table layout. */
export class StoreVersionError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
  ) {
    super(`数据库 ${path} 的结构版本为 ${found}，本引擎需要 ${SCHEMA_VERSION}；请用新的 --out 或 --db 重新运行 / the database has schema version ${found}, this engine needs ${SCHEMA_VERSION}: run into a new --out or --db`);
    this.name = 'StoreVersionError';
  }
}

/** Why a file cannot serve as the database. */
export type UnusableReason = 'missing' | 'empty' | 'foreign' | 'not-kpi' | 'refused';

const unusable: Record<UnusableReason, string> = {
  missing: '这里没有数据库文件：先运行 kpi run --data … --out …，或用 --db 指定数据库 / there is no database file there: run kpi run --data … --out … first, or pass --db',
  empty: '这是一个空文件（0 字节），不是数据库：删除它，或用 --db / --out 指定另一个文件 / it is an empty file (0 bytes), not a database: delete it, or pass another --db / --out',
  foreign: '这不是 DuckDB 数据库：用 --db / --out 指定另一个文件（本引擎不会覆盖它）/ it is not a DuckDB database: pass another --db / --out (the engine leaves this file alone)',
  'not-kpi': '这是 DuckDB 数据库，但不是 kpi 写的（没有 meta 表）：用 --db 指定 kpi run 写出的数据库 / a DuckDB database, but not one kpi wrote (no meta table): pass the --db kpi run wrote',
  refused: 'DuckDB 无法打开它（文件损坏，或由另一版本的 DuckDB 写出）：用 --db / --out 指定另一个文件 / DuckDB cannot open it (damaged, or written by another DuckDB version): pass another --db / --out',
};

/** The file named as the database cannot be one: missing (for a read), empty, another kind of file, or refused by DuckDB. */
export class StoreUnusableError extends Error {
  constructor(
    readonly path: string,
    readonly reason: UnusableReason,
    /** What the file looks like, or DuckDB's words. */
    readonly detail?: string,
  ) {
    super(`数据库 database ${path}${detail ? `（${detail}）` : ''}：${unusable[reason]}`);
    this.name = 'StoreUnusableError';
  }
}

const DUCKDB_MAGIC = 'DUCK';

/** Refuses, before DuckDB sees it, a path that is a folder, an empty file or a file of another kind; with `existing`, a missing one. */
async function checkDatabaseFile(path: string, existing: boolean): Promise<void> {
  let size: number;
  try {
    const facts = await stat(path);
    if (facts.isDirectory()) throw new FileAccessError(path, 'read', 'EISDIR');
    size = facts.size;
  } catch (e) {
    if (e instanceof FileAccessError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new FileAccessError(path, 'read', code, e);
    if (existing) throw new StoreUnusableError(path, 'missing');
    return;
  }
  if (size === 0) throw new StoreUnusableError(path, 'empty');
  const head = await onFile(path, 'read', async () => {
    const file = await openFile(path, 'r');
    try {
      const buffer = Buffer.alloc(16);
      const { bytesRead } = await file.read(buffer, 0, 16, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  });
  if (head.subarray(8, 12).toString('latin1') !== DUCKDB_MAGIC) throw new StoreUnusableError(path, 'foreign', looksLike(head));
}

/** A plain name for the kind of file `head` (its first bytes) begins. */
function looksLike(head: Buffer): string {
  const text = head.toString('latin1');
  if (text.startsWith('SQLite format 3\0')) return '这是 SQLite 数据库 a SQLite database';
  if (text.startsWith('PAR1')) return '这是 Parquet 文件 a Parquet file';
  if (text.startsWith('PK\x03\x04')) return '这是 ZIP 或 Excel 文件 a ZIP or Excel file';
  if (head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return '这是文本文件，如 CSV a text file, such as a CSV';
  return '文件开头没有 DuckDB 的标记 the file does not begin as a DuckDB file does';
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** OS error text DuckDB passes on (strerror), mapped back to its code. */
const osCodeByText: readonly (readonly [RegExp, string])[] = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/File too large/i, 'EFBIG'],
  [/Permission denied/i, 'EACCES'],
  [/Operation not permitted/i, 'EPERM'],
  [/Read-only file system/i, 'EROFS'],
  [/Not a directory/i, 'ENOTDIR'],
  [/Is a directory/i, 'EISDIR'],
  [/Too many levels of symbolic links/i, 'ELOOP'],
  [/No such file or directory/i, 'ENOENT'],
  [/Input\/output error/i, 'EIO'],
];

/**
 * A DuckDB error that is really the operating system refusing a file (a full
 * disk, no permission, a folder that cannot hold the file) as a
 * {@link FileAccessError} naming the file; `undefined` for any other error.
 */
export function duckdbFileAccessError(e: unknown, fallbackPath: string | undefined, operation: FileAccessError['operation']): FileAccessError | undefined {
  if (!(e instanceof Error) || e instanceof FileAccessError) return e instanceof FileAccessError ? e : undefined;
  const message = e.message;
  const fileVerb = /(Could not (write|read|fsync|truncate|open|create)|Cannot open file|Could not set lock on file|Failed to (create|open) (file|directory))/i.test(message);
  const osCode = osCodeByText.find(([pattern]) => pattern.test(message))?.[1] ?? (fileVerb && /IO Error/i.test(message) ? 'EIO' : undefined);
  if (osCode === undefined || !(fileVerb || /IO Error/i.test(message))) return undefined;
  const path = /file "([^"]+)"/i.exec(message)?.[1] ?? /"([^"]+)"/.exec(message)?.[1] ?? fallbackPath;
  if (path === undefined) return undefined;
  const op = /Could not read/i.test(message) ? 'read' : /Could not write|fsync|truncate/i.test(message) ? 'write' : operation;
  return new FileAccessError(path, op, osCode, e);
}
