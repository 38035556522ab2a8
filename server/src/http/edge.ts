/**
 * The answers made before any route of ours: Fastify's, for a path its router cannot read
 * (`frameworkErrors`), and Node's, for a request it cannot parse (`clientErrorHandler`). Neither runs
 * a hook, so helmet and @fastify/cors never see them: they get the same headers here, from the same
 * options, and the same plain `{errors}` body as every other failure.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.js';
import { corsHeaders } from './cors.js';
import { errorAnswer } from './errors.js';

/** helmet for every route without its own (`pageHelmet` has the pages'). */
export const API_HELMET = {
  // Feeds and the widgets' scripts are meant to be read by other sites' pages.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
} satisfies HelmetOptions;

/** What helmet sets for API_HELMET: nothing in it depends on the request, so it is read once. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const collect = { setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)), removeHeader: () => {} };
  helmet(API_HELMET)({} as IncomingMessage, collect as unknown as ServerResponse, () => {});
  return headers;
})();

export function frameworkErrors(config: Config) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const answer = errorAnswer(error, request);
    reply.headers({ ...SECURITY_HEADERS, ...corsHeaders(request, config) }).code(answer.status).send(answer.body);
    // Fastify logs the incoming line of these, but not the outcome.
    reply.log.info({ res: reply }, 'request completed');
  };
}

/**
 * Nothing of the request could be read, not even its language or its path (so no CORS: there is no
 * route to take it from), hence English only.
 */
export const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: 'The request could not be read.',
  408: 'The request took too long to arrive.',
  431: 'The request’s headers are too large. Clearing this site’s cookies may help.',
};

/**
 * Fastify's own handler, with our headers and body. Only the error's code is logged: the error
 * carries the raw bytes it could not parse, cookies and all.
 */
export function clientErrorHandler(this: { log: { debug: (object: object, message: string) => void } }, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  this.log.debug({ err: { code: error.code } }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({ errors: [{ field: '', message: CLIENT_ERROR_MESSAGES[status] }] });
    const headers = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  }
  socket.destroy(error);
}
