/** Moderation's queries on signatories: one signatory, its history, editing and withdrawing. */
import { storable, type Db } from './transaction.js';
import type { Insertable, Selectable } from 'kysely';
import type { SignatoriesTable, SignatoryHistoryTable } from './tables.js';

export type SignatoryHistoryRow = Selectable<SignatoryHistoryTable>;

export async function findSignatory(db: Db, compactId: string, id: string): Promise<SignatoriesTable | undefined> {
  if (!storable(compactId, id)) return undefined;
  return db.selectFrom('signatories').selectAll().where('compact_id', '=', compactId).where('id', '=', id).executeTakeFirst();
}

export async function listSignatories(db: Db, compactIds: string[]): Promise<SignatoriesTable[]> {
  // `in ()` is not SQL: no compacts, no rows, and no query.
  if (compactIds.length === 0) return [];
  return db
    .selectFrom('signatories')
    .selectAll()
    .where('compact_id', 'in', compactIds)
    .orderBy('compact_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** All signatories with these keys (active or not), for the review queue's "possible duplicates". */
export function signatoriesLike(db: Db, compactId: string, nameKey: string, orgKey: string | null): Promise<SignatoriesTable[]> {
  return db
    .selectFrom('signatories')
    .selectAll()
    .where('compact_id', '=', compactId)
    .where((eb) => (orgKey ? eb.or([eb('name_key', '=', nameKey), eb('org_key', '=', orgKey)]) : eb('name_key', '=', nameKey)))
    .execute();
}

export async function updateSignatory(
  db: Db,
  compactId: string,
  id: string,
  changes: Pick<SignatoriesTable, 'data' | 'name_key' | 'org_key' | 'status' | 'published' | 'updated_at'> & { withdrawn_at: string | null },
): Promise<void> {
  await db.updateTable('signatories').set(changes).where('compact_id', '=', compactId).where('id', '=', id).execute();
}

/** `seq` is the database's to give: one written by hand could put an entry before an older one. */
export async function appendSignatoryHistory(db: Db, row: Omit<Insertable<SignatoryHistoryTable>, 'seq'>): Promise<void> {
  await db.insertInto('signatory_history').values(row).execute();
}

/** Oldest first, in the order written. */
export async function signatoryHistory(db: Db, compactId: string, id: string): Promise<SignatoryHistoryRow[]> {
  if (!storable(compactId, id)) return [];
  return db.selectFrom('signatory_history').selectAll().where('compact_id', '=', compactId).where('signatory_id', '=', id).orderBy('seq').execute();
}

/** Signatories withdrawn before `before` whose pledge still has contact details: for the purge. */
export function withdrawnBefore(db: Db, before: string): Promise<Pick<SignatoriesTable, 'pledge_id'>[]> {
  return db
    .selectFrom('signatories')
    .select('pledge_id')
    .where('status', '=', 'withdrawn')
    .where('withdrawn_at', '<', before)
    .where('pledge_id', 'is not', null)
    .execute();
}
