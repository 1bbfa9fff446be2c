import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runCommand, requireActor, setSessionCookie, currentSecurity } from '../../core/http/request.js';
import { changeOwnPassword } from './commands/change-password.js';
import { AppError } from '../../core/errors.js';
import { checkPassword, countLoginAttempt, login } from './commands/login.js';
import { registerIndividual, registerUnit } from './commands/register.js';
import { presentUser } from './presenter.js';
import { ChangePasswordBody, LoginBody, RegisterIndividualBody, RegisterUnitBody } from './schemas.js';
import { deleteSession, loadActor, SESSION_COOKIE } from './sessions.js';
import { writeAudit } from '../../core/audit.js';
import { permissions } from '../../policy/index.js';

/** Registration, login, logout, session and own password. */
export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const open = { allowDuringPasswordChange: true };
  const anonymous = { public: true, allowDuringPasswordChange: true };

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Who am I (null when logged out)' }, config: anonymous },
    async (req) => {
      if (!req.actor) return { user: null, expired: req.sessionExpired };
      return {
        user: await presentUser(app.deps.db, req.actor, req.actor.id),
        expired: false,
        permissions: permissions(req.actor),
      };
    },
  );

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], summary: 'Log in', body: LoginBody }, config: anonymous },
    async (req, reply) => {
      const security = await currentSecurity(app.deps);
      // Counted first (its own transaction), so a caller over the limit costs no password hashing.
      const allowed = await runCommand(app, req, (ctx) =>
        countLoginAttempt(ctx, app.deps.loginLimitPerMinute),
      );
      if (!allowed) throw new AppError('RATE_LIMITED');
      const check = await checkPassword(app.deps.db, req.body);
      const result = await runCommand(app, req, (ctx) => login(ctx, req.body, security, check));
      if (!result.ok) throw result.error;
      setSessionCookie(app, reply, result.token);
      const actor = await loadActor(app.deps.db, result.userId);
      return { user: await presentUser(app.deps.db, actor, actor.id) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Log out' }, config: anonymous },
    async (req, reply) => {
      const sid = req.sessionId;
      if (req.actor && sid) {
        await runCommand(app, req, async (ctx) => {
          await deleteSession(ctx.trx, sid);
          await writeAudit(ctx, {
            action: 'auth.logout',
            entityType: 'account',
            entityId: ctx.actor?.id ?? 0,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: 'Change own password', body: ChangePasswordBody }, config: open },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => changeOwnPassword(ctx, req.sessionId, req.body));
      return { user: await presentUser(app.deps.db, actor, actor.id) };
    },
  );

  app.post(
    '/api/accounts/register/unit',
    {
      schema: { tags: ['accounts'], summary: 'Register a unit (单位注册)', body: RegisterUnitBody },
      config: anonymous,
    },
    async (req, reply) => {
      const id = await runCommand(app, req, (ctx) => registerUnit(ctx, req.body));
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/accounts/register/individual',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register an individual (个人注册)',
        body: RegisterIndividualBody,
      },
      config: anonymous,
    },
    async (req, reply) => {
      const id = await runCommand(app, req, (ctx) => registerIndividual(ctx, req.body));
      reply.status(201);
      return { id };
    },
  );
}
