import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as pledgesAndFeeds from './migrations/0001-pledges-and-feeds.js';
import * as moderation from './migrations/0002-moderation.js';
import * as authoring from './migrations/0003-authoring.js';
import * as namesHeldOnceConfirmed from './migrations/0004-names-held-once-confirmed.js';
import * as signatoryHistoryInOrder from './migrations/0005-signatory-history-in-order.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-pledges-and-feeds': pledgesAndFeeds,
  '0002-moderation': moderation,
  '0003-authoring': authoring,
  '0004-names-held-once-confirmed': namesHeldOnceConfirmed,
  '0005-signatory-history-in-order': signatoryHistoryInOrder,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** `upTo` stops after that migration: the tests make a database as an older version left it. */
export async function migrate(db: Kysely<any>, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) {
    // No migration's name when none ran: the stored list was refused first ("corrupted migrations").
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : reason);
  }
}
