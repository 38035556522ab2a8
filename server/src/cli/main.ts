#!/usr/bin/env node
/**
 * compact-server: run the server, and the officer's commands.
 *
 *   compact-server serve
 *   compact-server import <feed.json | URL | -> [--replace]
 *   compact-server publish --out <dir>
 *   compact-server pledges list [--compact ID] [--status pending|unconfirmed|confirmed|info_requested|approved|rejected|expired] [--json]
 *   compact-server pledges show <id>
 *   compact-server pledges approve <id>
 *   compact-server pledges reject <id> --reason "…"
 *   compact-server users add <email> --role admin|moderator|editor [--compact ID]
 *   compact-server users list [--json]
 *
 * Configuration comes from the environment (README: PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, …).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DatabaseError, openDatabase, type Database } from '../db/database.js';
import { err, out, Refused, UsageError } from './output.js';
import { importCommand, publishCommand } from './compacts.js';
import { pledgesCommand } from './pledges.js';
import { serveCommand } from './serve.js';
import { usersCommand } from './users.js';

const USAGE = `Usage:
  compact-server serve
  compact-server import <feed.json | URL | -> [--replace]
  compact-server publish --out <dir>
  compact-server pledges list [--compact ID] [--status pending|unconfirmed|confirmed|info_requested|approved|rejected|expired] [--json]
  compact-server pledges show <id>
  compact-server pledges approve <id>
  compact-server pledges reject <id> --reason "…"
  compact-server users add <email> --role admin|moderator|editor [--compact ID]
  compact-server users list [--json]`;

export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serveCommand(config);
    case 'import': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { replace: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new UsageError('import takes one feed: a file, a URL or - for standard input');
      return withDatabase(config, (database) => importCommand(database, positionals[0], Boolean(values.replace)));
    }
    case 'publish': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      if (!values.out) throw new UsageError('publish needs --out <dir>');
      return withDatabase(config, (database) => publishCommand(database, config, values.out!));
    }
    case 'pledges':
      return withDatabase(config, (database) => pledgesCommand(database, rest));
    case 'users':
      return withDatabase(config, (database) => usersCommand(database, config, rest));
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`compact-server: ${(error as Error).message}`);
      err(USAGE);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      err(`compact-server: configuration: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof Refused || error instanceof DatabaseError) {
      err(`compact-server: ${error.message}`);
      process.exitCode = 1;
    } else {
      err(`compact-server: ${(error as Error).stack ?? error}`);
      process.exitCode = 1;
    }
  },
);
