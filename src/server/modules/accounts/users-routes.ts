import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runCommand, requireActor } from '../../core/http/request.js';
import { containsText, toInt } from '../../db/index.js';
import { authorize, authorizeType } from '../../policy/index.js';
import {
  changeRole,
  createStaff,
  loadAccount,
  resetPassword,
  setAccountStatus,
  unlockAccount,
} from './commands/staff.js';
import { presentUser, presentUsers } from './presenter.js';
import { ChangeRoleBody, CreateStaffBody, IdParams, ListUsersQuery } from './schemas.js';

/** Account administration: the system admin (accounts) and the security admin (roles, unlocking). */
export async function userRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/users',
    { schema: { tags: ['accounts'], summary: 'List accounts', querystring: ListUsersQuery } },
    async (req) => {
      const actor = requireActor(req);
      authorizeType(actor, 'account', 'list');
      const { q, role, regionId, page, pageSize } = req.query;
      let query = app.deps.db.selectFrom('users');
      if (q)
        query = query.where((eb) => eb.or([containsText('username', q), containsText('display_name', q)]));
      if (role) query = query.where('role', '=', role);
      if (regionId) query = query.where('region_id', '=', regionId);
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const ids = await query
        .select('id')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        items: await presentUsers(
          app.deps.db,
          actor,
          ids.map((r) => r.id),
        ),
        total: toInt(n),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: ['accounts'], summary: 'One account', params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'account', 'view', await loadAccount(app.deps.db, req.params.id));
      return presentUser(app.deps.db, actor, req.params.id);
    },
  );

  app.post(
    '/api/users',
    {
      schema: { tags: ['accounts'], summary: 'Create a staff account (system admin)', body: CreateStaffBody },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const out = await runCommand(app, req, (ctx) => createStaff(ctx, req.body));
      reply.status(201);
      return {
        user: await presentUser(app.deps.db, actor, out.userId),
        initialPassword: out.initialPassword,
      };
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags: ['accounts'], summary: 'Reset a password (system admin)', params: IdParams } },
    async (req) => {
      requireActor(req);
      const pw = await runCommand(app, req, (ctx) => resetPassword(ctx, req.params.id));
      return { initialPassword: pw };
    },
  );

  for (const [path, to] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/api/users/:id/${path}`,
      { schema: { tags: ['accounts'], summary: `${path} an account (system admin)`, params: IdParams } },
      async (req) => {
        const actor = requireActor(req);
        await runCommand(app, req, (ctx) => setAccountStatus(ctx, req.params.id, to));
        return presentUser(app.deps.db, actor, req.params.id);
      },
    );
  }

  app.post(
    '/api/users/:id/role',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change role and region (security admin)',
        params: IdParams,
        body: ChangeRoleBody,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => changeRole(ctx, req.params.id, req.body.role, req.body.regionId));
      return presentUser(app.deps.db, actor, req.params.id);
    },
  );

  app.post(
    '/api/users/:id/unlock',
    { schema: { tags: ['accounts'], summary: 'Unlock an account (security admin)', params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => unlockAccount(ctx, req.params.id));
      return presentUser(app.deps.db, actor, req.params.id);
    },
  );
}
