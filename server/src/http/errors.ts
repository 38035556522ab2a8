import type { FastifyBaseLogger, FastifyError, FastifyRequest } from 'fastify';
import { format, toLocale, type Locale } from '../i18n/locale.js';
import { PLEDGE_MESSAGES } from '../i18n/pledge-messages.js';
import { t } from '../i18n/public-messages.js';

export interface ErrorAnswer {
  status: number;
  body: { errors: { field: string; message: string }[] };
}

/**
 * The language of an answer given before the body is read: the page's own where its address has one
 * (`/cy/…`, `/gd/…`), or else the first of Accept-Language.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const page = /^\/(cy|gd)\//.exec(request.url)?.[1];
  return toLocale(page ?? String(request.headers['accept-language'] ?? '').split(',')[0]);
}

const one = (status: number, message: string): ErrorAnswer => ({ status, body: { errors: [{ field: '', message }] } });

/** Every failure as the contract's `{errors: [{field, message}]}`, never a stack trace. */
export function errorAnswer(error: FastifyError, request: FastifyRequest): ErrorAnswer {
  const locale = requestLocale(request);
  switch (error.code) {
    // The router's own, whose messages would quote the path back and name Fastify's error.
    case 'FST_ERR_BAD_URL':
      return one(400, t(locale, 'badAddress'));
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return one(414, t(locale, 'addressTooLong'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return one(413, format(PLEDGE_MESSAGES.tooLarge, locale, { max: Math.floor(request.server.config.bodyLimit / 1024) }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return one(415, format(PLEDGE_MESSAGES.notJsonType, locale));
    // @fastify/compress's, whose 415 would echo the Content-Encoding sent.
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return one(415, format(PLEDGE_MESSAGES.encodingUnknown, locale));
    case 'FST_CP_ERR_INVALID_CONTENT':
      return one(400, format(PLEDGE_MESSAGES.encodingBroken, locale));
    // The pledge route's own parser's, and Fastify's (every other address, before its 404 or 405),
    // whose message would name Fastify's content-type check.
    case 'FST_ERR_CTP_INVALID_JSON':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return one(400, format(PLEDGE_MESSAGES.notJson, locale));
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return { status, body: { errors: [{ field: '', message: error.message }] } };
  if (status >= 400 && status < 500) return one(status, error.message);
  return one(500, 'Something went wrong on the server. Please try again in a few minutes.');
}

export function notFoundAnswer(request: FastifyRequest): ErrorAnswer {
  return one(404, t(requestLocale(request), 'nothingHere', { path: request.url.split('?')[0]! }));
}

/** A path that is served, asked with a method it does not take (`allowed`: allowed-methods.ts). */
export function methodNotAllowedAnswer(request: FastifyRequest, allowed: string[]): ErrorAnswer {
  return one(405, t(requestLocale(request), 'methodNotAllowed', { path: request.url.split('?')[0]!, method: request.method, allowed: allowed.join(', ') }));
}

/** A method the server has no route for at any address (allowed-methods.ts routesNone). */
export function notImplementedAnswer(request: FastifyRequest): ErrorAnswer {
  return one(501, t(requestLocale(request), 'methodNotImplemented', { method: request.method }));
}

/**
 * The one way an unexpected error (a 5xx, a job that failed) is logged: its kind, its code and the
 * code it was thrown from, never its message. Database messages can quote the values that caused
 * them (a constraint's or a trigger's message, an invalid value, a unique violation's detail: an
 * email address), and the stack begins with the message.
 */
export function logUnexpected(log: FastifyBaseLogger, error: unknown, message: string, level: 'error' | 'warn' = 'error'): void {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const at = callSites(error);
  log[level]({ err: { type: typeof name === 'string' ? name : typeof error, ...(typeof code === 'string' ? { code } : {}), ...(at ? { at } : {}) } }, message);
}

/**
 * The stack's "at …" lines without the "Name: message" it begins with, or nothing when the two
 * cannot be told apart exactly (the message or name changed after the stack was taken, a stack
 * written by hand): a line of the message is never taken for a call site.
 */
function callSites(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
  const head = `${Error.prototype.toString.call(error)}\n`;
  if (!error.stack.startsWith(head)) return undefined;
  const lines = error.stack.slice(head.length).split('\n');
  return lines.every((line) => /^ {4}at \S/.test(line)) ? lines.map((line) => line.trim()) : undefined;
}
