/** A real compact-server on loopback, in this process, on a database of its own. */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createServer } from 'node:net';
import { loadConfig, startServer, importFeed, SYSTEM, type Config, type RunningServer } from '../../src/index.js';
import type { Clock } from '../../src/domain/clock.js';
import { freshDatabase } from './database.js';

export const REPO = new URL('../../../', import.meta.url);
export const sampleFeed = (name: string) => readFileSync(new URL(`demo/feeds/${name}.json`, REPO), 'utf8');

export interface TestServer {
  url: string;
  config: Config;
  server: RunningServer;
  /** Every log line the server wrote, for checking that nothing personal is logged. */
  logs: string[];
  stop(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Sample feeds (demo/feeds/<name>.json) to import before the server starts. */
  feeds?: string[];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { dataDir, databaseUrl } = await freshDatabase();
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    PLEDGE_RATE_LIMIT: '100000',
    // Tests look at a change the moment it is made; the revalidation window has a test of its own.
    FEED_REVALIDATE_MS: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  // Feeds name the server's public address, so the port is chosen before it starts.
  const port = String(env.PORT === '0' ? await freePort() : env.PORT);
  const config = loadConfig({ ...env, PORT: port, PUBLIC_URL: env.PUBLIC_URL ?? `http://127.0.0.1:${port}` });
  const server = await startServer(config, { clock: options.clock, logStream });
  for (const name of options.feeds ?? []) {
    const result = await importFeed(server.database.db, sampleFeed(name), { clock: options.clock ?? (() => new Date()), actor: SYSTEM });
    if (!result.ok) throw new Error(`could not import ${name}: ${JSON.stringify(result)}`);
  }
  return { url: server.address, config, server, logs, stop: () => server.stop() };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
