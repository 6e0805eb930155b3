import { settleStagedRuns } from '../publish/settleRuns.js';
import { Store } from '../store/store.js';
import { UsageError } from './terminal.js';

/**
 * Opens an existing kpi database named by --db, for the read-only commands
 * (runs, history, explain, diff). A missing, empty or foreign file is a
 * {@link StoreUnusableError} (exit 3), never a new empty store.
 */
export async function openDatabase(db: string | undefined): Promise<Store> {
  if (!db) throw new UsageError('需要 --db 指定数据库文件，如 out/suqian/kpi.duckdb / --db <file> is required');
  const store = await Store.open(db, { existing: true });
  try {
    // A run stopped between its switch and its status update is settled first, so readers see what <out> shows.
    await settleStagedRuns(store);
  } catch (e) {
    store.close();
    throw e;
  }
  return store;
}
