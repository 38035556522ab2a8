/** The public outputs of issue 12: pages, calendar, updates feed, oEmbed (register after viewEngine). */
import type { FastifyInstance } from 'fastify';
import { publicOutputRoutes } from './outputs.js';
import { publicPageRoutes } from './pages.js';
import { oembedRoutes } from './oembed.js';

export { embedPageHeaders } from './embed-page-headers.js';

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  await app.register(publicOutputRoutes);
  await app.register(publicPageRoutes);
  await app.register(oembedRoutes);
}
