import { sql, type Kysely } from 'kysely';

/** Compacts, their signatories, pledges kept apart from their contacts, and idempotency keys. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('signatories')
    .addColumn('compact_id', 'text', (c) => c.notNull().references('compacts.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('org_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('pledge_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signatories_pk', ['compact_id', 'id'])
    .execute();
  await db.schema.createIndex('signatories_by_name').on('signatories').columns(['compact_id', 'name_key']).execute();
  await db.schema.createIndex('signatories_by_org').on('signatories').columns(['compact_id', 'org_key']).execute();

  await db.schema
    .createTable('pledges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compact_id', 'text', (c) => c.notNull().references('compacts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('champion', 'text')
    .addColumn('pledge_text', 'text')
    .addColumn('consent_publish', 'integer', (c) => c.notNull())
    .addColumn('consent_contact', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('org_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('reason', 'text')
    .addColumn('signatory_id', 'text')
    .execute();
  await db.schema.createIndex('pledges_by_status').on('pledges').columns(['compact_id', 'status', 'created_at']).execute();
  // One live pledge per organisation and compact, decided by the database (two racing requests
  // cannot both pass a read-then-write check). A rejected organisation may apply again.
  await db.schema
    .createIndex('pledges_one_live_per_name')
    .on('pledges')
    .columns(['compact_id', 'name_key'])
    .unique()
    .where(sql<boolean>`status in ('pending', 'approved')`)
    .execute();
  await db.schema
    .createIndex('pledges_one_live_per_org')
    .on('pledges')
    .columns(['compact_id', 'org_key'])
    .unique()
    .where(sql<boolean>`status in ('pending', 'approved') and org_key is not null`)
    .execute();

  await db.schema
    .createTable('pledge_contacts')
    .addColumn('pledge_id', 'text', (c) => c.primaryKey().references('pledges.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('compact_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['compact_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_by_age').on('idempotency_keys').column('created_at').execute();
}
