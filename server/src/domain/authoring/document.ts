/**
 * The one way an edit reaches a compact: the change is made to the stored document, written only if
 * nobody else saved since the editor's page was read, then `buildFeed()` runs in the same transaction
 * and the strict `checkFeed` judges what it would publish. A feed with any problem rolls the whole
 * change back; a valid one is committed with the revision bumped (the feed cache republishes it at
 * once) and one audit entry holding the part before and after.
 */
import { createHash } from 'node:crypto';
import { checkFeed, type CompactFeed, type FeedProblem } from 'compact-widgets/feed';
import type { Db } from '../../db/transaction.js';
import { inTransaction } from '../../db/transaction.js';
import { findCompact } from '../../db/compacts.js';
import { writeCompactDocument } from '../../db/authoring.js';
import { buildFeed, type FeedSettings } from '../feed.js';
import type { CompactDocument } from '../compacts.js';
import { audit, type Actor } from '../audit.js';
import type { Clock } from '../clock.js';
import { compactLanguages } from './languages.js';

/** What an editor's page was built from: a save is compared with it. */
export interface Base {
  revision: number;
  /** SHA-256 of the document text: a revision bumped only by a signatory change is no conflict. */
  hash: string;
}

export interface LoadedCompact {
  id: string;
  document: CompactDocument;
  base: Base;
  /** The compact's languages, default first (one, or more for a bilingual compact). */
  languages: string[];
  /** What the feed publishes now, normalised as the widgets read it. */
  feed: CompactFeed;
  /** The feed as buildFeed gave it (for the report's derivations). */
  raw: Record<string, unknown>;
}

export const documentHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Someone else saved this compact after the editor's page was read. */
export class StaleEdit extends Error {
  constructor() {
    super('Someone else saved changes to this compact after you opened this page. Your changes have not been saved: open the page again to see theirs, then make yours.');
  }
}

/** The feed the change would publish breaks the contract: nothing was saved. */
export class FeedRefused extends Error {
  constructor(public problems: FeedProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

export async function loadCompact(db: Db, compactId: string, settings: FeedSettings): Promise<LoadedCompact | undefined> {
  const row = await findCompact(db, compactId);
  if (!row) return undefined;
  const built = await buildFeed(db, compactId, settings);
  if (!built) return undefined;
  const check = checkFeed(built.feed);
  if (!check.feed) throw new Error(`the feed of ${compactId} cannot be read: ${check.failure?.message ?? ''}`);
  const document = JSON.parse(row.document) as CompactDocument;
  return {
    id: compactId,
    document,
    base: { revision: row.revision, hash: documentHash(row.document) },
    languages: compactLanguages(document),
    feed: check.feed,
    raw: built.feed,
  };
}

export interface SaveOptions {
  settings: FeedSettings;
  actor: Actor;
  clock: Clock;
  /** The audit entry's action (`compact.edit`, `action.edit`, …) and subject. */
  action: string;
  subject: { type: string; id: string };
  /** The part of the document the audit entry shows before and after. */
  part: (document: CompactDocument) => unknown;
}

/**
 * Applies `change` to the document the editor saw. Throws StaleEdit when the document changed since
 * `base`, FeedRefused (nothing saved) when the resulting feed is not strictly valid.
 */
export async function saveDocument(
  db: Db,
  compactId: string,
  base: Base,
  change: (document: CompactDocument) => CompactDocument,
  options: SaveOptions,
): Promise<{ revision: number }> {
  return inTransaction(db, async (tx) => {
    const row = await findCompact(tx, compactId);
    if (!row) throw new StaleEdit();
    if (row.revision !== base.revision && documentHash(row.document) !== base.hash) throw new StaleEdit();
    const before = JSON.parse(row.document) as CompactDocument;
    const after = change(structuredClone(before));
    const now = options.clock();
    // Conditional on the revision just read: of two saves racing here, the second writes nothing.
    if (!(await writeCompactDocument(tx, compactId, row.revision, JSON.stringify(after), now.toISOString()))) throw new StaleEdit();
    const built = await buildFeed(tx, compactId, options.settings);
    const check = checkFeed(built?.feed);
    if (!check.valid) throw new FeedRefused(check.problems.length ? check.problems : [{ path: '$', message: check.failure?.message ?? 'The feed is not valid', action: 'rejected-feed' }]);
    await audit(tx, options.actor, now, { action: options.action, compactId, subject: options.subject, before: options.part(before), after: options.part(after) });
    return { revision: row.revision + 1 };
  });
}
