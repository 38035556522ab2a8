/**
 * WORKAROUND, for the owner of http/routes/widgets.ts to move there: /widgets/embed.html is the page
 * other sites put in an iframe (oEmbed, or pasted by hand), but it inherits the app's default headers,
 * `frame-ancestors 'none'` and `X-Frame-Options: SAMEORIGIN` (no site may frame it) and a CSP whose
 * `default-src 'none'` leaves out `connect-src` (its widget cannot fetch the feed). This hook gives
 * that one page the policy of a framed widget page: any site may frame it, it talks only to this
 * server, no inline script or style, Trusted Types with Lit's policy only.
 */
import type { FastifyInstance } from 'fastify';

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

async function embedPageHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] !== '/widgets/embed.html') return payload;
    reply.raw.removeHeader('x-frame-options');
    reply.header('Content-Security-Policy', EMBED_PAGE_CSP);
    return payload;
  });
}
// Not encapsulated: the hook must reach the widgets' static route, registered after it.
(embedPageHeaders as unknown as Record<symbol, unknown>)[Symbol.for('skip-override')] = true;

export { embedPageHeaders };
