import type { Kysely } from 'kysely';

/**
 * Authoring (issue 12): a spreadsheet upload waits here between its preview and "Apply", keyed to the
 * session that uploaded it and to the compact revision it was compared with. Rows are deleted when
 * applied, replaced by a newer upload, or older than an hour.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_hash', 'text', (c) => c.notNull())
    .addColumn('compact_id', 'text', (c) => c.notNull().references('compacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_uploads_by_session').on('pending_uploads').columns(['session_hash', 'compact_id', 'kind']).execute();
}
