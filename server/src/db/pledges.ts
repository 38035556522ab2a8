import { storable, type Db } from './transaction.js';
import { sameAddress } from './emails.js';
import { NAME_HOLDING, UNDECIDED, type IdempotencyKeysTable, type PledgeContactsTable, type PledgeStatus, type PledgesTable } from './tables.js';

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

/**
 * The pledge that holds the organisation's name (by normalised name or identifier), if any, other
 * than `except`: confirmed and waiting, or approved (NAME_HOLDING).
 */
export function findNameHoldingPledge(db: Db, compactId: string, nameKey: string, orgKey: string | null, except?: string): Promise<Pick<PledgeRow, 'id'> | undefined> {
  let query = db
    .selectFrom('pledges')
    .select('id')
    .where('compact_id', '=', compactId)
    .where('status', 'in', NAME_HOLDING)
    .where((eb) => (orgKey ? eb.or([eb('name_key', '=', nameKey), eb('org_key', '=', orgKey)]) : eb('name_key', '=', nameKey)));
  if (except) query = query.where('id', '!=', except);
  return query.executeTakeFirst();
}

export async function insertPledge(db: Db, pledge: PledgeRow, contact: ContactRow): Promise<void> {
  await db.insertInto('pledges').values(pledge).execute();
  await db.insertInto('pledge_contacts').values(contact).execute();
}

export async function findPledge(db: Db, id: string): Promise<PledgeRow | undefined> {
  if (!storable(id)) return undefined;
  return db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findContact(db: Db, pledgeId: string): Promise<ContactRow | undefined> {
  return db.selectFrom('pledge_contacts').selectAll().where('pledge_id', '=', pledgeId).executeTakeFirst();
}

export interface PledgeFilter {
  compactId?: string;
  /** `pending` means every undecided state (unconfirmed, confirmed, more information asked, pending). */
  status?: PledgeStatus;
  /** Only these compacts: what a moderator of some compacts may see. */
  compactIds?: string[];
  statuses?: PledgeStatus[];
}

export async function listPledges(db: Db, filter: PledgeFilter = {}): Promise<PledgeRow[]> {
  // `in ()` is not SQL: no compacts or no statuses, no rows, and no query.
  if (filter.compactIds?.length === 0 || filter.statuses?.length === 0) return [];
  let query = db.selectFrom('pledges').selectAll();
  if (filter.compactId) query = query.where('compact_id', '=', filter.compactId);
  if (filter.compactIds) query = query.where('compact_id', 'in', filter.compactIds);
  if (filter.status === 'pending') query = query.where('status', 'in', UNDECIDED);
  else if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.statuses) query = query.where('status', 'in', filter.statuses);
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function countPledges(db: Db, compactId?: string): Promise<number> {
  let query = db.selectFrom('pledges').select((eb) => eb.fn.countAll().as('n'));
  if (compactId) query = query.where('compact_id', '=', compactId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many pledges of these compacts (`undefined`: all) are in these states, and when the oldest arrived. */
export async function countInStates(db: Db, statuses: PledgeStatus[], compactIds?: string[]): Promise<{ count: number; oldest?: string }> {
  if (statuses.length === 0 || compactIds?.length === 0) return { count: 0 };
  let query = db
    .selectFrom('pledges')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', statuses);
  if (compactIds) query = query.where('compact_id', 'in', compactIds);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.n), ...(row.oldest ? { oldest: String(row.oldest) } : {}) };
}

/** The contact details held, by their pledge's state: how many, and the oldest pledge's arrival and decision. */
export async function contactsHeldByStatus(db: Db): Promise<{ status: PledgeStatus; count: number; oldestReceived: string; oldestDecided?: string }[]> {
  const rows = await db
    .selectFrom('pledge_contacts')
    .innerJoin('pledges', 'pledges.id', 'pledge_contacts.pledge_id')
    .select((eb) => ['pledges.status', eb.fn.countAll().as('n'), eb.fn.min('pledges.created_at').as('received'), eb.fn.min('pledges.decided_at').as('decided')])
    .groupBy('pledges.status')
    .execute();
  return rows.map((row) => ({
    status: row.status,
    count: Number(row.n),
    oldestReceived: String(row.received),
    ...(row.decided ? { oldestDecided: String(row.decided) } : {}),
  }));
}

/** Records a decision on an undecided pledge; false when it was decided already (someone else decided). */
export async function decidePledge(
  db: Db,
  id: string,
  decision: Pick<PledgeRow, 'status' | 'decided_at' | 'decided_by' | 'reason' | 'signatory_id'> & Partial<Pick<PledgeRow, 'reason_code'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('pledges')
    .set(decision)
    .where('id', '=', id)
    .where('status', 'in', UNDECIDED)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findPledgeByLink(db: Db, linkHash: string): Promise<PledgeRow | undefined> {
  return db.selectFrom('pledges').selectAll().where('link_hash', '=', linkHash).executeTakeFirst();
}

type PledgeChanges = Partial<Omit<PledgeRow, 'id' | 'compact_id'>>;

/** Changes a pledge only while it is in one of `from`; false when it had moved on (a race, a replay). */
export async function movePledge(db: Db, id: string, from: PledgeStatus[], changes: PledgeChanges): Promise<boolean> {
  const result = await db.updateTable('pledges').set(changes).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Unconfirmed pledges whose time ran out before `now`: the link's date when a link was written, and
 * otherwise arrival before `receivedBefore` (`confirm_by` is only set when a message is written).
 */
export function unconfirmedPast(db: Db, now: string, receivedBefore: string): Promise<Pick<PledgeRow, 'id' | 'compact_id' | 'confirm_by' | 'created_at'>[]> {
  return db
    .selectFrom('pledges')
    .select(['id', 'compact_id', 'confirm_by', 'created_at'])
    .where('status', '=', 'unconfirmed')
    .where((eb) => eb.or([eb('confirm_by', '<', now), eb.and([eb('confirm_by', 'is', null), eb('created_at', '<', receivedBefore)])]))
    .execute();
}

/** Rejected and expired pledges decided before `before` whose contact details are still held. */
export function decidedBeforeUnpurged(db: Db, before: string): Promise<Pick<PledgeRow, 'id' | 'compact_id' | 'status'>[]> {
  return db
    .selectFrom('pledges')
    .select(['id', 'compact_id', 'status'])
    .where('status', 'in', ['rejected', 'expired'])
    .where('decided_at', '<', before)
    .where('purged_at', 'is', null)
    .execute();
}

export async function deleteContact(db: Db, pledgeId: string): Promise<number> {
  const result = await db.deleteFrom('pledge_contacts').where('pledge_id', '=', pledgeId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Personal data outside pledge_contacts (the champion's name, free-text answers) goes with it. */
export async function markPurged(db: Db, pledgeId: string, now: string): Promise<void> {
  await db.updateTable('pledges').set({ purged_at: now, champion: null, info_answer: null, link_hash: null }).where('id', '=', pledgeId).execute();
}

export async function contactsWithEmail(db: Db, email: string): Promise<ContactRow[]> {
  if (!storable(email)) return [];
  return db
    .selectFrom('pledge_contacts')
    .selectAll()
    .where(sameAddress('email', email))
    .execute();
}

/** Other pledges of the compact with the same name or identifier, whatever their state. */
export function pledgesLike(db: Db, compactId: string, nameKey: string, orgKey: string | null, except: string): Promise<PledgeRow[]> {
  return db
    .selectFrom('pledges')
    .selectAll()
    .where('compact_id', '=', compactId)
    .where('id', '!=', except)
    .where((eb) => (orgKey ? eb.or([eb('name_key', '=', nameKey), eb('org_key', '=', orgKey)]) : eb('name_key', '=', nameKey)))
    .orderBy('created_at')
    .execute();
}
