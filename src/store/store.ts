import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
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
   * (default 0) and then throws {@link StoreBusyError}.
   */
  static async open(path: string, options: { waitSeconds?: number } = {}): Promise<Store> {
    const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
    let instance: DuckDBInstance;
    for (;;) {
      try {
        instance = await DuckDBInstance.create(path);
        break;
      } catch (e) {
        const holder = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(String((e as Error).message));
        if (!holder) throw e;
        if (Date.now() >= deadline) throw new StoreBusyError(path, Number(holder[2]));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const connection = await instance.connect();
    const store = new Store(instance, connection, path);
    try {
      await store.checkVersion();
    } catch (e) {
      store.close();
      throw e;
    }
    return store;
  }

  private async checkVersion(): Promise<void> {
    const tables = new Set((await this.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((t) => t.name));
    if (tables.has('runs') && !tables.has('meta')) throw new StoreVersionError(this.path, 1);
    for (const statement of schemaStatements) await this.connection.run(statement);
    const stored = await this.one<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
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

  /** Runs `work` in one transaction: it commits whole or rolls back whole. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
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
