import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, runCommand } from '../../core/http/request.js';
import { logAccess } from '../challenges/access-log.js';
import { engage, listMessages, postMessage, threadFile } from './engagement.js';
import { solutionHistory } from './history.js';
import { loadSolution } from './load.js';
import { presentSolution } from './presenter.js';
import { sendFile } from './routes.js';
import { ENGAGEMENT_ACTIONS } from './workflow.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const ActionParams = IdParams.extend({ action: z.enum(ENGAGEMENT_ACTIONS) });
const MessageBody = z.object({
  body: z.string().trim().min(1).max(5000),
  /** The writer's own uploads (POST /api/files). */
  attachmentIds: z.array(z.number().int().positive()).max(10).default([]),
});
const FileParams = IdParams.extend({ fileId: z.coerce.number().int().positive() });
const DecisionBody = z.object({ opinion: z.string().trim().max(2000).optional() });

/** 对接: the thread of a solution and the two-sided decision (→ 对接成功). */
export async function engagementRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['taking'];
  const db = app.deps.db;

  app.get(
    '/api/solutions/:id/messages',
    { schema: { tags, summary: "A solution's engagement thread", params: IdParams } },
    async (req) => ({ items: await listMessages(db, requireActor(req), req.params.id) }),
  );

  app.post(
    '/api/solutions/:id/messages',
    {
      schema: {
        tags,
        summary: 'Write in the thread (poster, taker, municipal office)',
        params: IdParams,
        body: MessageBody,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) =>
        postMessage(ctx, req.params.id, req.body.body, req.body.attachmentIds),
      );
      reply.status(201);
      return { items: await listMessages(db, actor, req.params.id) };
    },
  );

  app.get(
    '/api/solutions/:id/messages/files/:fileId',
    {
      schema: {
        tags,
        summary: "Download a file attached in the thread (the thread's parties and the office; logged)",
        params: FileParams,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const l = await threadFile(db, actor, req.params.id, req.params.fileId);
      await logAccess(db, actor, req.ip, {
        challengeId: l.challenge.id,
        subjectType: 'solution',
        subjectId: l.solution.id,
        what: 'file',
        fileId: req.params.fileId,
      });
      return sendFile(app, reply, req.params.fileId);
    },
  );

  app.get(
    '/api/solutions/:id/history',
    {
      schema: {
        tags,
        summary: "A solution's history: submitted, replaced, withdrawn, and every decision with its reason",
        params: IdParams,
      },
    },
    async (req) => ({ items: await solutionHistory(db, requireActor(req), req.params.id) }),
  );

  app.post(
    '/api/solutions/:id/engagement/:action',
    {
      schema: {
        tags,
        summary: 'Shortlist, reject (with a reason), propose or confirm/decline the match',
        params: ActionParams,
        body: DecisionBody.optional(),
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) =>
        engage(ctx, req.params.id, req.params.action, req.body?.opinion ?? ''),
      );
      return presentSolution(db, req.actor, await loadSolution(db, req.actor, req.params.id));
    },
  );
}
