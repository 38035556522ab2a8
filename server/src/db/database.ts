/**
 * Opens the one database the server keeps everything in: SQLite in DATA_DIR by default (nothing to
 * install or start), PostgreSQL when DATABASE_URL is set. Migrations run on every open.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Tables } from './tables.js';
import { migrate } from './migrate.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Tables>;
  dialect: Dialect;
  /** Where it is, for messages: the SQLite file, or the PostgreSQL host and database (no password). */
  location: string;
  close(): Promise<void>;
}

export class DatabaseError extends Error {}

export const SQLITE_FILE = 'compact.sqlite';

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize) : openSqlite(options.dataDir);
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw new DatabaseError(`The database at ${database.location} could not be prepared: ${(error as Error).message}`);
  }
  return database;
}

function openSqlite(dataDir: string): Database {
  // The file holds every contact's details: kept to the server's user, as the outbox is. A folder or
  // file that is already there keeps the mode it has (the operator's to set).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SQLITE_FILE);
  const existed = existsSync(file);
  // Made here, empty (which SQLite reads as a new database), because better-sqlite3 would make it
  // with the umask's mode (0644 with the usual 022). SQLite gives its -wal and -shm files the
  // database file's own mode, so they follow. Opening to append changes neither the bytes nor the
  // mode of a file made meanwhile by another process.
  if (!existed) closeSync(openSync(file, 'a', 0o600));
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
    // WAL lets the CLI read while the server writes; FULL makes every acknowledged commit survive a
    // power cut, not only a crash of the process. busy_timeout lets the CLI and server share the file.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    if (existed) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    }
  } catch (error) {
    // A damaged file is reported and left exactly as it is: never replaced by an empty database.
    throw new DatabaseError(
      `The data file ${file} is damaged or is not a compact-server database (${(error as Error).message}). ` +
        'It has not been changed. Restore it from a backup, or move it aside to start with an empty database.',
    );
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function openPostgres(connectionString: string, poolSize = 10): Database {
  const url = new URL(connectionString);
  const location = `postgres://${url.host}${url.pathname}`;
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // A dropped idle connection must not crash the server; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}
