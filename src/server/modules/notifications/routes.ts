import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor } from '../../core/http/request.js';
import { nowIso, toInt } from '../../db/index.js';

const ListQuery = z.object({
  unreadOnly: z.enum(['0', '1']).default('0'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** In-app notifications of the logged-in account. Marking read is not audited: it changes no business data. */
export async function notificationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], summary: 'My notifications', querystring: ListQuery } },
    async (req) => {
      const actor = requireActor(req);
      let q = app.deps.db.selectFrom('notifications').where('user_id', '=', actor.id);
      if (req.query.unreadOnly === '1') q = q.where('read_at', 'is', null);
      const rows = await q.selectAll().orderBy('id', 'desc').limit(req.query.limit).execute();
      const { n } = await app.deps.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', actor.id)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        unread: toInt(n),
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: 'Mark one read', params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      const res = await app.deps.db
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('id', '=', req.params.id)
        .where('user_id', '=', actor.id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
      return { ok: true };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all read' } },
    async (req) => {
      const actor = requireActor(req);
      await app.deps.db
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('user_id', '=', actor.id)
        .where('read_at', 'is', null)
        .execute();
      return { ok: true };
    },
  );
}
