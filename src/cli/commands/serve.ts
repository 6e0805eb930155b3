import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDatabases } from '../../engine/findDatabase.js';
import { servedSnapshot } from '../../engine/servedSnapshot.js';
import { osErrorCode } from '../../diagnostics/fileAccessError.js';
import { webOrigin } from '../../settings.js';
import { startServer } from '../../serve/startServer.js';
import { lastPublished } from '../../store/runs.js';
import { Store, StoreUnusableError } from '../../store/store.js';
import { serveHelp } from '../help.js';
import type { Terminal } from '../terminal.js';
import { UsageError } from '../terminal.js';

/** Runs until the process is asked to stop (Ctrl-C, SIGTERM); `stopped` lets a caller end it instead. */
export async function serveCommand(args: string[], term: Terminal, stopped: Promise<void> = signalled()): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      cors: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    term.out(serveHelp);
    return 0;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port 应为 0–65535 的端口号 / must be a port number: "${values.port}"`);
  const cors = values.cors?.split(',').map((o) => o.trim()).filter((o) => o !== '');
  const badOrigin = cors?.find((o) => !webOrigin.safeParse(o).success);
  if (badOrigin !== undefined) throw new UsageError(`--cors 应为逗号分隔的网页来源，如 https://dash.example.org / must be origins such as https://dash.example.org: "${badOrigin}"`);
  const candidates = values.db ? [values.db] : defaultDatabases(values.out ?? '.');
  const db = candidates.find((f) => existsSync(f));
  if (!db) throw new StoreUnusableError(candidates.join(' 或 or '), 'missing');

  const snapshot = await servedSnapshot(db);
  const corsOrigins = cors ?? (await publishedCorsOrigins(snapshot));
  const host = values.host ?? '127.0.0.1';
  let server;
  try {
    server = await startServer({ snapshot, host, port, corsOrigins });
  } catch (e) {
    if (osErrorCode(e) === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用，请用 --port 换一个 / port ${port} is in use: pass another --port`);
    if (osErrorCode(e) === 'EADDRNOTAVAIL' || osErrorCode(e) === 'ENOTFOUND') throw new UsageError(`--host ${host} 不是本机地址 / is not an address of this machine`);
    throw e;
  }
  term.out(`kpi serve: ${server.url}/ （仪表板 dashboard）  ${server.url}/openapi.json （接口说明 API）`);
  term.out(`读取 serving ${snapshot}：每次 kpi run 发布后自动换为新的结果 every kpi run's publication is served as soon as it is published`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') term.err(`注意 note: 监听 listening on ${host}，本机以外也可访问 reachable from other machines`);
  if (corsOrigins.length > 0) term.out(`CORS: ${corsOrigins.join(', ')}`);
  term.progress('按 Ctrl-C 停止 press Ctrl-C to stop');
  await stopped;
  await server.close();
  term.progress('已停止 stopped');
  return 0;
}

/** The CORS origins the latest publication's settings allow. */
async function publishedCorsOrigins(snapshot: string): Promise<string[]> {
  const store = await Store.open(snapshot, { readOnly: true });
  try {
    return (await lastPublished(store))?.settings.corsOrigins ?? [];
  } finally {
    store.close();
  }
}

const signalled = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
