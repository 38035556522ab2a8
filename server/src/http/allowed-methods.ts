/**
 * Which methods a path takes, as the router itself says (Fastify's `findRoute`), so that a 405's
 * `Allow` can never disagree with what is served. A parametric route takes every value of its
 * parameter, so `DELETE /feeds/nowhere.json` is a 405 as `DELETE /feeds/southend.json` is; a
 * folder of static files takes every name in it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { corsFor } from './cors.js';

/**
 * The methods of a catch-all route (an area's "Page not found"): every one but OPTIONS, which
 * stays @fastify/cors's, so that a preflight is answered as it always was.
 */
export function catchAllMethods(app: FastifyInstance): HTTPMethods[] {
  return app.supportedMethods.filter((method) => method !== 'OPTIONS') as HTTPMethods[];
}

/**
 * A method Node reads but Fastify routes nowhere (WebDAV's PROPFIND, SEARCH, MKCOL…): the catch-alls
 * do not take it either, so `allowedMethods` could not tell them from the routes of a path, and
 * would name their methods everywhere under them. It is RFC 9110's 501, the same at every address.
 */
export function routesNone(request: FastifyRequest): boolean {
  return !request.server.supportedMethods.includes(request.method);
}

/** The methods with a route at this request's path (HEAD with GET), or none: no such address. */
export function allowedMethods(request: FastifyRequest): string[] {
  // @fastify/cors has a route for OPTIONS at every path. Where it answers no preflight, OPTIONS
  // stays the 404 it always was: naming methods there would tell a stranger which of the admin's
  // addresses exist, which its catch-all tells only after sign-in.
  if (request.method === 'OPTIONS') return [];
  const app = request.server;
  const url = request.url.split('?')[0]!;
  // When a catch-all is answering, the router finds it again for every method that has no route of
  // its own here, with the same parameters: that is no route for this path.
  const answering = app.findRoute({ method: request.method as HTTPMethods, url });
  const methods = app.supportedMethods.filter((method) => {
    if (method === 'OPTIONS') return false;
    const found = app.findRoute({ method: method as HTTPMethods, url });
    return found !== null && !(answering !== null && isDeepStrictEqual(found.params, answering.params));
  });
  // Where a preflight is answered, OPTIONS is a method of the path too.
  if (methods.length > 0 && corsFor(request, app.config).origin !== false) methods.push('OPTIONS');
  return methods;
}
