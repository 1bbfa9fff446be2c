import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toXlsx, xlsxFilename } from '../../core/excel.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { ApplicationForm } from '../../../shared/stations/form.js';
import { APPLICATION_STATE_LABELS } from '../../../shared/labels.js';
import { attachSealedScan, createApplication, saveForm, transition } from './commands.js';
import { listApplications, ListApplicationsQuery } from './list.js';
import { loadApplication } from './load.js';
import { applicationPdf } from './pdf.js';
import { presentApplication } from './presenter.js';
import { APPLICATION_ACTIONS, APPLICATION_WORKFLOW } from './workflow.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const ActionParams = IdParams.extend({ action: z.enum(APPLICATION_ACTIONS) });
const SaveBody = z.object({ form: ApplicationForm, revision: z.number().int().positive() });
const ScanBody = z.object({ fileId: z.number().int().positive() });
const DecisionBody = z.object({
  opinion: z.string().trim().max(2000).optional(),
  flagged: z.array(z.string().max(64)).max(20).optional(),
});

/** Station applications (设站申报): form, printable PDF, workflow, queues and their Excel export. */
export async function applicationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['station applications'];

  app.get(
    '/api/station-applications/workflow',
    { schema: { tags, summary: 'The transition table' } },
    async () => ({
      transitions: APPLICATION_WORKFLOW,
    }),
  );

  app.get(
    '/api/station-applications',
    {
      schema: { tags, summary: 'My queue (scoped by role and district)', querystring: ListApplicationsQuery },
    },
    async (req) => listApplications(app.deps.db, requireActor(req), req.query),
  );

  app.get(
    '/api/station-applications/export.xlsx',
    { schema: { tags, summary: 'The queue as Excel (filters applied)', querystring: ListApplicationsQuery } },
    async (req, reply) => {
      const { items } = await listApplications(app.deps.db, requireActor(req), req.query, true);
      const buf = await toXlsx(
        '设站申请',
        [
          { header: '申请编号', width: 10, value: (r) => r.id },
          { header: '单位名称', width: 32, value: (r) => r.unitName },
          { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
          { header: '区县', width: 14, value: (r) => r.regionName },
          {
            header: '状态',
            width: 14,
            value: (r) => APPLICATION_STATE_LABELS[r.state]?.['zh-CN'] ?? r.state,
          },
          {
            header: '提交时间',
            width: 20,
            value: (r) => r.submittedAt?.slice(0, 16).replace('T', ' ') ?? '',
          },
          { header: '最近意见', width: 40, value: (r) => r.lastOpinion },
        ],
        items,
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename('设站申请'));
      return reply.send(buf);
    },
  );

  app.post(
    '/api/station-applications',
    { schema: { tags, summary: 'Start an application (unit)' } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await runCommand(app, req, (ctx) => createApplication(ctx));
      reply.status(201);
      return presentApplication(app.deps.db, actor, await loadApplication(app.deps.db, actor, id));
    },
  );

  app.get(
    '/api/station-applications/:id',
    {
      schema: { tags, summary: 'One application with evidence, eligibility and timeline', params: IdParams },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentApplication(app.deps.db, actor, await loadApplication(app.deps.db, actor, req.params.id));
    },
  );

  app.put(
    '/api/station-applications/:id/form',
    {
      schema: {
        tags,
        summary: 'Save the form (autosave; compare-and-set on revision)',
        params: IdParams,
        body: SaveBody,
      },
    },
    async (req) => {
      requireActor(req);
      const revision = await runCommand(app, req, (ctx) =>
        saveForm(ctx, req.params.id, req.body.form, req.body.revision),
      );
      return { revision };
    },
  );

  app.post(
    '/api/station-applications/:id/sealed-scan',
    {
      schema: {
        tags,
        summary: 'Attach the sealed scan of the printed form',
        params: IdParams,
        body: ScanBody,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => attachSealedScan(ctx, req.params.id, req.body.fileId));
      return presentApplication(app.deps.db, actor, await loadApplication(app.deps.db, actor, req.params.id));
    },
  );

  app.post(
    '/api/station-applications/:id/actions/:action',
    { schema: { tags, summary: 'Take a workflow action', params: ActionParams, body: DecisionBody } },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => transition(ctx, req.params.id, req.params.action, req.body ?? {}));
      return presentApplication(app.deps.db, actor, await loadApplication(app.deps.db, actor, req.params.id));
    },
  );

  app.get(
    '/api/station-applications/:id/pdf',
    { schema: { tags, summary: 'The printable application form (申报表)', params: IdParams } },
    async (req, reply) => {
      const record = await loadApplication(app.deps.db, requireActor(req), req.params.id);
      const pdf = await applicationPdf(app.deps.db, record);
      reply
        .type('application/pdf')
        .header(
          'Content-Disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(`设站申报表-${record.id}.pdf`)}`,
        );
      return reply.send(Buffer.from(pdf));
    },
  );
}
