import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Moderation (issue 11): the confirmation link and review fields on pledges, staff accounts with
 * identities (password now, OpenID Connect later), sessions, the mail outbox, signatory history and
 * the append-only audit log, whose UPDATE and DELETE the database itself refuses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  for (const [name, type] of [
    ['reason_code', 'text'],
    ['link_hash', 'text'],
    ['confirm_by', 'text'],
    ['confirmed_at', 'text'],
    ['info_question', 'text'],
    ['info_answer', 'text'],
    ['purged_at', 'text'],
  ] as const) {
    await db.schema.alterTable('pledges').addColumn(name, type).execute();
  }
  await db.schema.alterTable('pledges').addColumn('sends', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('pledges_by_link').on('pledges').column('link_hash').unique().execute();
  await db.schema.alterTable('signatories').addColumn('withdrawn_at', 'text').execute();

  // "One live pledge per organisation" now counts every undecided state.
  const live = `status in ('pending', 'unconfirmed', 'confirmed', 'info_requested', 'approved')`;
  await db.schema.dropIndex('pledges_one_live_per_name').execute();
  await db.schema.dropIndex('pledges_one_live_per_org').execute();
  await db.schema.createIndex('pledges_one_live_per_name').on('pledges').columns(['compact_id', 'name_key']).unique().where(sql.raw<boolean>(live)).execute();
  await db.schema
    .createIndex('pledges_one_live_per_org')
    .on('pledges')
    .columns(['compact_id', 'org_key'])
    .unique()
    .where(sql.raw<boolean>(`${live} and org_key is not null`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('failed_signins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totp_last_step', 'integer')
    .execute();
  await db.schema
    .createTable('user_identities')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_identities_pk', ['provider', 'subject'])
    .execute();
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('compact_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'compact_id', 'role'])
    .execute();
  await db.schema
    .createTable('password_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('email_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.references('pledges.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('file', 'text')
    .execute();
  await db.schema.createIndex('email_messages_by_status').on('email_messages').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('email_messages_by_pledge').on('email_messages').column('pledge_id').execute();

  await db.schema
    .createTable('signatory_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compact_id', 'text', (c) => c.notNull())
    .addColumn('signatory_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signatory_history_by_signatory').on('signatory_history').columns(['compact_id', 'signatory_id', 'at']).execute();

  // `seq` orders the log exactly (two entries can share a millisecond, or a frozen test clock).
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', sqlite ? 'integer' : 'bigserial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('compact_id', 'text')
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_by_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();

  // Append-only in the database itself, not only in code: a bug, a stray admin query or a future
  // feature cannot rewrite what was decided.
  if (sqlite) {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(db);
  }
}
