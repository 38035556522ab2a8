/**
 * The public routes' one way to a compact: the feed cache's copy of `buildFeed()` (so a change made
 * anywhere shows at once), read into the widgets' normalised model once per feed version.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedFeed } from '../../feed-cache.js';
import { readFeed, type CompactFeed } from '../../../domain/outputs/feed-view.js';

export interface CompactSource {
  cached: CachedFeed;
  feed: CompactFeed;
}

export class CompactSources {
  private models = new Map<string, { etag: string; feed: CompactFeed }>();
  constructor(private app: FastifyInstance) {}

  async get(compactId: string): Promise<CompactSource | undefined> {
    const cached = await this.app.feeds.get(compactId);
    if (!cached) {
      this.models.delete(compactId);
      return undefined;
    }
    let model = this.models.get(compactId);
    if (!model || model.etag !== cached.etag) {
      model = { etag: cached.etag, feed: readFeed(JSON.parse(cached.body.toString('utf8'))) };
      this.models.set(compactId, model);
    }
    return { cached, feed: model.feed };
  }
}

/** A strong ETag for some bytes. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** `If-None-Match` (any of a list, or `*`) wins over `If-Modified-Since`, as RFC 9110 says (as the feed route). */
export function notModified(request: FastifyRequest, etag: string, modifiedMs: number): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    return match.split(',').some((tag) => {
      const value = tag.trim();
      return value === '*' || value === etag || value === `W/${etag}`;
    });
  }
  const since = Date.parse(String(request.headers['if-modified-since'] ?? ''));
  return Number.isFinite(since) && Math.floor(modifiedMs / 1000) * 1000 <= since;
}

/** Sends a public, cacheable answer the way the feed route does: ETag, Last-Modified, 304. */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: { body: string | Buffer; etag: string; modifiedMs: number; contentType: string; maxAge: number },
): FastifyReply {
  reply
    .header('ETag', answer.etag)
    .header('Last-Modified', new Date(Math.floor(answer.modifiedMs / 1000) * 1000).toUTCString())
    .header('Cache-Control', `public, max-age=${answer.maxAge}`)
    .header('Content-Type', answer.contentType);
  if (notModified(request, answer.etag, answer.modifiedMs)) return reply.code(304).send();
  return reply.send(answer.body);
}
