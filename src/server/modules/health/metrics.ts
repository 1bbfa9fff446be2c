import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import { renderMetrics, type Gauge } from '../../core/metrics.js';
import type { Db } from '../../db/index.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may scrape: with METRICS_TOKEN set, a request bearing it; without, only a direct request from this
 * machine (loopback socket, no proxy header — a reverse proxy on the same host must not expose it).
 */
function mayScrape(req: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const want = Buffer.from(`Bearer ${token}`);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
}

/** Gauges read from the database at scrape time (shared by every node: the same value on each). */
function databaseGauges(db: Db): Gauge[] {
  return [
    {
      name: 'bohou_outbox_messages',
      help: 'Outbox messages by status (pending: waiting to be carried out; failed: gave up)',
      read: async () => {
        const rows = await db
          .selectFrom('outbox')
          .select(['status', sql<number>`count(*)`.as('n')])
          .where('status', 'in', ['pending', 'failed'])
          .groupBy('status')
          .execute();
        return ['pending', 'failed'].map((status) => ({
          labels: { status },
          value: Number(rows.find((r) => r.status === status)?.n ?? 0),
        }));
      },
    },
    {
      name: 'bohou_sessions',
      help: 'Sessions in the database (all nodes)',
      read: async () => {
        const r = await db
          .selectFrom('sessions')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirst();
        return [{ value: Number(r?.n ?? 0) }];
      },
    },
  ];
}

/** Prometheus metrics of this node: requests, jobs, outbox, process; see core/metrics.ts. */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const gauges = databaseGauges(app.deps.db);
  app.get('/metrics', { schema: { hide: true }, config: { public: true } }, async (req, reply) => {
    if (!mayScrape(req, app.deps.config.metricsToken)) throw new AppError('NOT_FOUND');
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return renderMetrics(gauges);
  });
}
