import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { authorize } from '../../policy/index.js';
import { CONFIDENTIALITY, CONFIDENTIALITY_SIDES } from '../../../shared/taking/confidentiality.js';
import { SolutionInput } from '../../../shared/taking/solution.js';
import { loadChallenge, policyRes } from '../challenges/load.js';
import { acceptConfidentiality, listAccess, openConfidential, presentConfidential } from './confidential.js';
import { loadSignup, loadSolution } from './load.js';
import { presentSignup, presentSignups, presentSolution } from './presenter.js';
import { challengeSignups, mySignups } from './queries.js';
import { invite, respond, SignupBody, signUp, signupTransition } from './signups.js';
import { createSolution } from './solutions.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const FileParams = IdParams.extend({ fileId: z.coerce.number().int().positive() });
const SideParams = z.object({ side: z.enum(CONFIDENTIALITY_SIDES) });
const AcceptBody = z.object({ side: z.enum(CONFIDENTIALITY_SIDES), version: z.string().min(1).max(40) });
const InviteBody = z.object({ username: z.string().trim().min(1).max(64) });

/** Sends a stored file; confidential material is never cached. */
export async function sendFile(
  app: FastifyInstance,
  reply: FastifyReply,
  fileId: number,
): Promise<FastifyReply> {
  const f = await app.deps.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND');
  const data = await app.deps.storage.get(f.storage_key);
  reply
    .type(f.mime)
    .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('Cache-Control', 'private, no-store');
  return reply.send(data);
}

/** 揭榜: sign-ups, team invitations, the confidentiality gate on a need, and the access log. */
export async function takingRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['taking'];
  const db = app.deps.db;
  const present = async (req: { actor: Parameters<typeof loadSignup>[1] }, id: number) =>
    presentSignup(db, req.actor, await loadSignup(db, req.actor, id));

  app.get(
    '/api/confidentiality/:side',
    {
      schema: { tags, summary: 'The confidentiality agreement (保密书) of a side', params: SideParams },
      config: { public: true },
    },
    async (req) => CONFIDENTIALITY[req.params.side],
  );

  app.post(
    '/api/challenges/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign up for a need (揭榜报名): a PhD/postdoc, a team led by one, or a unit',
        params: IdParams,
        body: SignupBody,
      },
    },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) => signUp(ctx, req.params.id, req.body));
      reply.status(201);
      return present(req, id);
    },
  );

  app.get(
    '/api/challenges/:id/signups',
    { schema: { tags, summary: "A need's sign-ups (poster's side, municipal office)", params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      return { items: await presentSignups(db, actor, await challengeSignups(db, actor, req.params.id)) };
    },
  );

  app.post(
    '/api/challenges/:id/confidentiality',
    {
      schema: {
        tags,
        summary:
          'Accept the 保密书 of a need (taker: before its confidential part; poster: before attachments)',
        params: IdParams,
        body: AcceptBody,
      },
    },
    async (req) => {
      requireActor(req);
      return runCommand(app, req, (ctx) =>
        acceptConfidentiality(ctx, req.params.id, req.body.side, req.body.version),
      );
    },
  );

  app.get(
    '/api/challenges/:id/confidential',
    {
      schema: {
        tags,
        summary: "A need's confidential part for a taker who accepted the 保密书 (every view logged)",
        params: IdParams,
      },
    },
    async (req) => {
      requireActor(req);
      const { challenge } = await runCommand(app, req, (ctx) => openConfidential(ctx, req.params.id, null));
      return presentConfidential(db, challenge);
    },
  );

  app.get(
    '/api/challenges/:id/confidential/files/:fileId',
    {
      schema: {
        tags,
        summary: "Download a need's confidential attachment as a taker (gated, logged)",
        params: FileParams,
      },
    },
    async (req, reply) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => openConfidential(ctx, req.params.id, req.params.fileId));
      return sendFile(app, reply, req.params.fileId);
    },
  );

  app.get(
    '/api/challenges/:id/access-log',
    {
      schema: {
        tags,
        summary: "Who viewed or downloaded the need's confidential material",
        params: IdParams,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { record } = await loadChallenge(db, actor, req.params.id);
      authorize(actor, 'challenge', 'access_log', policyRes(record));
      return { items: await listAccess(db, 'challenge', record.id) };
    },
  );

  app.get('/api/signups/mine', { schema: { tags, summary: 'My sign-ups and invitations' } }, async (req) => {
    const actor = requireActor(req);
    return { items: await presentSignups(db, actor, await mySignups(db, actor)) };
  });

  app.get('/api/signups/:id', { schema: { tags, summary: 'One sign-up', params: IdParams } }, async (req) =>
    present(req, req.params.id),
  );

  app.post(
    '/api/signups/:id/members',
    { schema: { tags, summary: 'Invite a team member by account', params: IdParams, body: InviteBody } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => invite(ctx, req.params.id, req.body.username));
      return present(req, req.params.id);
    },
  );

  for (const action of ['confirm', 'decline'] as const) {
    app.post(
      `/api/signups/:id/invitation/${action}`,
      { schema: { tags, summary: `${action} an invitation to a team`, params: IdParams } },
      async (req) => {
        requireActor(req);
        await runCommand(app, req, (ctx) => respond(ctx, req.params.id, action));
        // Whoever declined is no longer on the sign-up and may not see it any more.
        if (action === 'decline') return { id: req.params.id, invitation: 'declined' };
        return present(req, req.params.id);
      },
    );
  }

  app.post(
    '/api/signups/:id/withdraw',
    { schema: { tags, summary: 'Withdraw a sign-up (and its solution)', params: IdParams } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => signupTransition(ctx, req.params.id, 'withdraw'));
      return present(req, req.params.id);
    },
  );

  app.post(
    '/api/signups/:id/solution',
    {
      schema: {
        tags,
        summary: 'Start the solution (揭榜方案) as a draft',
        params: IdParams,
        body: SolutionInput,
      },
    },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) => createSolution(ctx, req.params.id, req.body));
      reply.status(201);
      return presentSolution(db, req.actor, await loadSolution(db, req.actor, id));
    },
  );
}
