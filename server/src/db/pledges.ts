import type { Db } from './transaction.js';
import type { IdempotencyKeysTable, PledgeContactsTable, PledgeStatus, PledgesTable } from './tables.js';

export type PledgeRow = PledgesTable;
export type ContactRow = PledgeContactsTable;
export type StoredAnswer = Pick<IdempotencyKeysTable, 'body_hash' | 'status' | 'response'>;

export function findStoredAnswer(db: Db, compactId: string, key: string): Promise<StoredAnswer | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['body_hash', 'status', 'response'])
    .where('compact_id', '=', compactId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function storeAnswer(db: Db, row: IdempotencyKeysTable): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}

/** Keys older than `before` (ISO time) are forgotten. */
export async function deleteAnswersBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A pending or approved pledge for the same organisation (by normalised name or identifier). */
export function findLivePledge(db: Db, compactId: string, nameKey: string, orgKey: string | null): Promise<Pick<PledgeRow, 'id'> | undefined> {
  return db
    .selectFrom('pledges')
    .select('id')
    .where('compact_id', '=', compactId)
    .where('status', 'in', ['pending', 'approved'])
    .where((eb) => (orgKey ? eb.or([eb('name_key', '=', nameKey), eb('org_key', '=', orgKey)]) : eb('name_key', '=', nameKey)))
    .executeTakeFirst();
}

export async function insertPledge(db: Db, pledge: PledgeRow, contact: ContactRow): Promise<void> {
  await db.insertInto('pledges').values(pledge).execute();
  await db.insertInto('pledge_contacts').values(contact).execute();
}

export function findPledge(db: Db, id: string): Promise<PledgeRow | undefined> {
  return db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findContact(db: Db, pledgeId: string): Promise<ContactRow | undefined> {
  return db.selectFrom('pledge_contacts').selectAll().where('pledge_id', '=', pledgeId).executeTakeFirst();
}

export interface PledgeFilter {
  compactId?: string;
  status?: PledgeStatus;
}

export function listPledges(db: Db, filter: PledgeFilter = {}): Promise<PledgeRow[]> {
  let query = db.selectFrom('pledges').selectAll();
  if (filter.compactId) query = query.where('compact_id', '=', filter.compactId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function countPledges(db: Db, compactId?: string): Promise<number> {
  let query = db.selectFrom('pledges').select((eb) => eb.fn.countAll().as('n'));
  if (compactId) query = query.where('compact_id', '=', compactId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records a decision on a pending pledge; false when it was no longer pending (someone else decided). */
export async function decidePledge(
  db: Db,
  id: string,
  decision: Pick<PledgeRow, 'status' | 'decided_at' | 'decided_by' | 'reason' | 'signatory_id'>,
): Promise<boolean> {
  const result = await db
    .updateTable('pledges')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
