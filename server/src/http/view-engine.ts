/**
 * Server-rendered pages: Nunjucks through @fastify/view, the GOV.UK Frontend macros and assets, and
 * the security headers every HTML page gets. Shared by the public pages and the admin: register it
 * once (app.ts), then any route plugin can `reply.viewAsync('public/compact.njk', data)` and extend
 * `layout.njk` (see the variables it documents at its top).
 *
 * Templates are looked up in src/http/views, then in govuk-frontend's dist, so
 * `{% from "govuk/components/table/macro.njk" import govukTable %}` works as the Design System shows.
 * Assets: /assets/ (govuk-frontend's fonts, images, manifest, and server/assets: our own small files),
 * /assets/govuk/govuk-frontend.min.{css,js}.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import type { Config } from '../config.js';

const here = dirname(fileURLToPath(import.meta.url));

/** src/http/views, whether this file runs from src/ (tsx) or from dist/ (tsc does not copy templates). */
export function viewsDir(): string {
  const beside = join(here, 'views');
  return existsSync(beside) ? beside : join(here, '..', '..', 'src', 'http', 'views');
}

/** server/assets: our own static files (the scripts that set GOV.UK's body classes, a little CSS). */
export function ownAssetsDir(): string {
  return join(here, '..', '..', 'assets');
}

export function govukFrontendDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('govuk-frontend/package.json'))), 'dist');
}

export interface PageSecurityOptions {
  /** Who may frame the page: `'self'` by default (pages are not embeds; /widgets/embed.html is). */
  frameAncestors?: string[];
}

/**
 * The `helmet` route option for an HTML page: a strict CSP (no inline script or style at all, Trusted
 * Types with only Lit's policy), framing by this site only. Use it on every page route:
 *   app.get('/x', { helmet: pageHelmet(app.config) }, handler)
 */
export function pageHelmet(config: Config, options: PageSecurityOptions = {}): FastifyHelmetOptions {
  const https = config.publicUrl.startsWith('https:');
  const frameAncestors = options.frameAncestors ?? ["'self'"];
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Signatory logos are on the organisations' own sites.
        imgSrc: ["'self'", 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors,
        requireTrustedTypesFor: ["'script'"],
        trustedTypes: ['lit-html'],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // X-Frame-Options for browsers without frame-ancestors; it has no way to name other sites.
    frameguard: frameAncestors.length === 1 && frameAncestors[0] === "'none'" ? { action: 'deny' } : frameAncestors.length === 1 && frameAncestors[0] === "'self'" ? { action: 'sameorigin' } : false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  } as FastifyHelmetOptions;
}

async function viewEngine(app: FastifyInstance): Promise<void> {
  const govuk = govukFrontendDir();
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [viewsDir(), govuk],
    // Templates are compiled once; set NODE_ENV=development to see edits without a restart.
    production: process.env.NODE_ENV !== 'development',
    options: { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  });

  // Each static folder in a context of its own, so its `reply.sendFile` never meets the widgets'.
  await app.register(async (assets) => {
    await assets.register(fastifyStatic, {
      root: [join(govuk, 'govuk', 'assets'), ownAssetsDir()],
      prefix: '/assets/',
      maxAge: '1h',
      decorateReply: false,
    });
  });
  await app.register(async (assets) => {
    await assets.register(fastifyStatic, {
      root: join(govuk, 'govuk'),
      prefix: '/assets/govuk/',
      maxAge: '1h',
      decorateReply: false,
      allowedPath: (path) => path === '/govuk-frontend.min.css' || path === '/govuk-frontend.min.js',
    });
  });
  // Pages name their icon (layout.njk). A browser asks for /favicon.ico only where nothing names one
  // (a feed opened in a tab): no icon there, and no 404 in its console.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
}

// Not encapsulated (as fastify-plugin does it): `reply.viewAsync` is there for every route plugin.
(viewEngine as unknown as Record<symbol, unknown>)[Symbol.for('skip-override')] = true;
(viewEngine as unknown as Record<symbol, unknown>)[Symbol.for('fastify.display-name')] = 'view-engine';

export { viewEngine };
