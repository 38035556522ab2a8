import { storable, type Db } from './transaction.js';
import type { CompactsTable } from './tables.js';

export type CompactRow = CompactsTable;

/** Ids come from addresses anyone can type: one with a NUL names no compact (transaction.ts `storable`). */
export async function findCompact(db: Db, id: string): Promise<CompactRow | undefined> {
  if (!storable(id)) return undefined;
  return db.selectFrom('compacts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What the feed cache needs to know whether its copy is current: one small indexed read. */
export async function compactRevision(db: Db, id: string): Promise<Pick<CompactRow, 'revision' | 'updated_at'> | undefined> {
  if (!storable(id)) return undefined;
  return db.selectFrom('compacts').select(['revision', 'updated_at']).where('id', '=', id).executeTakeFirst();
}

export function listCompacts(db: Db): Promise<Pick<CompactRow, 'id' | 'revision' | 'updated_at'>[]> {
  return db.selectFrom('compacts').select(['id', 'revision', 'updated_at']).orderBy('id').execute();
}

export async function insertCompact(db: Db, id: string, document: string, now: string): Promise<void> {
  await db.insertInto('compacts').values({ id, document, revision: 1, created_at: now, updated_at: now }).execute();
}

export async function updateCompactDocument(db: Db, id: string, document: string, now: string): Promise<void> {
  await db
    .updateTable('compacts')
    .set((eb) => ({ document, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Marks the published feed as changed (a signatory was added, edited or withdrawn). */
export async function touchCompact(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('compacts')
    .set((eb) => ({ updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
