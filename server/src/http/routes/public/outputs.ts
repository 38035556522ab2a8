/**
 * The calendar and the updates feed, beside the feed they come from. CORS (`*` for every path under
 * /feeds/) comes from http/cors.ts; caching works as for the feed itself.
 */
import type { FastifyInstance } from 'fastify';
import { consultationsCalendar } from '../../../domain/outputs/ics.js';
import { updatesFeed } from '../../../domain/outputs/json-feed.js';
import { etagOf, sendCacheable, type CompactSources } from './compact-source.js';

interface Built {
  feedEtag: string;
  body: string;
  etag: string;
  modifiedMs: number;
  /** Rebuild at this instant even if the feed is the same (a consultation opens or closes). */
  until: number;
}

export async function publicOutputRoutes(app: FastifyInstance, options: { sources: CompactSources }): Promise<void> {
  const { sources } = options;
  const maxAge = app.config.feedMaxAge;
  const settings = { publicUrl: app.config.publicUrl };
  const calendars = new Map<string, Built>();
  const updates = new Map<string, Built>();

  const notFound = (url: string) => ({ errors: [{ field: '', message: `Nothing is published at ${url.split('?')[0]}` }] });

  app.get<{ Params: { id: string } }>('/feeds/:id/consultations.ics', async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) return reply.code(404).send(notFound(request.url));
    let built = calendars.get(request.params.id);
    if (!built || built.feedEtag !== source.cached.etag) {
      const body = consultationsCalendar(source.feed, settings, new Date(source.cached.modifiedSeconds));
      built = { feedEtag: source.cached.etag, body, etag: etagOf(body), modifiedMs: source.cached.modifiedSeconds, until: Infinity };
      calendars.set(request.params.id, built);
    }
    reply.header('Content-Disposition', `inline; filename="${request.params.id.replace(/[^\w.-]/g, '_')}-consultations.ics"`);
    return sendCacheable(request, reply, { ...built, contentType: 'text/calendar; charset=utf-8', maxAge });
  });

  app.get<{ Params: { id: string } }>('/feeds/:id/updates.json', async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) return reply.code(404).send(notFound(request.url));
    const now = app.clock().getTime();
    let built = updates.get(request.params.id);
    if (!built || built.feedEtag !== source.cached.etag || now >= built.until) {
      const result = updatesFeed(source.feed, settings, now);
      const body = JSON.stringify(result.feed);
      built = {
        feedEtag: source.cached.etag,
        body,
        etag: etagOf(body),
        // Changed when the feed changed or when its newest item happened, whichever is later.
        modifiedMs: Math.max(source.cached.modifiedSeconds, Math.min(result.newest ?? 0, now)),
        until: result.nextChange,
      };
      updates.set(request.params.id, built);
    }
    return sendCacheable(request, reply, { ...built, contentType: 'application/feed+json; charset=utf-8', maxAge });
  });
}
