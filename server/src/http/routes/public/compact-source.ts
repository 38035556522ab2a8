/**
 * The public routes' one way to a compact: the feed cache's copy of `buildFeed()` (so a change made
 * anywhere shows at once), read into the widgets' normalised model once per feed version.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedFeed } from '../../feed-cache.js';
import { notModified } from '../../conditional.js';
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
  if (notModified(request, [answer.etag], answer.modifiedMs, request.server.clock().getTime())) return reply.code(304).send();
  return reply.send(answer.body);
}
