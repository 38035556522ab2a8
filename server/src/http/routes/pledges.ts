import type { FastifyInstance, FastifyRequest } from 'fastify';
import { submitPledge } from '../../domain/pledges.js';
import { format } from '../../i18n/locale.js';
import { PLEDGE_MESSAGES } from '../../i18n/pledge-messages.js';
import { requestLocale } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

/** The pledge endpoint of feed-spec.md, one per compact so that CORS can be decided per compact. */
export async function pledgeRoutes(app: FastifyInstance): Promise<void> {
  // JSON only (anything else is 415, as the contract says): Fastify would read text/plain too.
  app.removeContentTypeParser('text/plain');
  // The body's exact text is kept: an Idempotency-Key means "this same request", byte for byte.
  // JSON is UTF-8 (RFC 8259): bytes that are not are refused, not stored as U+FFFD in their place.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body, done) => {
    try {
      request.rawBody = utf8.decode(body as Buffer);
      done(null, JSON.parse(request.rawBody));
    } catch {
      const error = Object.assign(new Error('invalid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON' });
      done(error, undefined);
    }
  });

  app.post<{ Params: { compactId: string } }>(
    '/api/compacts/:compactId/pledges',
    {
      config: {
        rateLimit: {
          max: app.config.pledgeRateLimit,
          timeWindow: app.config.pledgeRateWindowMs,
          errorResponseBuilder: (request, context) => ({
            statusCode: 429,
            message: format(PLEDGE_MESSAGES.tooMany, requestLocale(request), { seconds: Math.ceil(context.ttl / 1000) }),
          }),
        },
      },
    },
    async (request, reply) => {
      const answer = await submitPledge(app.database.db, {
        compactId: request.params.compactId,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        rawBody: request.rawBody ?? '',
        body: request.body,
        clock: app.clock,
      });
      reply.header('Cache-Control', 'no-store');
      return reply.code(answer.status).send(answer.body);
    },
  );
}
