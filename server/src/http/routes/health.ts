import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.database.db);
      reply.header('Cache-Control', 'no-store');
      return { status: 'ok', database: app.database.dialect };
    } catch {
      return reply.code(503).header('Cache-Control', 'no-store').send({ status: 'unavailable', database: app.database.dialect });
    }
  });
}
