/**
 * Retention (docs/data-protection.md): unconfirmed pledges expire after CONFIRM_DAYS (expireUnconfirmed
 * says from when); contact details (and the champion's name, and any answer the organisation wrote)
 * of rejected and expired pledges are deleted RETENTION_DAYS after the decision, and of withdrawn
 * signatories RETENTION_DAYS after they left. Set-password links go a while after they were used or
 * expired (forgetFinishedPasswordLinks says how long), and spreadsheet uploads nobody can apply any
 * more go at once. Each deletion is in the audit log without the data. Running it twice deletes
 * nothing twice.
 */
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import { contactsHeldByStatus, decidedBeforeUnpurged, deleteContact, findPledge, markPurged, movePledge, unconfirmedPast } from '../db/pledges.js';
import { countEmails, deleteEmailsOfPledge } from '../db/emails.js';
import type { PledgeStatus } from '../db/tables.js';
import { withdrawnBefore } from '../db/signatory-edits.js';
import { deleteFinishedPasswordTokens } from '../db/users.js';
import { deleteAbandonedUploads } from '../db/authoring.js';
import { audit, SYSTEM } from './audit.js';
import type { Clock } from './clock.js';
import { forgetExpiredSessions } from './sessions.js';
import { PENDING_UPLOAD_MINUTES, pendingUploadsFrom } from './authoring/round-trip.js';

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
  /** SET_PASSWORD_HOURS: how long a set-password link works. */
  setPasswordHours: number;
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

/**
 * Deletes the set-password links that were used, or expired, more than SET_PASSWORD_HOURS ago.
 * Until then the link's page still says "used already" or "expired" (users.ts checkPasswordLink),
 * which tells its holder what to do; after, it says the link does not work, as for a mistyped one.
 * A link's own lifetime is as long as its holder was given to get to it, so it is the wait given
 * after it too: someone opening a link they were sent a little late still reads why it fails, and
 * the row (it names the account and when it was made) is not kept for longer than the link itself
 * was. The account's history in the audit log still says when each was made and its password set.
 */
async function forgetFinishedPasswordLinks(db: Db, options: RetentionOptions): Promise<void> {
  await inTransaction(db, async (tx) => {
    const now = options.clock();
    const deleted = await deleteFinishedPasswordTokens(tx, new Date(now.getTime() - options.setPasswordHours * 3_600_000).toISOString());
    if (!deleted) return;
    await audit(tx, SYSTEM, now, {
      action: 'retention.password-links',
      after: { why: `used or expired more than ${options.setPasswordHours} hours ago`, setPasswordLinksDeleted: deleted },
    });
  });
}

/**
 * Deletes the spreadsheet uploads waiting for "Apply" that can no longer be applied: older than
 * PENDING_UPLOAD_MINUTES, or made in a session that has ended (only that session may apply one, see
 * the upload routes). Their rows are the whole file as read, every column of it: organisations'
 * names, and whatever else the officer's spreadsheet held, a contact's email say.
 */
async function forgetAbandonedUploads(db: Db, clock: Clock): Promise<void> {
  await inTransaction(db, async (tx) => {
    const now = clock();
    const deleted = await deleteAbandonedUploads(tx, pendingUploadsFrom(now), now.toISOString());
    if (!deleted) return;
    await audit(tx, SYSTEM, now, {
      action: 'retention.uploads',
      after: { why: `not applied within ${PENDING_UPLOAD_MINUTES} minutes, or their session ended`, pendingUploadsDeleted: deleted },
    });
  });
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
  await forgetFinishedPasswordLinks(db, options);
  await forgetAbandonedUploads(db, options.clock);
  return { expired, purged };
}

/** One kind of contact details held, for the data protection officer's view (admin, "A person's data"). */
export interface HeldContacts {
  what: string;
  count: number;
  /** The oldest such pledge's arrival (an instant). */
  oldestReceived?: string;
  /** When the next of them is deleted, if the purge will get to it by itself (an instant). */
  nextDeletion?: string;
  deletedWhen: string;
}

/**
 * The pledges' contact details held now, grouped by what happens to them next, and the email
 * records: a data protection officer's answer to "what do we hold, and until when", without
 * reading anyone's details.
 */
export async function personalDataHeld(db: Db, options: { retentionDays: number; confirmDays: number }) {
  const [byStatus, emailRecords] = await Promise.all([contactsHeldByStatus(db), countEmails(db)]);
  const { retentionDays, confirmDays } = options;
  const group = (statuses: PledgeStatus[], what: string, deletedWhen: string, deletesItself = false): HeldContacts => {
    const rows = byStatus.filter((row) => statuses.includes(row.status));
    const oldest = (values: (string | undefined)[]) => values.filter((v): v is string => !!v).sort()[0];
    const decided = oldest(rows.map((row) => row.oldestDecided));
    const received = oldest(rows.map((row) => row.oldestReceived));
    return {
      what,
      count: rows.reduce((sum, row) => sum + row.count, 0),
      ...(received ? { oldestReceived: received } : {}),
      ...(deletesItself && decided ? { nextDeletion: new Date(Date.parse(decided) + retentionDays * 86_400_000).toISOString() } : {}),
      deletedWhen,
    };
  };
  return {
    contacts: [
      group(['unconfirmed'], 'Waiting for the contact to confirm', `If not confirmed within ${confirmDays} days the pledge expires, and its contact's details are deleted ${retentionDays} days after that`),
      group(['pending', 'confirmed', 'info_requested'], 'Waiting for a moderator’s decision, or for an answer to a question', 'Not until a moderator decides'),
      group(['approved'], 'Approved: the contacts of signatories', `${retentionDays} days after the organisation withdraws`),
      group(['rejected', 'expired'], 'Rejected or expired, not yet deleted', `${retentionDays} days after the decision or expiry`, true),
    ],
    emailRecords,
  };
}
