/**
 * Compacts come in as version-1 feeds (`compact-server import`), checked strictly: a feed with any
 * problem is refused whole, with every problem and its path, and nothing is stored.
 */
import { checkFeedText, type FeedProblem } from 'compact-widgets/feed';
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import { findCompact, insertCompact, listCompacts, updateCompactDocument } from '../db/compacts.js';
import { deleteImportedSignatories, upsertSignatory } from '../db/signatories.js';
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
  const now = options.clock().toISOString();

  return inTransaction(db, async (tx) => {
    const existing = await findCompact(tx, compact.id);
    if (existing && !options.replace) {
      return { ok: false as const, problems: [], exists: compact.id };
    }
    if (existing) await updateCompactDocument(tx, compact.id, JSON.stringify(document), now);
    else await insertCompact(tx, compact.id, JSON.stringify(document), now);
    await deleteImportedSignatories(tx, compact.id);
    let position = 0;
    for (const signatory of signatories) {
      const { id, ...data } = signatory as Json & { id: string };
      await upsertSignatory(tx, {
        compact_id: compact.id,
        id,
        data: JSON.stringify(data),
        name_key: nameKey(firstName(data.name)),
        org_key: orgKey(id),
        status: 'active',
        published: 1,
        position: position++,
        pledge_id: null,
        created_at: now,
        updated_at: now,
      });
    }
    return { ok: true as const, compactId: compact.id, signatories: signatories.length, replaced: Boolean(existing), warnings };
  });
}

export { listCompacts };
