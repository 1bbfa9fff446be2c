import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { authorize } from '../../policy/index.js';
import { SolutionInput } from '../../../shared/taking/solution.js';
import { logAccess } from '../challenges/access-log.js';
import { hasAccepted, listAccess } from './confidential.js';
import { loadSolution } from './load.js';
import { presentSolution } from './presenter.js';
import { challengeSolutions } from './queries.js';
import { sendFile } from './routes.js';
import { saveSolution, solutionTransition } from './solutions.js';
import { SOLUTION_ACTIONS } from './workflow.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const FileParams = IdParams.extend({ fileId: z.coerce.number().int().positive() });
const ActionParams = IdParams.extend({ action: z.enum(SOLUTION_ACTIONS) });
const SaveBody = z.object({ solution: SolutionInput, revision: z.number().int().positive() });

/** 揭榜方案: read, save or replace, submit, withdraw; attachments behind the poster's 保密书, logged. */
export async function solutionRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['taking'];
  const db = app.deps.db;
  const present = async (req: { actor: Parameters<typeof loadSolution>[1] }, id: number) =>
    presentSolution(db, req.actor, await loadSolution(db, req.actor, id));

  app.get(
    '/api/challenges/:id/solutions',
    { schema: { tags, summary: "A need's solutions (poster's side: submitted ones)", params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      const list = await challengeSolutions(db, actor, req.params.id);
      const items = [];
      for (const l of list) items.push(await presentSolution(db, actor, l));
      return { items };
    },
  );

  app.get(
    '/api/solutions/:id',
    { schema: { tags, summary: 'One solution', params: IdParams } },
    async (req) => present(req, req.params.id),
  );

  app.put(
    '/api/solutions/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft, or replace a submitted solution until the deadline (compare-and-set)',
        params: IdParams,
        body: SaveBody,
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) =>
        saveSolution(ctx, req.params.id, req.body.solution, req.body.revision),
      );
      return present(req, req.params.id);
    },
  );

  app.post(
    '/api/solutions/:id/actions/:action',
    { schema: { tags, summary: 'Submit or withdraw a solution', params: ActionParams } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => solutionTransition(ctx, req.params.id, req.params.action));
      return present(req, req.params.id);
    },
  );

  app.get(
    '/api/solutions/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: "Download a solution's attachment (the poster only after its 保密书; every download logged)",
        params: FileParams,
      },
    },
    async (req, reply) => {
      requireActor(req);
      await runCommand(app, req, async (ctx) => {
        const actor = requireActor(req);
        const l = await loadSolution(ctx.trx, actor, req.params.id);
        authorize(actor, 'solution', 'view_attachments', l.solutionRes);
        const poster =
          actor.id === l.challenge.posterUserId ||
          (l.challenge.unitId !== null && actor.unitId === l.challenge.unitId);
        if (poster && !(await hasAccepted(ctx.trx, l.challenge.id, actor.id, 'poster')))
          throw new AppError('CONFIDENTIALITY_REQUIRED');
        if (!l.solution.content.attachmentIds.includes(req.params.fileId)) throw new AppError('NOT_FOUND');
        await logAccess(ctx.trx, actor, ctx.ip, {
          challengeId: l.challenge.id,
          subjectType: 'solution',
          subjectId: l.solution.id,
          what: 'file',
          fileId: req.params.fileId,
        });
      });
      return sendFile(app, reply, req.params.fileId);
    },
  );

  app.get(
    '/api/solutions/:id/access-log',
    { schema: { tags, summary: "Who downloaded the solution's attachments", params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      const l = await loadSolution(db, actor, req.params.id);
      authorize(actor, 'solution', 'access_log', l.solutionRes);
      return { items: await listAccess(db, 'solution', l.solution.id) };
    },
  );
}
