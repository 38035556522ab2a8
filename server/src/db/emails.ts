import { sql } from 'kysely';
import { storable, type Db } from './transaction.js';
import type { EmailMessagesTable } from './tables.js';

export type EmailRow = EmailMessagesTable;

export async function queueEmail(db: Db, row: EmailRow): Promise<void> {
  await db.insertInto('email_messages').values(row).execute();
}

export function queuedEmails(db: Db, limit = 20): Promise<EmailRow[]> {
  return db.selectFrom('email_messages').selectAll().where('status', '=', 'queued').orderBy('created_at').orderBy('id').limit(limit).execute();
}

/**
 * Sent (or written to the outbox): the bodies, which may hold a link's secret, are emptied. False
 * when the record has gone meanwhile (an erasure or the purge deleted it while it was being sent).
 */
export async function markSent(db: Db, id: string, now: string, file: string | null): Promise<boolean> {
  const result = await db.updateTable('email_messages').set({ status: 'sent', sent_at: now, text_body: null, html_body: null, file }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function emailsOfPledge(db: Db, pledgeId: string): Promise<EmailRow[]> {
  return db.selectFrom('email_messages').selectAll().where('pledge_id', '=', pledgeId).orderBy('created_at').execute();
}

/**
 * `column` holds `address` whatever the case of either: addresses are stored as typed. (SQLite's
 * `lower` folds ASCII letters only, PostgreSQL's every letter; addresses are nearly always ASCII.)
 */
export const sameAddress = (column: string, address: string) => sql<boolean>`lower(${sql.ref(column)}) = ${address.toLowerCase()}`;

/** How many records of email sent (or waiting to go) are held: each names its recipient. */
export async function countEmails(db: Db): Promise<number> {
  const row = await db.selectFrom('email_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function emailsTo(db: Db, address: string): Promise<EmailRow[]> {
  if (!storable(address)) return [];
  return db.selectFrom('email_messages').selectAll().where(sameAddress('to_address', address)).orderBy('created_at').execute();
}

export function recentEmails(db: Db, limit = 100): Promise<EmailRow[]> {
  return db.selectFrom('email_messages').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

/** Records deleted, and the outbox files they named (which the caller removes once committed). */
export interface DeletedEmails {
  deleted: number;
  files: string[];
}

const deleted = (rows: { file: string | null }[]): DeletedEmails => ({
  deleted: rows.length,
  files: rows.flatMap((row) => (row.file ? [row.file] : [])),
});

export async function deleteEmailsOfPledge(db: Db, pledgeId: string): Promise<DeletedEmails> {
  return deleted(await db.deleteFrom('email_messages').where('pledge_id', '=', pledgeId).returning('file').execute());
}

export async function deleteEmailsTo(db: Db, address: string): Promise<DeletedEmails> {
  if (!storable(address)) return { deleted: 0, files: [] };
  return deleted(await db.deleteFrom('email_messages').where(sameAddress('to_address', address)).returning('file').execute());
}

/** Takes a queued message for sending (one sender wins when several servers share the database). */
export async function claimEmail(db: Db, id: string, attempts: number): Promise<boolean> {
  const result = await db
    .updateTable('email_messages')
    .set({ attempts: attempts + 1 })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordContent(db: Db, id: string, subject: string): Promise<void> {
  await db.updateTable('email_messages').set({ subject }).where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: string): Promise<void> {
  await db.updateTable('email_messages').set({ status: 'failed', text_body: null, html_body: null }).where('id', '=', id).execute();
}
