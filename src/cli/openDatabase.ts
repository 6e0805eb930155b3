import { existsSync } from 'node:fs';
import { Store } from '../store/store.js';
import { UsageError } from './terminal.js';

/** Opens an existing database named by --db; a missing file is a usage mistake, never a new empty store. */
export async function openDatabase(db: string | undefined): Promise<Store> {
  if (!db) throw new UsageError('需要 --db 指定数据库文件，如 out/suqian/kpi.duckdb / --db <file> is required');
  if (!existsSync(db)) throw new UsageError(`数据库文件不存在 / no database at ${db}`);
  return Store.open(db);
}
