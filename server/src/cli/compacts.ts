import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { importFeed, listCompacts } from '../domain/compacts.js';
import { buildFeed, serialiseFeed } from '../domain/feed.js';
import { systemClock } from '../domain/clock.js';
import { cliActor } from '../domain/audit.js';
import { officerLogin } from './officer.js';
import { err, out, Refused } from './output.js';
import { readSource } from './read-source.js';

export async function importCommand(database: Database, source: string, replace: boolean): Promise<number> {
  const text = await readSource(source);
  const result = await importFeed(database.db, text, { replace, clock: systemClock, actor: cliActor(officerLogin()) });
  if (!result.ok) {
    if (result.exists) throw new Refused(`A compact called "${result.exists}" is already here. Add --replace to replace it with this feed.`);
    err(`${source} is not a valid version-1 compact feed; nothing was imported:`);
    for (const problem of result.problems) err(`  ${problem.path}: ${problem.message}`);
    return 1;
  }
  for (const warning of result.warnings) err(`warning: ${warning}`);
  out(`${result.replaced ? 'Replaced' : 'Imported'} ${result.compactId} with ${result.signatories} signatories.`);
  return 0;
}

/** Writes `<dir>/<id>.json` for every compact, each file replaced whole (never half-written). */
export async function publishCommand(database: Database, config: Config, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const compacts = await listCompacts(database.db);
  for (const { id } of compacts) {
    const built = await buildFeed(database.db, id, { publicUrl: config.publicUrl, privacyNoticeUrl: config.privacyNoticeUrl });
    if (!built) continue;
    const file = join(dir, `${id}.json`);
    await writeFile(`${file}.tmp`, serialiseFeed(built.feed));
    await rename(`${file}.tmp`, file);
    out(`wrote ${file}`);
  }
  if (compacts.length === 0) err('There are no compacts to publish (compact-server import <feed.json> first).');
  return 0;
}
