import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * A signatory's history gets `seq`, the order its entries were written in, as the audit log has
 * (migration 0002). Ordered by `at` and then the random `id`, two entries in one millisecond (an
 * import followed at once by an edit, a frozen test clock) came back in either order, "after"
 * before "before". Existing entries are numbered in that (at, id) order, the one they were read in.
 * `seq` becomes the primary key and `id` stays unique and not null, as in the audit log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await rebuildOnSqlite(db);
  else await numberOnPostgres(db);
}

/**
 * SQLite cannot add an autoincrement key to a table: the table is copied into a new one and
 * replaced. Kysely runs SQLite migrations outside a transaction, so this one takes its own: a
 * failure or a crash part-way leaves the old table as it was. Nothing references the table (no
 * foreign key, trigger or view), so dropping it is safe with foreign_keys on. Run again (a crash
 * after the commit but before Kysely recorded the migration), it gives the same numbers.
 */
async function rebuildOnSqlite(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.schema
      .createTable('signatory_history_numbered')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('compact_id', 'text', (c) => c.notNull())
      .addColumn('signatory_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text', (c) => c.notNull())
      .execute();
    // SQLite inserts the rows in the select's order, each taking the next seq.
    await sql`insert into signatory_history_numbered (id, compact_id, signatory_id, at, "by", before, after)
      select id, compact_id, signatory_id, at, "by", before, after from signatory_history order by at, id`.execute(tx);
    await tx.schema.dropTable('signatory_history').execute();
    await tx.schema.alterTable('signatory_history_numbered').renameTo('signatory_history').execute();
    await tx.schema.createIndex('signatory_history_by_signatory').on('signatory_history').columns(['compact_id', 'signatory_id', 'at']).execute();
  });
}

/** What `bigserial` is, built by hand so that existing rows are numbered in (at, id) order. */
async function numberOnPostgres(db: Kysely<any>): Promise<void> {
  await sql`alter table signatory_history add column seq bigint`.execute(db);
  await sql`create sequence signatory_history_seq_seq owned by signatory_history.seq`.execute(db);
  await sql`update signatory_history set seq = numbered.n
    from (select id, row_number() over (order by at, id) as n from signatory_history) as numbered
    where numbered.id = signatory_history.id`.execute(db);
  // The next entry comes after the last one numbered here (1 when there were none).
  await sql`select setval('signatory_history_seq_seq', coalesce(max(seq), 0) + 1, false) from signatory_history`.execute(db);
  await sql`alter table signatory_history alter column seq set default nextval('signatory_history_seq_seq'), alter column seq set not null`.execute(db);
  await sql`alter table signatory_history drop constraint signatory_history_pkey`.execute(db);
  await sql`alter table signatory_history add constraint signatory_history_id_key unique (id)`.execute(db);
  await sql`alter table signatory_history add primary key (seq)`.execute(db);
}
