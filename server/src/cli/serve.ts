import type { Config } from '../config.js';
import { startServer } from '../server.js';

/** Runs until SIGINT or SIGTERM, then finishes the requests in flight and closes the database. */
export async function serveCommand(config: Config): Promise<undefined> {
  const server = await startServer(config);
  server.app.log.info(`compact-server on ${server.address} (${server.database.dialect}: ${server.database.location}); public address ${config.publicUrl}`);
  const stop = (signal: string) => {
    server.app.log.info(`${signal}: finishing requests in flight, then closing`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return undefined;
}
