import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** Liveness and database reachability. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Health check' }, config: { public: true } },
    async () => {
      await sql`select 1`.execute(app.deps.db);
      return { status: 'ok', database: app.deps.dialect, time: new Date().toISOString() };
    },
  );
}
