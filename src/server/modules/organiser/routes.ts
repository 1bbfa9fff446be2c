import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { xlsxFilename } from '../../core/excel.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import {
  CandidateQuery,
  listSuggestions,
  mySuggestions,
  searchCandidates,
  SuggestionListQuery,
  suggestionsForNeed,
} from './lists.js';
import { engagementOverview, exportOverview, OverviewQuery } from './overview.js';
import { QueueQuery, verificationQueue } from './queue.js';
import { recommendNeeds, recommendTakers } from './recommend.js';
import { decideSuggestion, SuggestBody, suggestTaker } from './suggestions.js';
import { decideVerification, viewVerification } from './verify.js';
import { VERIFICATION_ACTIONS, VERIFIED_TYPES } from './workflow.js';

const Id = z.coerce.number().int().positive();
const IdParams = z.object({ id: Id });
const SubjectParams = z.object({ type: z.enum(VERIFIED_TYPES), id: Id });
const NoteBody = z.object({ note: z.string().trim().max(2000).default('') });
const ReasonBody = z.object({ reason: z.string().trim().max(2000).default('') });

/** 主办方组织服务: 核实, the engagement overview, suggestions of a taker, recommendations. */
export async function organiserRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['organiser'];
  const db = app.deps.db;

  app.get(
    '/api/organiser/verifications',
    {
      schema: {
        tags,
        summary: '核实 queue: postings or sign-ups in scope, with their verification',
        querystring: QueueQuery,
      },
    },
    async (req) => verificationQueue(db, requireActor(req), req.query),
  );
  app.get(
    '/api/organiser/verifications/:type/:id',
    {
      schema: {
        tags,
        summary: 'The verification of a posting or sign-up (offices in scope, its owners)',
        params: SubjectParams,
      },
    },
    async (req) => viewVerification(db, requireActor(req), req.params.type, req.params.id),
  );
  app.post(
    '/api/organiser/verifications/:type/:id/:action',
    {
      schema: {
        tags,
        summary: 'Verify (核实) or question (存疑, note required) a posting or sign-up',
        params: SubjectParams.extend({ action: z.enum(VERIFICATION_ACTIONS) }),
        body: NoteBody,
      },
    },
    async (req) =>
      runCommand(app, req, (ctx) =>
        decideVerification(ctx, req.params.type, req.params.id, req.params.action, req.body.note),
      ),
  );

  app.get(
    '/api/organiser/engagements',
    {
      schema: {
        tags,
        summary: 'Every sign-up in scope with its solution, thread and verification',
        querystring: OverviewQuery,
      },
    },
    async (req) => engagementOverview(db, requireActor(req), req.query),
  );
  app.get(
    '/api/organiser/engagements/export.xlsx',
    {
      schema: { tags, summary: 'The engagement overview as Excel (same filter)', querystring: OverviewQuery },
    },
    async (req, reply) => {
      const buf = await exportOverview(db, requireActor(req), req.query);
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename('对接总览'));
      return reply.send(buf);
    },
  );

  app.get(
    '/api/organiser/candidates',
    {
      schema: {
        tags,
        summary: 'People or units by name, for a suggestion (offices)',
        querystring: CandidateQuery,
      },
    },
    async (req) => searchCandidates(db, requireActor(req), req.query),
  );
  app.post(
    '/api/organiser/suggestions',
    {
      schema: {
        tags,
        summary: 'Suggest a person or unit to a poster for an open need (推荐揭榜方)',
        body: SuggestBody,
      },
    },
    async (req, reply) => {
      const view = await runCommand(app, req, (ctx) => suggestTaker(ctx, req.body));
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/organiser/suggestions',
    { schema: { tags, summary: "The office's suggestions in scope", querystring: SuggestionListQuery } },
    async (req) => listSuggestions(db, requireActor(req), req.query),
  );
  app.get(
    '/api/challenges/:id/suggestions',
    {
      schema: { tags, summary: "A need's suggested takers (its poster, offices in scope)", params: IdParams },
    },
    async (req) => suggestionsForNeed(db, requireActor(req), req.params.id),
  );
  app.get(
    '/api/suggestions/mine',
    { schema: { tags, summary: 'Suggestions made to me (or my unit)' } },
    async (req) => mySuggestions(db, requireActor(req)),
  );
  for (const action of ['decline', 'withdraw'] as const) {
    app.post(
      `/api/suggestions/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'decline'
              ? 'Decline a suggestion (the suggested party; reason required)'
              : 'Withdraw a suggestion (office)',
          params: IdParams,
          body: ReasonBody,
        },
      },
      async (req) =>
        runCommand(app, req, (ctx) => decideSuggestion(ctx, req.params.id, action, req.body.reason)),
    );
  }

  app.get(
    '/api/challenges/:id/recommendations',
    {
      schema: {
        tags,
        summary: 'Best-fitting takers for a need, with reasons (its poster, offices in scope)',
        params: IdParams,
      },
    },
    async (req) => recommendTakers(db, requireActor(req), req.params.id),
  );
  app.get(
    '/api/recommendations/needs',
    { schema: { tags, summary: '为我推荐: open needs that fit me best, with reasons' } },
    async (req) => recommendNeeds(db, requireActor(req)),
  );
}
