/**
 * Staff sessions, kept in the database: the cookie holds a random token, the table its SHA-256.
 * Signing out deletes the row; "sign out everywhere" deletes every row of the user.
 */
import { inTransaction, type Db } from '../db/transaction.js';
import { deleteExpiredSessions, deleteSession, deleteSessionsOf, findSession, insertSession, touchSession } from '../db/sessions.js';
import { audit, type Actor } from './audit.js';
import type { Clock } from './clock.js';
import { hashSecret, newSecret } from './secrets.js';
import { staffUser, type StaffUser } from './users.js';

export interface SessionLookup {
  user: StaffUser;
  /** Between the password and the TOTP code: only the code page may be used. */
  mfaPending: boolean;
}

/**
 * A new session, with a new token. `replaces` is the token the browser came with, if any (another
 * user's, or this user's from before, or the half-way one of the code step): it ends in the same
 * transaction, so that no sign-in leaves an older token working beside the new one.
 */
export async function startSession(db: Db, userId: string, options: { hours: number; mfaPending: boolean; clock: Clock; replaces?: string }): Promise<string> {
  const token = newSecret();
  const now = options.clock();
  // The step between password and code gets a short life of its own.
  const hours = options.mfaPending ? Math.min(options.hours, 0.25) : options.hours;
  await inTransaction(db, async (tx) => {
    if (options.replaces) await deleteSession(tx, hashSecret(options.replaces));
    await insertSession(tx, {
      token_hash: hashSecret(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      mfa_pending: options.mfaPending ? 1 : 0,
    });
  });
  return token;
}

export async function lookupSession(db: Db, token: string | undefined, clock: Clock): Promise<SessionLookup | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await findSession(db, hashSecret(token));
  const now = clock().toISOString();
  if (!row || row.expires_at <= now) return undefined;
  const user = await staffUser(db, row.user_id);
  if (!user) return undefined;
  // Seen-at to the minute is enough, and saves a write on every request.
  if (row.last_seen_at.slice(0, 16) !== now.slice(0, 16)) await touchSession(db, row.token_hash, now);
  return { user, mfaPending: row.mfa_pending === 1 };
}

export async function endSession(db: Db, token: string, actor: Actor, clock: Clock): Promise<void> {
  await deleteSession(db, hashSecret(token));
  await audit(db, actor, clock(), { action: 'signout', subject: { type: 'user', id: actor.id.replace(/^user:/, '') } });
}

export async function endAllSessions(db: Db, userId: string, actor: Actor, clock: Clock): Promise<number> {
  const ended = await deleteSessionsOf(db, userId);
  await audit(db, actor, clock(), { action: 'signout.everywhere', subject: { type: 'user', id: userId }, after: { sessionsEnded: ended } });
  return ended;
}

export function forgetExpiredSessions(db: Db, clock: Clock): Promise<number> {
  return deleteExpiredSessions(db, clock().toISOString());
}
