import type { FastifyRequest } from 'fastify';
import type { FastifyCorsOptions } from '@fastify/cors';
import type { Config } from '../config.js';

const PUBLIC_READ: FastifyCorsOptions = { origin: '*', methods: ['GET', 'HEAD'], maxAge: 86_400 };

/**
 * Feeds and widget files are public and read without cookies, so any site may read them. The pledge
 * endpoint answers only the origins allowed (any, by default), never with credentials, and tells
 * the browser which headers the form sends and may read.
 */
export function corsFor(request: FastifyRequest, config: Config): FastifyCorsOptions {
  const path = request.url.split('?')[0];
  if (path.startsWith('/feeds/') || path.startsWith('/widgets/')) return PUBLIC_READ;
  if (path.startsWith('/api/compacts/')) {
    const allowed = config.pledgeOrigins;
    return {
      origin: allowed.includes('*') ? '*' : allowed,
      methods: ['POST'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key'],
      exposedHeaders: ['Retry-After'],
      credentials: false,
      maxAge: 600,
    };
  }
  return { origin: false };
}

/**
 * The CORS headers @fastify/cors gives an answer (not a preflight) to this request: for the answers
 * its hook never sees (http/edge.ts). Read by the browser only to let the page see the error.
 */
export function corsHeaders(request: FastifyRequest, config: Config): Record<string, string> {
  const { origin } = corsFor(request, config);
  if (origin === '*') return { 'access-control-allow-origin': '*' };
  if (!Array.isArray(origin)) return {};
  const sent = request.headers.origin;
  return { vary: 'Origin', ...(typeof sent === 'string' && origin.includes(sent) ? { 'access-control-allow-origin': sent } : {}) };
}
