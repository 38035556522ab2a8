/**
 * The Fastify application: security headers, CORS, logging without personal data, and the routes.
 * Routes are plugins (encapsulated: the pledge route's raw-body JSON parser is its own).
 */
import zlib from 'node:zlib';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { FeedCache } from './feed-cache.js';
import { corsFor } from './cors.js';
import { errorAnswer, logUnexpected, methodNotAllowedAnswer, notFoundAnswer, notImplementedAnswer } from './errors.js';
import { allowedMethods, routesNone } from './allowed-methods.js';
import { API_HELMET, clientErrorHandler, frameworkErrors } from './edge.js';
import { healthRoutes } from './routes/health.js';
import { feedRoutes } from './routes/feeds.js';
import { pledgeRoutes } from './routes/pledges.js';
import { widgetRoutes } from './routes/widgets.js';
import { viewEngine } from './view-engine.js';
import { publicRoutes } from './routes/public/index.js';
import { forgetOldAnswers } from '../domain/pledges.js';
import { moderation } from './routes/admin/index.js';

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  /** For the demo, which puts Vite in front of some paths. */
  serverFactory?: FastifyServerFactory;
  /** Log lines go here instead of stdout (tests read them to check nothing personal is logged). */
  logStream?: NodeJS.WritableStream;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    clock: Clock;
    feeds: FeedCache;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Addresses, headers and bodies can identify a person: a log line has the method, the path
      // without its query, the status and the time taken, and nothing else.
      serializers: {
        req: (req) => ({ method: req.method, path: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    bodyLimit: config.bodyLimit,
    // Fastify's default is none: a sender trickling a body (or one that never ends) would hold its
    // connection for ever. A minute is ample for the largest upload (2 MB) on a slow line.
    requestTimeout: config.requestTimeoutMs,
    // Node takes the timeout only when it makes the server (Fastify's, set after, is not applied),
    // and looks for late requests every 30 s: a shorter timeout is looked for as often as it lasts.
    http: { requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: Math.min(30_000, config.requestTimeoutMs) },
    // A number of proxies: believe that many hops, counted from this server (proxy-addr's rule).
    // Fastify itself refuses a number (it cannot know who the nearest hop is), so it is a function
    // here: safe only when nothing but those proxies can reach the port (docs/scale.md).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Fastify's and Node's own answers run no hook: these give them our headers (edge.ts).
    frameworkErrors: frameworkErrors(config),
    clientErrorHandler,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('feeds', new FeedCache(database.db, { publicUrl: config.publicUrl, privacyNoticeUrl: config.privacyNoticeUrl }, config.feedRevalidateMs));

  // Set before any plugin: a route takes the handler in force when it is added, and @fastify/cors
  // adds its OPTIONS route at once (a body it could not read got Fastify's own answer and log line).
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const answer = errorAnswer(error, request);
    if (answer.status >= 500) logUnexpected(request.log, error, 'request failed');
    reply.code(answer.status).send(answer.body);
  });
  await app.register(helmet, API_HELMET);
  await app.register(cors, { hook: 'onRequest', delegator: (req, callback) => callback(null, corsFor(req, config)) });
  await app.register(rateLimit, { global: false });
  // Pages, calendars and JSON compressed for slow connections (feeds come precompressed from their
  // cache). Brotli at a middle quality: most of the saving for a fraction of the CPU of the maximum.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } });

  // An address that is served, asked with another method, is a 405 naming the methods it takes (as
  // under the public pages and the admin, whose catch-all routes give their own pages).
  app.setNotFoundHandler((request, reply) => {
    const allowed = routesNone(request) ? [] : allowedMethods(request);
    if (allowed.length > 0) reply.header('Allow', allowed.join(', '));
    const answer = routesNone(request) ? notImplementedAnswer(request) : allowed.length > 0 ? methodNotAllowedAnswer(request, allowed) : notFoundAnswer(request);
    reply.code(answer.status).send(answer.body);
  });

  await app.register(healthRoutes);
  await app.register(feedRoutes);
  await app.register(pledgeRoutes);
  await app.register(widgetRoutes);
  await app.register(viewEngine);
  await app.register(publicRoutes);
  await app.register(moderation);

  // Stored answers are replayed for at least 24 hours (config), then forgotten.
  let purge: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const run = () => forgetOldAnswers(database.db, app.clock, config.idempotencyHours).catch((error) => logUnexpected(app.log, error, 'idempotency purge failed', 'warn'));
    await run();
    purge = setInterval(run, 60 * 60 * 1000);
    purge.unref();
  });
  app.addHook('onClose', async () => {
    if (purge) clearInterval(purge);
  });
  return app;
}
