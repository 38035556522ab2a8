/**
 * A database that a newer compact-server has migrated is refused at open, in a message that reads;
 * a database an older version left is brought up to date without losing anything.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { DatabaseError, openDatabase } from '../../src/index.js';
import { SQLITE_FILE } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { up as numberSignatoryHistory } from '../../src/db/migrations/0005-signatory-history-in-order.js';
import { appendSignatoryHistory, signatoryHistory } from '../../src/db/signatory-edits.js';
import { isUniqueViolation } from '../../src/db/transaction.js';
import { freshDatabase, TEST_DB, type TestDatabase } from '../helpers/database.js';

/** The database on its own, without the migrations that openDatabase runs: as an older version left it. */
function rawDatabase({ dataDir, databaseUrl }: TestDatabase): Kysely<any> {
  if (databaseUrl) return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }) });
  const sqlite = new SQLite(join(dataDir, SQLITE_FILE));
  sqlite.pragma('foreign_keys = ON');
  return new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** The table's indexes, each as its name and columns, on either database. */
async function indexesOf(db: Kysely<any>, table: string): Promise<string[]> {
  if (TEST_DB === 'sqlite') {
    const { rows } = await sql<{ name: string; columns: string }>`select m.name, (select group_concat(i.name, ', ') from pragma_index_info(m.name) as i) as columns
      from sqlite_master as m where m.type = 'index' and m.tbl_name = ${table} and m.name not like 'sqlite_autoindex_%'`.execute(db);
    return rows.map((r) => `${r.name} (${r.columns})`).sort();
  }
  const { rows } = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes where tablename = ${table}`.execute(db);
  return rows.filter((r) => !r.indexname.endsWith('_pkey') && !r.indexname.endsWith('_key')).map((r) => `${r.indexname} (${/\(([^)]*)\)/.exec(r.indexdef)![1]})`).sort();
}

describe('migrations', () => {
  it('refuses a database with a migration this version does not have, and says which', async () => {
    const { dataDir, databaseUrl } = await freshDatabase();
    const database = await openDatabase({ dataDir, databaseUrl });
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('9999-from-a-newer-version', '2030-01-01T00:00:00.000Z')`.execute(database.db);
    } finally {
      await database.close();
    }
    await assert.rejects(openDatabase({ dataDir, databaseUrl }), (error: Error) => {
      assert.ok(error instanceof DatabaseError);
      assert.match(error.message, /could not be prepared: corrupted migrations: previously executed migration 9999-from-a-newer-version is missing$/);
      assert.doesNotMatch(error.message, / {2}|migration +failed/);
      return true;
    });
  });

  it('0005 numbers the signatory history in the order it was read (time, then id), keeping every row, column and index', async () => {
    const where = await freshDatabase();
    const old = rawDatabase(where);
    const entry = (id: string, at: string, signatoryId = 'thorpe-bay', before: string | null = '{"status":"active"}') => ({
      id,
      compact_id: 'southend',
      signatory_id: signatoryId,
      at,
      by: 'editor@southend.example',
      before,
      after: `{"data":{"name":"Ysgol Gymraeg ${id} “quoted”"},"status":"active","published":true}`,
    });
    // Written in an order that is neither time nor id: the numbers must come from (at, id).
    const written = [
      entry('m-later', '2026-12-01T10:00:00.001Z'),
      entry('z-same-instant', '2026-12-01T10:00:00.000Z'),
      entry('a-same-instant', '2026-12-01T10:00:00.000Z', 'thorpe-bay', null),
      entry('b-other-signatory', '2026-12-02T09:00:00.000Z', 'savs-southend'),
    ];
    let indexesBefore: string[];
    try {
      await migrate(old, '0004-names-held-once-confirmed');
      for (const row of written) await old.insertInto('signatory_history').values(row).execute();
      indexesBefore = await indexesOf(old, 'signatory_history');
    } finally {
      await old.destroy();
    }
    assert.deepEqual(indexesBefore, ['signatory_history_by_signatory (compact_id, signatory_id, at)']);

    const database = await openDatabase(where);
    try {
      const db = database.db;
      const names = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
      assert.equal(names.at(-1), '0005-signatory-history-in-order');

      const byOrder = ['a-same-instant', 'z-same-instant', 'm-later', 'b-other-signatory'];
      const rows = await db.selectFrom('signatory_history').selectAll().orderBy('seq').execute();
      assert.deepEqual(
        rows.map(({ seq, ...row }) => ({ seq: Number(seq), ...row })),
        byOrder.map((id, i) => ({ seq: i + 1, ...written.find((w) => w.id === id)! })),
        'every row and column kept, numbered by (at, id)',
      );
      assert.deepEqual(await indexesOf(db, 'signatory_history'), indexesBefore, 'the index is kept');
      if (TEST_DB === 'sqlite') {
        const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'signatory_history%'`.execute(db);
        assert.deepEqual(tables.rows.map((r) => r.name), ['signatory_history'], 'nothing left of the rebuild');
        // Run again (a crash between its commit and Kysely's record of it), it changes nothing.
        await numberSignatoryHistory(db);
        assert.deepEqual(await db.selectFrom('signatory_history').selectAll().orderBy('seq').execute(), rows);
      }

      // New entries come after every old one, in the order written, even in the same instant.
      const at = '2026-12-01T10:00:00.000Z';
      await appendSignatoryHistory(db, entry('y-new', at));
      await appendSignatoryHistory(db, entry('c-newer', at));
      assert.deepEqual(
        (await signatoryHistory(db, 'southend', 'thorpe-bay')).map((h) => [Number(h.seq), h.id]),
        [
          [1, 'a-same-instant'],
          [2, 'z-same-instant'],
          [3, 'm-later'],
          [5, 'y-new'],
          [6, 'c-newer'],
        ],
      );

      // The constraints are kept: ids stay unique, required columns required.
      await assert.rejects(appendSignatoryHistory(db, entry('y-new', at)), (error) => isUniqueViolation(error));
      await assert.rejects(sql`insert into signatory_history (id, compact_id, signatory_id, at, "by", after) values ('no-after', 'southend', 'x', ${at}, 'x', null)`.execute(db));
      await assert.rejects(sql`insert into signatory_history (id, compact_id, signatory_id, "by", after) values ('no-at', 'southend', 'x', 'x', '{}')`.execute(db));
      await assert.rejects(sql`insert into signatory_history (compact_id, signatory_id, at, "by", after) values ('southend', 'x', ${at}, 'x', '{}')`.execute(db));
    } finally {
      await database.close();
    }
  });
});

