/** compact-server as a library: what the CLI, the demo and the tests use. */
export { loadConfig, ConfigError, type Config } from './config.js';
export { openDatabase, DatabaseError, type Database } from './db/database.js';
export { startServer, type RunningServer, type StartOptions } from './server.js';
export { buildApp } from './http/app.js';
export { importFeed, listCompacts } from './domain/compacts.js';
export { buildFeed, serialiseFeed, pledgeEndpoint } from './domain/feed.js';
export { submitPledge, approvePledge, rejectPledge, pledgeSummaries, pledgeDetails, DecisionError } from './domain/pledges.js';
export { systemClock, type Clock } from './domain/clock.js';
export { SYSTEM, cliActor, type Actor } from './domain/audit.js';
