/**
 * The retention purge and confirmation expiry, on an in-process timer (PURGE_INTERVAL_MINUTES), once
 * at start too. Idempotent: a run that finds nothing to do does nothing, and two servers sharing a
 * database cannot delete or expire anything twice (each change is conditional on the row's state).
 */
import type { Db } from '../db/transaction.js';
import { runRetention, type RetentionOptions, type RetentionResult } from '../domain/retention.js';

export interface RetentionJob {
  run(): Promise<RetentionResult | undefined>;
  stop(): void;
}

export function startRetentionJob(
  db: Db,
  /** `onError`: a run that failed, for `logUnexpected` (a database error's message may quote values). */
  options: RetentionOptions & { intervalMinutes: number; onError: (error: unknown) => void },
): RetentionJob {
  let running: Promise<RetentionResult | undefined> | undefined;
  const run = () =>
    (running ??= runRetention(db, options)
      .catch((error) => {
        options.onError(error);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(run, options.intervalMinutes * 60_000);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
