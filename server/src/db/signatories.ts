import type { Db } from './transaction.js';
import type { SignatoriesTable } from './tables.js';

export type SignatoryRow = SignatoriesTable;

/** What the feed lists: active signatories that agreed to be published, in their order. */
export function publishedSignatories(db: Db, compactId: string): Promise<Pick<SignatoryRow, 'id' | 'data'>[]> {
  return db
    .selectFrom('signatories')
    .select(['id', 'data'])
    .where('compact_id', '=', compactId)
    .where('status', '=', 'active')
    .where('published', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** An active signatory with this normalised name or identifier, if any. */
export function findActiveSignatory(
  db: Db,
  compactId: string,
  nameKey: string,
  orgKey: string | null,
): Promise<Pick<SignatoryRow, 'id'> | undefined> {
  return db
    .selectFrom('signatories')
    .select('id')
    .where('compact_id', '=', compactId)
    .where('status', '=', 'active')
    .where((eb) => (orgKey ? eb.or([eb('name_key', '=', nameKey), eb('org_key', '=', orgKey)]) : eb('name_key', '=', nameKey)))
    .executeTakeFirst();
}

export async function signatoryIdTaken(db: Db, compactId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('signatories').select('id').where('compact_id', '=', compactId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function nextSignatoryPosition(db: Db, compactId: string): Promise<number> {
  const row = await db
    .selectFrom('signatories')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('compact_id', '=', compactId)
    .executeTakeFirst();
  return Number(row?.max ?? -1) + 1;
}

export async function upsertSignatory(db: Db, row: SignatoryRow): Promise<void> {
  await db
    .insertInto('signatories')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['compact_id', 'id']).doUpdateSet({
        data: row.data,
        name_key: row.name_key,
        org_key: row.org_key,
        status: row.status,
        published: row.published,
        position: row.position,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
