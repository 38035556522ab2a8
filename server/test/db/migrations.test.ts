/** A database that a newer compact-server has migrated is refused at open, in a message that reads. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DatabaseError, openDatabase } from '../../src/index.js';
import { freshDatabase } from '../helpers/database.js';

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
});
