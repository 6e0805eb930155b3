import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/*
 * A private PostgreSQL server for a test: Debian's postgresql-15 binaries,
 * a fresh cluster in a temp folder, listening on 127.0.0.1 only, stopped by
 * the test. PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the `postgres` user Debian's package creates.
 */
const run = promisify(execFile);
const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((b) => existsSync(join(b, 'initdb')));

/** Why a PostgreSQL test cannot run here, or undefined when it can. */
export const postgresMissing: string | undefined = BIN === undefined ? 'skipped: PostgreSQL server binaries (Debian postgresql) not installed — .ci/run installs them' : undefined;

export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

export async function startPostgres(): Promise<PostgresServer> {
  if (BIN === undefined) throw new Error(postgresMissing);
  const folder = await mkdtemp(join(tmpdir(), 'kpi-pg-'));
  const data = join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  const as = async (command: string, args: readonly string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, [...args]);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(folder, 0o700);
  await as(join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  await as(join(BIN, 'pg_ctl'), ['-D', data, '-l', join(folder, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off`, 'start']);
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    stop: async () => {
      await as(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
