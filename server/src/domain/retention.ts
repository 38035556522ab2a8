/**
 * Retention (docs/data-protection.md): unconfirmed pledges expire after CONFIRM_DAYS (expireUnconfirmed
 * says from when); contact details (and the champion's name, and any answer the organisation wrote)
 * of rejected and expired pledges are deleted RETENTION_DAYS after the decision, and of withdrawn
 * signatories RETENTION_DAYS after they left. Each deletion is in the audit log without the data. Running it twice deletes nothing twice.
 */
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import { decidedBeforeUnpurged, deleteContact, findPledge, markPurged, movePledge, unconfirmedPast } from '../db/pledges.js';
import { deleteEmailsOfPledge } from '../db/emails.js';
import { withdrawnBefore } from '../db/signatory-edits.js';
import { audit, SYSTEM } from './audit.js';
import type { Clock } from './clock.js';
import { forgetExpiredSessions } from './sessions.js';

export interface RetentionResult {
  expired: number;
  purged: number;
}

/**
 * When an unconfirmed pledge expires: CONFIRM_DAYS after its latest link was written (`confirm_by`,
 * set by mail/dispatch.ts once the message carrying it has gone, so a resend starts the time again), or, if no
 * link was ever written, CONFIRM_DAYS after the pledge arrived. Without the second rule a pledge
 * whose confirmation was never written (the sender gave up on it, say because each of its attempts
 * failed to read the database) would keep its contact's name and address for ever. The rule is
 * read here, not set as a `confirm_by` at submission, so that `confirm_by` stays the date of a link
 * someone was sent (the link's page and the admin show it), and so that pledges already stored
 * without one expire too, with no migration.
 */
export function expiryOf(pledge: { confirm_by?: string | null; created_at: string }, confirmDays: number): string {
  return pledge.confirm_by ?? new Date(Date.parse(pledge.created_at) + confirmDays * 86_400_000).toISOString();
}

export async function expireUnconfirmed(db: Db, clock: Clock, confirmDays: number): Promise<number> {
  const now = clock();
  const period = confirmDays * 86_400_000;
  let expired = 0;
  for (const pledge of await unconfirmedPast(db, now.toISOString(), new Date(now.getTime() - period).toISOString())) {
    await inTransaction(db, async (tx) => {
      const moved = await movePledge(tx, pledge.id, ['unconfirmed'], {
        status: 'expired',
        // It expired when its time ran out, whenever the job noticed: retention counts from then.
        decided_at: expiryOf(pledge, confirmDays),
        decided_by: SYSTEM.id,
      });
      if (!moved) return;
      expired++;
      await audit(tx, SYSTEM, now, { action: 'pledge.expire', compactId: pledge.compact_id, subject: { type: 'pledge', id: pledge.id }, before: { status: 'unconfirmed' }, after: { status: 'expired' } });
    });
  }
  return expired;
}

export interface RetentionOptions {
  retentionDays: number;
  /** CONFIRM_DAYS: how long an unconfirmed pledge waits. */
  confirmDays: number;
  clock: Clock;
  /** Removes the outbox copies of deleted email records (mail/transport.ts), once their deletion is committed. */
  removeOutboxFiles: (files: string[]) => void;
}

async function purgePledge(db: Db, pledgeId: string, why: string, options: RetentionOptions): Promise<boolean> {
  const files = await inTransaction(db, async (tx) => {
    const pledge = await findPledge(tx, pledgeId);
    if (!pledge || pledge.purged_at) return undefined;
    const now = options.clock();
    const contacts = await deleteContact(tx, pledgeId);
    const emails = await deleteEmailsOfPledge(tx, pledgeId);
    await markPurged(tx, pledgeId, now.toISOString());
    await audit(tx, SYSTEM, now, {
      action: 'retention.purge',
      compactId: pledge.compact_id,
      subject: { type: 'pledge', id: pledgeId },
      after: { why, contactDetailsDeleted: contacts, emailRecordsDeleted: emails.deleted },
    });
    return emails.files;
  });
  if (files) options.removeOutboxFiles(files);
  return files !== undefined;
}

export async function runRetention(db: Db, options: RetentionOptions): Promise<RetentionResult> {
  const expired = await expireUnconfirmed(db, options.clock, options.confirmDays);
  const before = new Date(options.clock().getTime() - options.retentionDays * 86_400_000).toISOString();
  let purged = 0;
  for (const pledge of await decidedBeforeUnpurged(db, before)) {
    if (await purgePledge(db, pledge.id, `${pledge.status} more than ${options.retentionDays} days ago`, options)) purged++;
  }
  for (const signatory of await withdrawnBefore(db, before)) {
    if (await purgePledge(db, signatory.pledge_id!, `signatory withdrawn more than ${options.retentionDays} days ago`, options)) purged++;
  }
  await forgetExpiredSessions(db, options.clock);
  return { expired, purged };
}
