/**
 * `GET /oembed?url=…&format=json`: the provider end of oEmbed 1.0 for the public widget pages.
 * 400 without a usable `url` or with a bad `maxwidth`/`maxheight`, 404 for an address that is not
 * one of our widget pages (or names a compact or signatory we do not publish), 501 for any format
 * but JSON (as the spec says for XML).
 */
import type { FastifyInstance } from 'fastify';
import { embedTarget, oembedResponse } from '../../../domain/outputs/oembed.js';
import type { CompactSources } from './compact-source.js';

interface Query {
  url?: string;
  format?: string;
  maxwidth?: string;
  maxheight?: string;
}

function size(value: string | undefined): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,5}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

export async function oembedRoutes(app: FastifyInstance, options: { sources: CompactSources }): Promise<void> {
  const { sources } = options;
  app.get<{ Querystring: Query }>('/oembed', async (request, reply) => {
    const { url, format, maxwidth, maxheight } = request.query;
    const errors: { field: string; message: string }[] = [];
    if (typeof url !== 'string' || url.trim() === '') errors.push({ field: 'url', message: 'Give the address of a page to embed: ?url=…' });
    const maxWidth = size(typeof maxwidth === 'string' ? maxwidth : undefined);
    const maxHeight = size(typeof maxheight === 'string' ? maxheight : undefined);
    if (maxWidth === null) errors.push({ field: 'maxwidth', message: 'maxwidth must be a whole number of pixels greater than 0' });
    if (maxHeight === null) errors.push({ field: 'maxheight', message: 'maxheight must be a whole number of pixels greater than 0' });
    if (errors.length) return reply.code(400).send({ errors });
    if (format !== undefined && format !== 'json') {
      return reply.code(501).send({ errors: [{ field: 'format', message: 'Only format=json is available' }] });
    }
    const target = embedTarget(url!, app.config.publicUrl);
    const source = target ? await sources.get(target.compactId) : undefined;
    const answer =
      target && source
        ? oembedResponse(source.feed, target, {
            publicUrl: app.config.publicUrl,
            ...(maxWidth ? { maxWidth } : {}),
            ...(maxHeight ? { maxHeight } : {}),
            cacheAge: app.config.feedMaxAge,
          })
        : undefined;
    if (!answer) return reply.code(404).send({ errors: [{ field: 'url', message: 'That address is not a widget page on this server' }] });
    return reply.header('Cache-Control', `public, max-age=${app.config.feedMaxAge}`).type('application/json; charset=utf-8').send(answer);
  });
}
