/** The public outputs of issue 12: pages, calendar, updates feed, oEmbed (register after viewEngine). */
import type { FastifyInstance } from 'fastify';
import { publicOutputRoutes } from './outputs.js';
import { publicPageRoutes } from './pages.js';
import { oembedRoutes } from './oembed.js';
import { CompactSources } from './compact-source.js';


export async function publicRoutes(app: FastifyInstance): Promise<void> {
  // One reading of each compact for all of them.
  const sources = new CompactSources(app);
  await app.register(publicOutputRoutes, { sources });
  await app.register(publicPageRoutes, { sources });
  await app.register(oembedRoutes, { sources });
}
