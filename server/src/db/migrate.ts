import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as pledgesAndFeeds from './migrations/0001-pledges-and-feeds.js';
import * as moderation from './migrations/0002-moderation.js';
import * as authoring from './migrations/0003-authoring.js';
import * as namesHeldOnceConfirmed from './migrations/0004-names-held-once-confirmed.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-pledges-and-feeds': pledgesAndFeeds,
  '0002-moderation': moderation,
  '0003-authoring': authoring,
  '0004-names-held-once-confirmed': namesHeldOnceConfirmed,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    // No migration's name when none ran: the stored list was refused first ("corrupted migrations").
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : reason);
  }
}
