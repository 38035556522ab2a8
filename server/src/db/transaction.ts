import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;

/**
 * Whether a value typed by someone (an id from an address, an email address from a form) can be
 * stored at all: PostgreSQL's text cannot hold U+0000 and refuses a query that names one (an error,
 * not "none"), so a lookup by such a value answers "none" without asking, on either database.
 */
export const storable = (...values: string[]) => values.every((value) => !value.includes('\u0000'));

/** SQLite's "another process holds the write lock" and PostgreSQL's serialization failures. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code === '40001' || code === '40P01';
}

export interface TransactionOptions {
  /**
   * PostgreSQL's SERIALIZABLE, for a rule that reads some rows and writes others (no unique index
   * can hold it): two such transactions at once cannot both commit, and the loser is run again
   * and sees the winner. SQLite runs one writer at a time anyway, and ignores it.
   */
  serializable?: boolean;
}

/**
 * Runs `work` in one transaction. Retried a few times when the database says another writer got
 * there first (the CLI and the server share a SQLite file; PostgreSQL's serialization failures);
 * never retried for any other error.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const transaction = db.transaction();
      return await (options.serializable ? transaction.setIsolationLevel('serializable') : transaction).execute(work);
    } catch (error) {
      if (attempt >= 5 || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** A unique index refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs `work` in a transaction, and again (up to three times in all) when a unique index refuses
 * what it wrote: another request committed the same thing first, and the next run finds it.
 */
export async function retryOnUniqueViolation<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
