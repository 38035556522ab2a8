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
import { auditAbout, auditBy, type AuditRow } from '../db/audit.js';
import { sessionsOf } from '../db/sessions.js';
import { findSignatory } from '../db/signatory-edits.js';
import { findUserByEmail, passwordTokensOf, rolesOf } from '../db/users.js';
import { audit, SYSTEM, type Actor } from './audit.js';
import type { Clock } from './clock.js';
import { CONTACT } from './moderation.js';
import { actorOf, normaliseEmail } from './users.js';

/** How the audit log refers to the person: a short hash, so that two entries about one person can be matched by someone who already knows the address, but the log itself does not hold it. */
const reference = (email: string) => createHash('sha256').update(`person:${email}`).digest('hex').slice(0, 12);

/**
 * Who did something, as a subject access export names them. The organisation's contact and the
 * server itself as the audit log labels them; members of staff by what they are, not by name or
 * address: they are other people (UK GDPR art. 15(4), DPA 2018 sch. 2 para. 16), and the requester
 * is owed what was done with their data, when and why. The pledge's page in the admin names them,
 * if the council decides to give a name. `self` is the person's own staff account, if any.
 */
function actedBy(actor: string, self?: string): string {
  if (self && actor === self) return 'you';
  if (actor === SYSTEM.id) return 'compact-server, automatically';
  if (actor === CONTACT.id) return CONTACT.label;
  if (actor.startsWith('cli:')) return 'a council officer, at the command line';
  return 'a member of the council’s staff';
}

/** What each entry means, in words (the code stays beside it, for finding it in the audit log). */
const WHAT: Record<string, string> = {
  'pledge.confirm': 'The pledge was confirmed through the emailed link',
  'pledge.confirm.resend': 'The confirmation link was sent again',
  'pledge.info.ask': 'A moderator asked a question about the pledge',
  'pledge.info.answer': 'The question was answered through the emailed link',
  'pledge.approve': 'The pledge was approved',
  'pledge.reject': 'The pledge was rejected',
  'pledge.duplicate': 'The pledge was closed as a duplicate: the organisation had signed, or another pledge for it was confirmed first',
  'pledge.expire': 'The pledge expired without being confirmed',
  'retention.purge': 'Contact details were deleted under the retention rules',
  'person.export': 'Everything held about this address was exported',
  'person.erase': 'The data held about this address was erased',
  'user.add': 'The staff account was created',
  'user.role.add': 'A role was given to the account',
  'user.role.remove': 'A role was taken from the account',
  'user.disable': 'The account was disabled',
  'user.enable': 'The account was enabled again',
  'user.password.set': 'The password was set',
  'user.totp.enable': 'Two-step sign-in was turned on',
  'user.totp.disable': 'Two-step sign-in was turned off',
  'user.totp.disable-refused': 'Turning two-step sign-in off was refused (a wrong code)',
  signin: 'Signed in',
  'signin.password': 'The password was accepted; a code from the authenticator app was asked for next',
  'signin.failed': 'A sign-in failed',
  'signin.code-failed': 'A sign-in failed at its second step (a wrong code)',
  'signin.locked': 'A sign-in failed and locked the account',
  'signin.refused-locked': 'A sign-in was refused: the account was locked',
  signout: 'Signed out',
  'signout.everywhere': 'Signed out everywhere',
  // What a member of staff can do besides (in their own export's list of actions).
  'signatory.add': 'A signatory was added',
  'signatory.edit': 'A signatory was edited',
  'signatory.withdraw': 'A signatory was withdrawn',
  'signatory.reinstate': 'A signatory was reinstated',
  'compact.edit': 'The compact’s text was edited',
  'action.edit': 'An action of the action plan was edited',
  'action-plan.upload': 'The action plan was replaced from a spreadsheet',
  'consultation.add': 'A consultation was added',
  'consultation.edit': 'A consultation was edited',
  'audit.export': 'The audit log was downloaded',
};

const json = (text: string | null) => (text === null ? undefined : (JSON.parse(text) as unknown));

/** Logged as the account's own (its address was typed), but made by whoever typed the password. */
const ATTEMPTS_ON_THE_ACCOUNT = new Set(['signin.failed', 'signin.code-failed', 'signin.locked', 'signin.refused-locked']);

/** An audit entry about the person, their pledge or their account: what it records, in full. */
function entry(row: AuditRow, self?: string) {
  const before = json(row.before);
  const after = json(row.after);
  return {
    at: row.at,
    what: WHAT[row.action] ?? row.action,
    action: row.action,
    by: ATTEMPTS_ON_THE_ACCOUNT.has(row.action) ? 'whoever tried to sign in with this address' : actedBy(row.actor, self),
    ...(before !== undefined || after !== undefined ? { details: { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) } } : {}),
  };
}

const NOTES = [
  'What compact-server holds about this email address, found by the address whatever the case of its letters. These notes say what is not in it, and why.',
  'Members of staff are named by what they are (“a member of the council’s staff”), not by name: they are other people. The admin shows who they were.',
  'Pledges whose contact details were deleted (by the retention rules or an erasure) are no longer linked to the address, and are not listed.',
  'A signatory made from an approved pledge is the organisation’s published record: its id is given with the decision, and the record and its history are on the signatory’s page in the admin.',
  'Where no mail server is set, a copy of each email is kept in the server’s outbox: “outboxCopy” names the file, which an administrator of every compact can download from the admin’s Email page (/admin/outbox/ and the file’s name).',
];
const STAFF_NOTES = [
  'The password is held only as a hash, and the second-factor secret as set up: neither is given here, as neither tells anything about the person and either would help someone sign in as them.',
  // The retention run deletes them (retention.ts, forgetFinishedPasswordLinks): an empty list is not a gap.
  'Set-password links are deleted once they have been used or have expired, after as long again as they were valid for, so only recent ones are listed. The account’s history below still says when the account was created and each time its password was set.',
];

export async function personData(db: Db, emailInput: string) {
  const email = normaliseEmail(emailInput);
  const user = await findUserByEmail(db, email);
  const self = user ? actorOf(user).id : undefined;
  const pledges = [];
  for (const contact of await contactsWithEmail(db, email)) {
    const pledge = await findPledge(db, contact.pledge_id);
    if (!pledge) continue;
    const signatory = pledge.signatory_id ? await findSignatory(db, pledge.compact_id, pledge.signatory_id) : undefined;
    pledges.push({
      pledgeId: pledge.id,
      compactId: pledge.compact_id,
      status: pledge.status,
      receivedAt: pledge.created_at,
      language: pledge.locale,
      organisation: JSON.parse(pledge.organisation),
      contact: { name: contact.name, email: contact.email, ...(contact.role ? { role: contact.role } : {}) },
      ...(pledge.champion ? { champion: JSON.parse(pledge.champion) } : {}),
      pledgeText: pledge.pledge_text,
      consent: { publishTheOrganisationsName: pledge.consent_publish === 1, contactAboutTheCompact: pledge.consent_contact === 1 },
      confirmation: {
        linksSent: pledge.sends ?? 0,
        ...(pledge.confirm_by ? { linkValidUntil: pledge.confirm_by } : {}),
        ...(pledge.confirmed_at ? { confirmedAt: pledge.confirmed_at } : {}),
      },
      ...(pledge.info_question ? { questionFromModerator: pledge.info_question } : {}),
      ...(pledge.info_answer ? { answerToQuestion: pledge.info_answer } : {}),
      ...(pledge.decided_at
        ? {
            decision: {
              outcome: pledge.status,
              decidedAt: pledge.decided_at,
              decidedBy: actedBy(pledge.decided_by ?? SYSTEM.id, self),
              ...(pledge.reason_code ? { reasonCode: pledge.reason_code } : {}),
              ...(pledge.reason ? { reason: pledge.reason } : {}),
              ...(signatory ? { signatory: { id: signatory.id, status: signatory.status, listedPublicly: signatory.published === 1 } } : {}),
            },
          }
        : {}),
      history: (await auditAbout(db, 'pledge', pledge.id)).map((row) => entry(row, self)),
    });
  }
  const emails = (await emailsTo(db, email)).map((e) => ({ kind: e.kind, subject: e.subject, status: e.status, queuedAt: e.created_at, sentAt: e.sent_at, ...(e.file ? { outboxCopy: e.file } : {}) }));
  const requests = (await auditAbout(db, 'person', reference(email))).map((row) => entry(row, self));
  const staff = user
    ? {
        email: user.email,
        createdAt: user.created_at,
        roles: (await rolesOf(db, user.id)).map((r) => ({ role: r.role, compact: r.compact_id })),
        secondFactor: user.totp_enabled === 1,
        ...(user.disabled_at ? { disabledAt: user.disabled_at } : {}),
        failedSignInsInARow: user.failed_signins,
        ...(user.locked_until ? { lockedUntil: user.locked_until } : {}),
        sessions: (await sessionsOf(db, user.id)).map((s) => ({ startedAt: s.created_at, lastSeenAt: s.last_seen_at, endsAt: s.expires_at })),
        setPasswordLinks: (await passwordTokensOf(db, user.id)).map((t) => ({ madeAt: t.created_at, validUntil: t.expires_at, usedAt: t.used_at })),
        history: (await auditAbout(db, 'user', user.id)).map((row) => entry(row, self)),
        // What they did, when, and to which pledge, signatory or compact, without the before and
        // after (organisations' records and other people's words); the staff accounts and people
        // they acted on are not named.
        actionsTaken: (await auditBy(db, actorOf(user).id))
          .filter((row) => !(row.subject_type === 'user' && row.subject_id === user.id))
          .map((row) => ({
            at: row.at,
            what: WHAT[row.action] ?? row.action,
            action: row.action,
            ...(row.compact_id ? { compact: row.compact_id } : {}),
            ...(row.subject_type && row.subject_id && !['user', 'person'].includes(row.subject_type) ? { about: { type: row.subject_type, id: row.subject_id } } : {}),
          })),
      }
    : undefined;
  return {
    notes: staff ? [...NOTES, ...STAFF_NOTES] : NOTES,
    email,
    pledges,
    emails,
    ...(requests.length ? { requestsAboutThisAddress: requests } : {}),
    ...(staff ? { staffAccount: staff } : {}),
  };
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
