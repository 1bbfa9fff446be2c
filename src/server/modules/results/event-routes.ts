import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, runCommand } from '../../core/http/request.js';
import { EventInput, RecommendInput } from '../../../shared/results/rules.js';
import {
  certificatePdf,
  issueCertificate,
  IssueInput,
  loadCertificate,
  myCertificates,
  presentCertificate,
} from './certificates.js';
import {
  addParticipant,
  addProject,
  createEvent,
  editEvent,
  listEvents,
  listMatches,
  ParticipantInput,
  presentEvent,
  ProjectInput,
  recommend,
  removeParticipant,
  removeProject,
  unrecommend,
} from './events.js';

const Id = z.coerce.number().int().positive();
const IdParams = z.object({ id: Id });
const UserParams = z.object({ id: Id, userId: Id });
const SolutionParams = z.object({ id: Id, solutionId: Id });
const MatchParams = z.object({ solutionId: Id });

/** 活动与大赛 (events, participants, projects, competition recommendations) and 我的证明 (certificates). */
export async function resultsEventRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const db = app.deps.db;

  app.get('/api/results/events', { schema: { tags, summary: 'Events in scope (offices)' } }, async (req) =>
    listEvents(db, requireActor(req)),
  );

  app.post(
    '/api/results/events',
    { schema: { tags, summary: 'Record an event (municipal office)', body: EventInput } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await runCommand(app, req, (ctx) => createEvent(ctx, req.body));
      reply.status(201);
      return presentEvent(db, actor, id);
    },
  );

  app.get(
    '/api/results/events/:id',
    { schema: { tags, summary: 'An event with its participants and projects', params: IdParams } },
    async (req) => presentEvent(db, requireActor(req), req.params.id),
  );

  app.put(
    '/api/results/events/:id',
    {
      schema: {
        tags,
        summary: 'Edit an event (compare-and-set on the revision)',
        params: IdParams,
        body: EventInput.extend({ revision: z.number().int().positive() }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => editEvent(ctx, req.params.id, req.body));
      return presentEvent(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/results/events/:id/participants',
    { schema: { tags, summary: 'Link an account (by username)', params: IdParams, body: ParticipantInput } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => addParticipant(ctx, req.params.id, req.body.username));
      return presentEvent(db, actor, req.params.id);
    },
  );

  app.delete(
    '/api/results/events/:id/participants/:userId',
    { schema: { tags, summary: 'Unlink an account', params: UserParams } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => removeParticipant(ctx, req.params.id, req.params.userId));
      return presentEvent(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/results/events/:id/projects',
    { schema: { tags, summary: 'Link a matched project', params: IdParams, body: ProjectInput } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => addProject(ctx, req.params.id, req.body.solutionId));
      return presentEvent(db, actor, req.params.id);
    },
  );

  app.delete(
    '/api/results/events/:id/projects/:solutionId',
    { schema: { tags, summary: 'Unlink a project', params: SolutionParams } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => removeProject(ctx, req.params.id, req.params.solutionId));
      return presentEvent(db, actor, req.params.id);
    },
  );

  app.get(
    '/api/results/matches',
    { schema: { tags, summary: 'Matched projects with their competition recommendation (offices)' } },
    async (req) => listMatches(db, requireActor(req)),
  );

  app.put(
    '/api/results/matches/:solutionId/competition',
    {
      schema: {
        tags,
        summary: 'Recommend to the innovation and entrepreneurship competition (推荐参加创新创业大赛)',
        params: MatchParams,
        body: RecommendInput,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => recommend(ctx, req.params.solutionId, req.body));
      return listMatches(db, actor);
    },
  );

  app.delete(
    '/api/results/matches/:solutionId/competition',
    { schema: { tags, summary: 'Remove the recommendation', params: MatchParams } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => unrecommend(ctx, req.params.solutionId));
      return listMatches(db, actor);
    },
  );

  app.get(
    '/api/results/certificates/mine',
    { schema: { tags, summary: '我的证明: my events and matches, with the certificates issued' } },
    async (req) => myCertificates(db, requireActor(req)),
  );

  app.post(
    '/api/results/certificates',
    {
      schema: {
        tags,
        summary: 'Issue my certificate for an event or a match (again: the same one)',
        body: IssueInput,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const r = await runCommand(app, req, (ctx) => issueCertificate(ctx, req.body));
      reply.status(r.created ? 201 : 200);
      return presentCertificate(await loadCertificate(db, actor, r.id));
    },
  );

  app.get(
    '/api/results/certificates/:id/pdf',
    { schema: { tags, summary: "Download one's certificate as PDF", params: IdParams } },
    async (req, reply) => {
      const c = await loadCertificate(db, requireActor(req), req.params.id);
      reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${c.number}.pdf`)}`)
        .header('Cache-Control', 'private, no-store');
      return reply.send(await certificatePdf(c));
    },
  );
}
