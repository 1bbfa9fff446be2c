import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { nowIso, toInt } from '../../db/index.js';

const ListQuery = z.object({
  unreadOnly: z.enum(['0', '1']).default('0'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** In-app notifications of the logged-in account. */
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
      requireActor(req);
      await runCommand(app, req, (ctx) => markRead(ctx, req.params.id));
      return { ok: true };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all read' } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => markRead(ctx, 'all'));
      return { ok: true };
    },
  );
}

/** Marks one (or every unread) notification of the actor read; another account's notification is a 404. */
async function markRead(ctx: CommandCtx, id: number | 'all'): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (id !== 'all') {
    const mine = await ctx.trx
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (!mine) throw new AppError('NOT_FOUND');
  }
  let q = ctx.trx
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null);
  if (id !== 'all') q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  const count = Number(res.numUpdatedRows);
  if (count === 0) return;
  await writeAudit(ctx, {
    action: 'notification.read',
    entityType: 'notification',
    entityId: id,
    after: { count },
  });
}
