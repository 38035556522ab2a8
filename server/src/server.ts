/**
 * Opening the database, starting the HTTP server and stopping both cleanly. Used by
 * `compact-server serve`, the demo (`npm start`) and the tests.
 */
import type { FastifyInstance, FastifyServerFactory } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { buildApp } from './http/app.js';
import type { Clock } from './domain/clock.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  address: string;
  /** Stops taking connections, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  serverFactory?: FastifyServerFactory;
  logStream?: NodeJS.WritableStream;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, database, ...options });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    throw error;
  }
  const bound = app.server.address();
  const address = typeof bound === 'object' && bound ? `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}` : String(bound);
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    address,
    stop: () =>
      (stopping ??= (async () => {
        // Requests in flight finish; their keep-alive connections are closed as each goes idle,
        // rather than lingering until the keep-alive timeout.
        const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
        try {
          await app.close();
        } finally {
          clearInterval(sweep);
        }
        await database.close();
      })()),
  };
}
