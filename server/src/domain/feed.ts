/**
 * The one way out of the database for public content: every published form of a compact (the feed
 * route, `publish --out`) is this document. It lists only active signatories that agreed to be
 * published, and nothing about any person who sent a pledge.
 */
import type { Db } from '../db/transaction.js';
import { findCompact } from '../db/compacts.js';
import { publishedSignatories } from '../db/signatories.js';
import type { CompactDocument } from './compacts.js';

export interface FeedSettings {
  publicUrl: string;
  privacyNoticeUrl?: string;
}

export interface BuiltFeed {
  feed: Record<string, unknown>;
  revision: number;
  updatedAt: string;
}

/** Where this server takes pledges for a compact: the address every feed it publishes names. */
export function pledgeEndpoint(publicUrl: string, compactId: string): string {
  return `${publicUrl}/api/compacts/${encodeURIComponent(compactId)}/pledges`;
}

export async function buildFeed(db: Db, compactId: string, settings: FeedSettings): Promise<BuiltFeed | undefined> {
  const row = await findCompact(db, compactId);
  if (!row) return undefined;
  const document = JSON.parse(row.document) as CompactDocument;
  const signatories = (await publishedSignatories(db, compactId)).map(({ id, data }) => ({ id, ...JSON.parse(data) }));
  const privacyNotice = document.pledge?.privacyNotice ?? settings.privacyNoticeUrl;
  const feed: Record<string, unknown> = {
    feedVersion: '1.0',
    compact: document.compact,
    signatories,
    ...(document.actionPlan !== undefined ? { actionPlan: document.actionPlan } : {}),
    ...(document.consultations !== undefined ? { consultations: document.consultations } : {}),
    ...(privacyNotice
      ? {
          pledge: {
            endpoint: pledgeEndpoint(settings.publicUrl, compactId),
            privacyNotice,
            ...(document.pledge?.statement !== undefined ? { statement: document.pledge.statement } : {}),
          },
        }
      : {}),
    // Seconds are enough, and RFC 3339 with Z is what the contract's DateTime wants.
    updated: row.updated_at.replace(/\.\d{3}Z$/, 'Z'),
  };
  return { feed, revision: row.revision, updatedAt: row.updated_at };
}

/** The feed's bytes, the same for the route and for `publish --out`. */
export function serialiseFeed(feed: Record<string, unknown>): string {
  return JSON.stringify(feed);
}
