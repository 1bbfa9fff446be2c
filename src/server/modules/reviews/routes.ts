import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, runCommand } from '../../core/http/request.js';
import type { Actor } from '../../policy/index.js';
import { computeAssignment, pinPair, recuse, removePair } from './assign.js';
import {
  acceptDeclaration,
  currentYear,
  declarationOf,
  DECLARATION_TEXT,
  DECLARATION_VERSION,
  requireDeclaration,
} from './declaration.js';
import {
  createExpert,
  editExpert,
  listExperts,
  loadExpertRow,
  presentExpert,
  setExpertActive,
} from './experts.js';
import { roundResults, solutionFeedback } from './results.js';
import {
  closeRound,
  createRound,
  listRounds,
  loadRound,
  openScoring,
  presentRound,
  remindLate,
} from './rounds.js';
import {
  CloseBody,
  CreateExpertBody,
  CreateRoundBody,
  DeclarationBody,
  EditExpertBody,
  ExpertListQuery,
  PairBody,
  ScoresBody,
} from './schemas.js';
import { myAssignments, saveScores, viewAssignment } from './scoring.js';
import { authorize } from '../../policy/index.js';

const Id = z.coerce.number().int().positive();
const IdParams = z.object({ id: Id });

/** 专家评审: the expert pool, the yearly declaration, rounds, assignment, scoring, results and feedback. */
export async function reviewRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reviews'];
  const db = app.deps.db;
  /** Every reviews endpoint but the declaration itself: an expert must have accepted this year's. */
  const gate = async (req: FastifyRequest): Promise<Actor> => {
    const actor = requireActor(req);
    await requireDeclaration(db, actor);
    return actor;
  };
  const round = async (actor: Actor, id: number) => presentRound(db, actor, await loadRound(db, actor, id));
  const expert = async (actor: Actor, userId: number) => {
    const row = await loadExpertRow(db, userId);
    authorize(actor, 'review_expert', 'view', { userId });
    return presentExpert(actor, row);
  };

  app.get(
    '/api/reviews/declaration',
    { schema: { tags, summary: "This year's declaration and whether it was accepted" } },
    async (req) => {
      const actor = requireActor(req);
      const d = await declarationOf(db, actor.id);
      return {
        year: currentYear(),
        version: DECLARATION_VERSION,
        text: DECLARATION_TEXT,
        accepted: d !== undefined,
        acceptedAt: d?.accepted_at ?? null,
        conflicts: d ? (JSON.parse(d.conflicts_json) as string[]) : [],
      };
    },
  );
  app.post(
    '/api/reviews/declaration',
    { schema: { tags, summary: 'Accept the declaration (experts)', body: DeclarationBody } },
    async (req, reply) => {
      await runCommand(app, req, (ctx) => acceptDeclaration(ctx, req.body));
      reply.status(201);
      return { accepted: true, year: currentYear() };
    },
  );

  app.get(
    '/api/reviews/experts',
    { schema: { tags, summary: 'The expert pool', querystring: ExpertListQuery } },
    async (req) => listExperts(db, await gate(req), req.query),
  );
  app.post(
    '/api/reviews/experts',
    { schema: { tags, summary: 'Create an expert account', body: CreateExpertBody } },
    async (req, reply) => {
      const actor = await gate(req);
      const out = await runCommand(app, req, (ctx) => createExpert(ctx, req.body));
      reply.status(201);
      return { ...(await expert(actor, out.userId)), initialPassword: out.initialPassword };
    },
  );
  app.get('/api/reviews/experts/:id', { schema: { tags, params: IdParams } }, async (req) =>
    expert(await gate(req), req.params.id),
  );
  app.put(
    '/api/reviews/experts/:id',
    { schema: { tags, params: IdParams, body: EditExpertBody } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) => editExpert(ctx, req.params.id, req.body));
      return expert(actor, req.params.id);
    },
  );
  app.post(
    '/api/reviews/experts/:id/:to',
    { schema: { tags, params: IdParams.extend({ to: z.enum(['deactivate', 'activate']) }) } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) => setExpertActive(ctx, req.params.id, req.params.to === 'activate'));
      return expert(actor, req.params.id);
    },
  );

  app.get('/api/reviews/rounds', { schema: { tags } }, async (req) => listRounds(db, await gate(req)));
  app.post('/api/reviews/rounds', { schema: { tags, body: CreateRoundBody } }, async (req, reply) => {
    const actor = await gate(req);
    const id = await runCommand(app, req, (ctx) => createRound(ctx, req.body));
    reply.status(201);
    return round(actor, id);
  });
  app.get('/api/reviews/rounds/:id', { schema: { tags, params: IdParams } }, async (req) =>
    round(await gate(req), req.params.id),
  );
  app.post('/api/reviews/rounds/:id/assign', { schema: { tags, params: IdParams } }, async (req) => {
    const actor = await gate(req);
    await runCommand(app, req, (ctx) => computeAssignment(ctx, req.params.id));
    return round(actor, req.params.id);
  });
  app.post('/api/reviews/rounds/:id/open-scoring', { schema: { tags, params: IdParams } }, async (req) => {
    const actor = await gate(req);
    await runCommand(app, req, (ctx) => openScoring(ctx, req.params.id));
    return round(actor, req.params.id);
  });
  app.post(
    '/api/reviews/rounds/:id/close',
    { schema: { tags, params: IdParams, body: CloseBody.optional() } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) => closeRound(ctx, req.params.id, req.body?.reason ?? ''));
      return round(actor, req.params.id);
    },
  );
  app.post('/api/reviews/rounds/:id/remind', { schema: { tags, params: IdParams } }, async (req) => {
    await gate(req);
    return { reminded: await runCommand(app, req, (ctx) => remindLate(ctx, req.params.id)) };
  });
  app.post(
    '/api/reviews/rounds/:id/pairs',
    { schema: { tags, params: IdParams, body: PairBody } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) =>
        pinPair(ctx, req.params.id, req.body.solutionId, req.body.expertUserId),
      );
      return round(actor, req.params.id);
    },
  );
  app.post(
    '/api/reviews/rounds/:id/pairs/remove',
    { schema: { tags, params: IdParams, body: PairBody } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) =>
        removePair(ctx, req.params.id, req.body.solutionId, req.body.expertUserId),
      );
      return round(actor, req.params.id);
    },
  );
  app.get('/api/reviews/rounds/:id/results', { schema: { tags, params: IdParams } }, async (req) =>
    roundResults(db, await gate(req), req.params.id),
  );

  app.get('/api/reviews/assignments', { schema: { tags, summary: "The expert's items" } }, async (req) =>
    myAssignments(db, await gate(req)),
  );
  app.get('/api/reviews/assignments/:id', { schema: { tags, params: IdParams } }, async (req) =>
    viewAssignment(db, await gate(req), req.params.id),
  );
  app.put(
    '/api/reviews/assignments/:id',
    { schema: { tags, params: IdParams, body: ScoresBody } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) => saveScores(ctx, req.params.id, req.body, false));
      return viewAssignment(db, actor, req.params.id);
    },
  );
  app.post(
    '/api/reviews/assignments/:id/submit',
    { schema: { tags, params: IdParams, body: ScoresBody } },
    async (req) => {
      const actor = await gate(req);
      await runCommand(app, req, (ctx) => saveScores(ctx, req.params.id, req.body, true));
      return viewAssignment(db, actor, req.params.id);
    },
  );
  app.post('/api/reviews/assignments/:id/recuse', { schema: { tags, params: IdParams } }, async (req) => {
    await gate(req);
    return runCommand(app, req, (ctx) => recuse(ctx, req.params.id));
  });

  app.get(
    '/api/reviews/solutions/:id/feedback',
    {
      schema: {
        tags,
        summary: "The taker's scores and anonymised comments (closed rounds)",
        params: IdParams,
      },
    },
    async (req) => solutionFeedback(db, await gate(req), req.params.id),
  );
}
