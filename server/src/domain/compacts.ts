/**
 * Compacts come in as version-1 feeds (`compact-server import`), checked strictly: a feed with any
 * problem is refused whole, with every problem and its path, and nothing is stored.
 *
 * An import is recorded as every other change to what a compact publishes is: one audit entry for
 * the compact's document, and for each signatory it adds, changes, withdraws or reinstates, an
 * entry in its history and in the audit log (as a spreadsheet's apply records them), all in the
 * import's transaction. On a re-import, an imported signatory the new feed leaves out is withdrawn,
 * not deleted, so its history still has the signatory it is about.
 */
import { isDeepStrictEqual } from 'node:util';
import { checkFeedText, type FeedProblem } from 'compact-widgets/feed';
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import type { SignatoriesTable } from '../db/tables.js';
import { findCompact, insertCompact, listCompacts, updateCompactDocument } from '../db/compacts.js';
import { allSignatories, insertSignatoryRow, updateSignatoryRow } from '../db/authoring.js';
import { audit, type Actor } from './audit.js';
import { recordSignatoryChange, signatoryState } from './signatory-history.js';
import type { Clock } from './clock.js';
import { nameKey, orgKey } from './names.js';

/** What the compacts table keeps of a feed: everything but its signatories and its endpoint. */
export interface CompactDocument {
  compact: Record<string, unknown> & { id: string };
  actionPlan?: unknown;
  consultations?: unknown[];
  pledge?: { privacyNotice?: string; statement?: unknown };
}

export type ImportResult =
  | { ok: true; compactId: string; signatories: number; replaced: boolean; warnings: string[] }
  | { ok: false; problems: FeedProblem[]; exists?: string };

type Json = Record<string, unknown>;

function firstName(name: unknown): string {
  if (typeof name === 'string') return name;
  const values = Object.values((name ?? {}) as Record<string, string>);
  return values[0] ?? '';
}

export interface ImportOptions {
  replace?: boolean;
  clock: Clock;
  /** Who imported, as the audit log and the signatories' history name them (the CLI: `cliActor`). */
  actor: Actor;
  /** Keep no privacy notice of the feed's own: feeds name the server's PRIVACY_NOTICE_URL (the demo's). */
  serverPrivacyNotice?: boolean;
}

export async function importFeed(db: Db, text: string, options: ImportOptions): Promise<ImportResult> {
  const check = checkFeedText(text);
  if (!check.valid) return { ok: false, problems: check.problems };
  const feed = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  const compact = feed.compact as CompactDocument['compact'];
  const pledge = (feed.pledge ?? undefined) as Json | undefined;
  const document: CompactDocument = {
    compact,
    ...(feed.actionPlan !== undefined ? { actionPlan: feed.actionPlan } : {}),
    ...(feed.consultations !== undefined ? { consultations: feed.consultations as unknown[] } : {}),
    // The endpoint is always this server's own; the privacy notice and statement are the council's.
    ...(pledge
      ? {
          pledge: {
            ...(options.serverPrivacyNotice ? {} : { privacyNotice: pledge.privacyNotice as string }),
            ...(pledge.statement ? { statement: pledge.statement } : {}),
          },
        }
      : {}),
  };
  const signatories = (feed.signatories ?? []) as Json[];
  const warnings: string[] = [];
  if (!pledge?.privacyNotice || options.serverPrivacyNotice) {
    warnings.push(
      options.serverPrivacyNotice
        ? 'Feeds of this compact name PRIVACY_NOTICE_URL as their privacy notice: set it, or the pledge form does not appear.'
        : 'This feed has no pledge.privacyNotice: its pledge form appears only once PRIVACY_NOTICE_URL is set.',
    );
  }
  const at = options.clock();
  const now = at.toISOString();

  return inTransaction(db, async (tx) => {
    const existing = await findCompact(tx, compact.id);
    if (existing && !options.replace) {
      return { ok: false as const, problems: [], exists: compact.id };
    }
    if (existing) await updateCompactDocument(tx, compact.id, JSON.stringify(document), now);
    else await insertCompact(tx, compact.id, JSON.stringify(document), now);
    await audit(tx, options.actor, at, {
      action: existing ? 'compact.replace' : 'compact.import',
      compactId: compact.id,
      subject: { type: 'compact', id: compact.id },
      ...(existing ? { before: JSON.parse(existing.document) } : {}),
      after: document,
    });

    const rows = await allSignatories(tx, compact.id);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const inFeed = new Set<string>();
    const writes: { before?: SignatoriesTable; after: SignatoriesTable }[] = [];
    signatories.forEach((signatory, position) => {
      const { id, ...data } = signatory as Json & { id: string };
      inFeed.add(id);
      const fields = { data: JSON.stringify(data), name_key: nameKey(firstName(data.name)), org_key: orgKey(id), status: 'active' as const, withdrawn_at: null, published: 1, position, updated_at: now };
      const old = byId.get(id);
      // A signatory of the same id that came from a pledge takes the feed's details, and keeps its pledge.
      writes.push(old ? { before: old, after: { ...old, ...fields } } : { after: { compact_id: compact.id, id, ...fields, pledge_id: null, created_at: now } });
    });
    // Those that came from pledges stay: the feed does not know them.
    for (const old of rows) {
      if (old.pledge_id === null && old.status === 'active' && !inFeed.has(old.id)) writes.push({ before: old, after: { ...old, status: 'withdrawn', withdrawn_at: now, updated_at: now } });
    }
    for (const { before, after } of writes) {
      const changed = !before || !isDeepStrictEqual(signatoryState(before), signatoryState(after));
      if (!before) await insertSignatoryRow(tx, after);
      else if (changed || before.position !== after.position) await updateSignatoryRow(tx, after);
      // One that only moved in the feed's order has nothing new for its history.
      if (changed) await recordSignatoryChange(tx, { actor: options.actor, at, compactId: compact.id, ...(before ? { before } : {}), after, via: 'import' });
    }
    return { ok: true as const, compactId: compact.id, signatories: signatories.length, replaced: Boolean(existing), warnings };
  });
}

export { listCompacts };
