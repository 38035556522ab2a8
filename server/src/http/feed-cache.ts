/**
 * Each compact's feed, built once per revision and kept as bytes with its ETag. Whether the revision
 * is still the same is asked of the database at most once per `revalidateMs` per compact (one small
 * indexed read), so a change made anywhere (this process, the CLI, another instance on the same
 * PostgreSQL) is published within that time, while a burst of requests costs one query, not one each.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Db } from '../db/transaction.js';
import { compactRevision } from '../db/compacts.js';
import { buildFeed, serialiseFeed, type FeedSettings } from '../domain/feed.js';

export interface CachedFeed {
  revision: number;
  /** When the database last confirmed this revision (ms since the epoch). */
  checkedAt: number;
  body: Buffer;
  /** The same bytes compressed once per revision, not once per request: most visitors get these. */
  gzip: Buffer;
  brotli: Buffer;
  /** The identity ETag; compressed variants add `-gz` / `-br` inside the quotes. */
  etag: string;
  lastModified: string;
  /** `lastModified` as milliseconds, whole seconds (HTTP dates have no fractions). */
  modifiedSeconds: number;
}

export class FeedCache {
  private feeds = new Map<string, CachedFeed>();

  constructor(
    private db: Db,
    private settings: FeedSettings,
    private revalidateMs = 1000,
  ) {}

  async get(compactId: string): Promise<CachedFeed | undefined> {
    const known = this.feeds.get(compactId);
    if (known && Date.now() - known.checkedAt < this.revalidateMs) return known;
    const current = await compactRevision(this.db, compactId);
    if (!current) {
      this.feeds.delete(compactId);
      return undefined;
    }
    const cached = this.feeds.get(compactId);
    if (cached && cached.revision === current.revision) {
      cached.checkedAt = Date.now();
      return cached;
    }
    const built = await buildFeed(this.db, compactId, this.settings);
    if (!built) return undefined;
    const body = Buffer.from(serialiseFeed(built.feed));
    const modified = Math.floor(Date.parse(built.updatedAt) / 1000) * 1000;
    const entry: CachedFeed = {
      revision: built.revision,
      checkedAt: Date.now(),
      body,
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      lastModified: new Date(modified).toUTCString(),
      modifiedSeconds: modified,
    };
    this.feeds.set(compactId, entry);
    return entry;
  }
}
