import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

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
  await app.register(fastifyStatic, {
    root,
    prefix: '/widgets/',
    // Chunk names carry a content hash; the entry and the embed page do not, so they revalidate.
    maxAge: '5m',
    allowedPath: (path) => !path.includes('/lib/') && !path.endsWith('.map'),
  });
}
