import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedFeed } from '../feed-cache.js';

/** `If-None-Match` (any of a list, or `*`) wins over `If-Modified-Since`, as RFC 9110 says. */
function notModified(request: FastifyRequest, feed: CachedFeed): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    return match.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === feed.etag || t === `W/${feed.etag}`;
    });
  }
  const since = Date.parse(String(request.headers['if-modified-since'] ?? ''));
  return Number.isFinite(since) && feed.modifiedSeconds <= since;
}

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
    reply
      .header('ETag', feed.etag)
      .header('Last-Modified', feed.lastModified)
      .header('Cache-Control', `public, max-age=${maxAge}`)
      .header('Content-Type', 'application/json; charset=utf-8');
    if (notModified(request, feed)) return reply.code(304).send();
    return reply.send(feed.body);
  });
}
