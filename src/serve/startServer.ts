import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { AppOptions } from './app.js';
import { serverApp } from './app.js';
import { Publication } from './publication.js';

/** Where `kpi serve` listens and what it serves. */
export interface ServerOptions extends AppOptions {
  /** The published snapshot to serve (`kpi.published.duckdb` beside the store). */
  readonly snapshot: string;
  /** Default 127.0.0.1: only this machine. */
  readonly host?: string;
  /** Default 8080; 0 for any free port. */
  readonly port?: number;
}

/** A server that is listening: its address, and how to stop it. */
export interface RunningServer {
  /** `http://127.0.0.1:8080`, as a browser reaches it. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts `kpi serve`'s HTTP server on a publication's snapshot. It never
 * opens the store itself, so `kpi run` goes on as usual while it serves;
 * each request reads the snapshot as it is at that moment.
 *
 * @example
 * const server = await startServer({ snapshot: 'out/suqian/kpi.published.duckdb', port: 0 });
 * const periods = await (await fetch(`${server.url}/periods`)).json();
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const publication = new Publication(options.snapshot);
  const host = options.host ?? '127.0.0.1';
  const server = createAdaptorServer({ fetch: serverApp(publication, options).fetch, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        publication.close();
      }),
  };
}
