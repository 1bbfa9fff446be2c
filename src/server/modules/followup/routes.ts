import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { xlsxFilename } from '../../core/excel.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import {
  MilestoneDoneInput,
  MilestoneInput,
  OutcomeReportInput,
  ProgressReportInput,
} from '../../../shared/followup/rules.js';
import { todayInChina } from '../../../shared/roles.js';
import { exportOutcomes } from './export.js';
import { addMilestone, editMilestone, markMilestone } from './milestones.js';
import { presentOutcome } from './outcome-presenter.js';
import {
  createOutcome,
  editOutcome,
  listOutcomes,
  ListOutcomesQuery,
  loadOutcome,
  transitionOutcome,
} from './outcomes.js';
import { listProjects, ListProjectsQuery, presentProject } from './presenter.js';
import { loadProject } from './projects.js';
import { addProgressReport, reportFile } from './reports.js';
import { OUTCOME_ACTIONS } from './workflow.js';

const Id = z.coerce.number().int().positive();
const IdParams = z.object({ id: Id });
const MilestoneParams = z.object({ id: Id, milestoneId: Id });
const FileParams = z.object({ id: Id, reportId: Id, fileId: Id });
const Revision = z.object({ revision: z.number().int().positive() });
const ActionParams = IdParams.extend({ action: z.enum(OUTCOME_ACTIONS) });
/** A plain download link cannot set Accept-Language: the page passes its language. */
const ExportQuery = ListOutcomesQuery.extend({ lang: z.enum(['zh-CN', 'en']).optional() });
const OpinionBody = z.object({ opinion: z.string().trim().max(2000).optional() });

/** 项目跟踪: followed projects, milestones, progress reports, outcome reports to the city. */
export async function followupRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['followup'];
  const db = app.deps.db;
  const project = async (actor: ReturnType<typeof requireActor>, id: number) =>
    presentProject(db, actor, await loadProject(db, actor, id));

  app.get(
    '/api/followup/projects',
    { schema: { tags, summary: 'Followed projects in scope', querystring: ListProjectsQuery } },
    async (req) => listProjects(db, requireActor(req), req.query),
  );

  app.get(
    '/api/followup/projects/:id',
    { schema: { tags, summary: 'A project: milestones, progress and outcome reports', params: IdParams } },
    async (req) => project(requireActor(req), req.params.id),
  );

  app.post(
    '/api/followup/projects/:id/milestones',
    { schema: { tags, summary: 'Add a milestone (parties)', params: IdParams, body: MilestoneInput } },
    async (req, reply) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => addMilestone(ctx, req.params.id, req.body));
      reply.status(201);
      return project(actor, req.params.id);
    },
  );

  app.put(
    '/api/followup/projects/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: 'Edit a milestone (parties)',
        params: MilestoneParams,
        body: MilestoneInput.extend(Revision.shape),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) =>
        editMilestone(ctx, req.params.id, req.params.milestoneId, req.body),
      );
      return project(actor, req.params.id);
    },
  );

  app.post(
    '/api/followup/projects/:id/milestones/:milestoneId/done',
    {
      schema: {
        tags,
        summary: 'Mark a milestone done (date, note) or reopen it (parties)',
        params: MilestoneParams,
        body: MilestoneDoneInput.extend(Revision.shape),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) =>
        markMilestone(ctx, req.params.id, req.params.milestoneId, req.body, todayInChina()),
      );
      return project(actor, req.params.id);
    },
  );

  app.post(
    '/api/followup/projects/:id/reports',
    {
      schema: {
        tags,
        summary: 'Add a progress report (parties)',
        params: IdParams,
        body: ProgressReportInput,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => addProgressReport(ctx, req.params.id, req.body));
      reply.status(201);
      return project(actor, req.params.id);
    },
  );

  app.get(
    '/api/followup/projects/:id/reports/:reportId/files/:fileId',
    { schema: { tags, summary: "Download a progress report's attachment", params: FileParams } },
    async (req, reply) => {
      const f = await reportFile(
        db,
        requireActor(req),
        req.params.id,
        req.params.reportId,
        req.params.fileId,
      );
      reply
        .type(f.mime)
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header('Cache-Control', 'private, no-store');
      return reply.send(await app.deps.storage.get(f.storage_key));
    },
  );

  app.post(
    '/api/followup/projects/:id/outcomes',
    {
      schema: {
        tags,
        summary: 'Draft an outcome report (district office)',
        params: IdParams,
        body: OutcomeReportInput,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await runCommand(app, req, (ctx) => createOutcome(ctx, req.params.id, req.body));
      reply.status(201);
      return presentOutcome(db, actor, await loadOutcome(db, actor, id));
    },
  );

  app.get(
    '/api/followup/outcomes',
    { schema: { tags, summary: 'Outcome reports in scope, with filters', querystring: ListOutcomesQuery } },
    async (req) => listOutcomes(db, requireActor(req), req.query),
  );

  app.get(
    '/api/followup/outcomes/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Outcome reports as Excel (municipal office)',
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? req.lang;
      const buf = await exportOutcomes(db, requireActor(req), req.query, lang);
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename(lang === 'en' ? 'outcome-reports' : '成果报告'));
      return reply.send(buf);
    },
  );

  app.get(
    '/api/followup/outcomes/:id',
    { schema: { tags, summary: 'One outcome report', params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      return presentOutcome(db, actor, await loadOutcome(db, actor, req.params.id));
    },
  );

  app.put(
    '/api/followup/outcomes/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft or returned report',
        params: IdParams,
        body: OutcomeReportInput.extend(Revision.shape),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => editOutcome(ctx, req.params.id, req.body));
      return presentOutcome(db, actor, await loadOutcome(db, actor, req.params.id));
    },
  );

  app.post(
    '/api/followup/outcomes/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Submit (district), acknowledge or return with a comment (city)',
        params: ActionParams,
        body: OpinionBody.optional(),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) =>
        transitionOutcome(ctx, req.params.id, req.params.action, req.body?.opinion ?? ''),
      );
      return presentOutcome(db, actor, await loadOutcome(db, actor, req.params.id));
    },
  );
}
