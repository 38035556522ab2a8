import { sql, type Kysely } from 'kysely';

/**
 * An unconfirmed pledge no longer holds its organisation's name. Anyone can type any organisation's
 * name with an address of their own: while unconfirmed pledges counted, such a pledge kept the real
 * organisation from pledging until its link ran out (CONFIRM_DAYS), and the 409 told the stranger
 * that a pledge was waiting. Now several unconfirmed pledges may name one organisation; the first
 * confirmed (or approved) holds the name, and the others, when confirmed, are closed as duplicates
 * (domain/moderation.ts). The rule is the database's, as before, so that races are settled by it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The states of NAME_HOLDING in db/tables.ts. A migration keeps its own copy: it must not change
  // when the code does.
  const holding = `status in ('pending', 'confirmed', 'info_requested', 'approved')`;
  await db.schema.dropIndex('pledges_one_live_per_name').execute();
  await db.schema.dropIndex('pledges_one_live_per_org').execute();
  await db.schema.createIndex('pledges_one_live_per_name').on('pledges').columns(['compact_id', 'name_key']).unique().where(sql.raw<boolean>(holding)).execute();
  await db.schema
    .createIndex('pledges_one_live_per_org')
    .on('pledges')
    .columns(['compact_id', 'org_key'])
    .unique()
    .where(sql.raw<boolean>(`${holding} and org_key is not null`))
    .execute();
}
