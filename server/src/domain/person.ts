/**
 * A person's rights (UK GDPR articles 15 and 17): everything held about an email address, as JSON,
 * and its erasure. Both are in the audit log, which records that they happened and how much was
 * found, never the address itself.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import { contactsWithEmail, deleteContact, findPledge, markPurged } from '../db/pledges.js';
import { deleteEmailsTo, emailsTo } from '../db/emails.js';
import { findUserByEmail, rolesOf } from '../db/users.js';
import { audit, type Actor } from './audit.js';
import type { Clock } from './clock.js';
import { normaliseEmail } from './users.js';

/** How the audit log refers to the person: a short hash, so that two entries about one person can be matched by someone who already knows the address, but the log itself does not hold it. */
const reference = (email: string) => createHash('sha256').update(`person:${email}`).digest('hex').slice(0, 12);

export async function personData(db: Db, emailInput: string) {
  const email = normaliseEmail(emailInput);
  const contacts = await contactsWithEmail(db, email);
  const pledges = [];
  for (const contact of contacts) {
    const pledge = await findPledge(db, contact.pledge_id);
    if (!pledge) continue;
    pledges.push({
      pledgeId: pledge.id,
      compactId: pledge.compact_id,
      status: pledge.status,
      receivedAt: pledge.created_at,
      organisation: JSON.parse(pledge.organisation),
      contact: { name: contact.name, email: contact.email, ...(contact.role ? { role: contact.role } : {}) },
      ...(pledge.champion ? { champion: JSON.parse(pledge.champion) } : {}),
      ...(pledge.info_answer ? { answerToQuestion: pledge.info_answer } : {}),
      language: pledge.locale,
    });
  }
  const emails = (await emailsTo(db, email)).map((e) => ({ kind: e.kind, subject: e.subject, status: e.status, queuedAt: e.created_at, sentAt: e.sent_at }));
  const user = await findUserByEmail(db, email);
  const staff = user ? { email: user.email, createdAt: user.created_at, roles: (await rolesOf(db, user.id)).map((r) => ({ role: r.role, compact: r.compact_id })), secondFactor: user.totp_enabled === 1 } : undefined;
  return { email, pledges, emails, ...(staff ? { staffAccount: staff } : {}) };
}

export async function exportPerson(db: Db, email: string, actor: Actor, clock: Clock) {
  const data = await personData(db, email);
  await audit(db, actor, clock(), { action: 'person.export', subject: { type: 'person', id: reference(data.email) }, after: { pledges: data.pledges.map((p) => p.pledgeId), emails: data.emails.length } });
  return { exportedAt: clock().toISOString(), ...data };
}

/**
 * Deletes the person's contact details from every pledge and every record of mail to them, and then
 * (`removeOutboxFiles`, mail/transport.ts) the outbox copies of that mail.
 */
export async function erasePerson(
  db: Db,
  emailInput: string,
  actor: Actor,
  clock: Clock,
  removeOutboxFiles: (files: string[]) => void,
): Promise<{ pledges: number; emails: number }> {
  const email = normaliseEmail(emailInput);
  const erased = await inTransaction(db, async (tx) => {
    const contacts = await contactsWithEmail(tx, email);
    const now = clock();
    for (const contact of contacts) {
      await deleteContact(tx, contact.pledge_id);
      await markPurged(tx, contact.pledge_id, now.toISOString());
    }
    const emails = await deleteEmailsTo(tx, email);
    await audit(tx, actor, now, { action: 'person.erase', subject: { type: 'person', id: reference(email) }, after: { pledges: contacts.map((c) => c.pledge_id), emailRecordsDeleted: emails.deleted } });
    return { pledges: contacts.length, emails };
  });
  removeOutboxFiles(erased.emails.files);
  return { pledges: erased.pledges, emails: erased.emails.deleted };
}
