/** Authoring's queries: the compact document written against a known revision, pending uploads, signatories by the sheet, history in a period. */
import { storable, type Db } from './transaction.js';
import type { PendingUploadsTable, SignatoriesTable } from './tables.js';
import type { SignatoryHistoryRow } from './signatory-edits.js';

/**
 * Writes the document only if the compact is still at `revision` (read in the same transaction):
 * answers false when another save got there first, so nobody's edit is silently overwritten.
 */
export async function writeCompactDocument(db: Db, id: string, revision: number, document: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('compacts')
    .set((eb) => ({ document, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every signatory of a compact, active or withdrawn, in order. */
export function allSignatories(db: Db, compactId: string): Promise<SignatoriesTable[]> {
  return db.selectFrom('signatories').selectAll().where('compact_id', '=', compactId).orderBy('position').orderBy('id').execute();
}

export async function insertSignatoryRow(db: Db, row: SignatoriesTable): Promise<void> {
  await db.insertInto('signatories').values(row).execute();
}

export async function updateSignatoryRow(db: Db, row: SignatoriesTable): Promise<void> {
  const { compact_id, id, ...changes } = row;
  await db.updateTable('signatories').set(changes).where('compact_id', '=', compact_id).where('id', '=', id).execute();
}

/** Signatory history of a compact from `from` (inclusive) to `to` (exclusive), ISO instants, in the order written. */
export function historyBetween(db: Db, compactId: string, from: string, to: string): Promise<SignatoryHistoryRow[]> {
  return db
    .selectFrom('signatory_history')
    .selectAll()
    .where('compact_id', '=', compactId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('seq')
    .execute();
}

export async function savePendingUpload(db: Db, row: PendingUploadsTable, olderThan: string): Promise<void> {
  await db.deleteFrom('pending_uploads').where('created_at', '<', olderThan).execute();
  await db
    .deleteFrom('pending_uploads')
    .where('session_hash', '=', row.session_hash)
    .where('compact_id', '=', row.compact_id)
    .where('kind', '=', row.kind)
    .execute();
  await db.insertInto('pending_uploads').values(row).execute();
}

export async function findPendingUpload(db: Db, id: string, sessionHash: string, compactId: string): Promise<PendingUploadsTable | undefined> {
  if (!storable(id, compactId)) return undefined;
  return db
    .selectFrom('pending_uploads')
    .selectAll()
    .where('id', '=', id)
    .where('session_hash', '=', sessionHash)
    .where('compact_id', '=', compactId)
    .executeTakeFirst();
}

export async function deletePendingUpload(db: Db, id: string): Promise<void> {
  await db.deleteFrom('pending_uploads').where('id', '=', id).execute();
}

/**
 * Deletes the uploads made before `madeBefore`, and those whose session has ended (signed out, ended
 * by a new password or a disabled account, or past its expiry at `now`): nobody can apply them any
 * more. Answers how many.
 */
export async function deleteAbandonedUploads(db: Db, madeBefore: string, now: string): Promise<number> {
  const result = await db
    .deleteFrom('pending_uploads')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', madeBefore),
        eb('session_hash', 'not in', eb.selectFrom('sessions').select('token_hash').where('expires_at', '>', now)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Bumps the revision only if it is still `revision` (a spreadsheet applied against what it was previewed with). */
export async function bumpRevision(db: Db, id: string, revision: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('compacts')
    .set((eb) => ({ updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
