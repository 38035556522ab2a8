import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedFeed } from '../feed-cache.js';
import { notModified } from '../conditional.js';

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (q=0 refuses one); brotli is smallest. */
function encodingFor(request: FastifyRequest): Encoding {
  const accepted = new Map<string, number>();
  for (const part of String(request.headers['accept-encoding'] ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** Each encoding is its own representation with its own ETag (RFC 9110 8.8.3). */
function etagFor(feed: CachedFeed, encoding: Encoding): string {
  return encoding === 'identity' ? feed.etag : `${feed.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;
}

/** Any of the feed's variants matches: they are the same content, and a cache may revalidate with another's tag. */
const allEtags = (feed: CachedFeed) => (['identity', 'gzip', 'br'] as const).map((e) => etagFor(feed, e));

export async function feedRoutes(app: FastifyInstance): Promise<void> {
  const maxAge = app.config.feedMaxAge;
  // Feeds are public, anonymous and by far the most frequent request: they are not logged one by one
  // (a CDN or proxy in front keeps access logs if wanted); failures still are.
  app.get<{ Params: { file: string } }>('/feeds/:file', { logLevel: 'warn' }, async (request, reply: FastifyReply) => {
    const match = /^(.+)\.json$/.exec(request.params.file);
    const feed = match ? await app.feeds.get(match[1]) : undefined;
    if (!feed) {
      return reply.code(404).send({ errors: [{ field: '', message: `No feed is published at ${request.url.split('?')[0]}` }] });
    }
    const encoding = encodingFor(request);
    reply
      .header('ETag', etagFor(feed, encoding))
      .header('Last-Modified', feed.lastModified)
      .header('Cache-Control', `public, max-age=${maxAge}`)
      .header('Vary', 'Accept-Encoding')
      .header('Content-Type', 'application/json; charset=utf-8');
    if (notModified(request, allEtags(feed), feed.modifiedSeconds, app.clock().getTime())) return reply.code(304).send();
    if (encoding === 'identity') return reply.send(feed.body);
    reply.header('Content-Encoding', encoding);
    return reply.send(encoding === 'br' ? feed.brotli : feed.gzip);
  });
}
