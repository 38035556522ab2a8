import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * embed.html is the page other sites put in an iframe (oEmbed, or pasted by hand): any site may frame
 * it; it talks only to this server; no inline script or style; Trusted Types with Lit's policy only.
 */
export const EMBED_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  'frame-ancestors *',
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The built widgets (compact-widgets.js, its chunks, embed.html), so a council can serve them itself. */
export function widgetsDir(): string {
  const schema = fileURLToPath(import.meta.resolve('compact-widgets/feed-schema.json'));
  return join(dirname(dirname(schema)), 'dist');
}

export async function widgetRoutes(app: FastifyInstance): Promise<void> {
  const root = widgetsDir();
  if (!existsSync(join(root, 'compact-widgets.js'))) {
    app.log.warn('The widgets are not built (npm run build): /widgets/ serves nothing');
    return;
  }
  // In this plugin's scope only: the app's default headers forbid framing, which is the embed's purpose.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] === '/widgets/embed.html') {
      reply.removeHeader('x-frame-options');
      reply.header('Content-Security-Policy', EMBED_PAGE_CSP);
    }
    return payload;
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/widgets/',
    // Chunk names carry a content hash; the entry and the embed page do not, so they revalidate.
    maxAge: '5m',
    allowedPath: (path) => !path.includes('/lib/') && !path.endsWith('.map'),
  });
}
