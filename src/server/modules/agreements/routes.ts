import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toXlsx, xlsxFilename } from '../../core/excel.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { cancelAgreement, declineAgreement, signAgreement } from './signing.js';
import type { AgreementDeps } from './commands.js';
import { fileAgreement } from './filing.js';
import { loadAgreement } from './load.js';
import { presentAgreement } from './presenter.js';
import { listAgreements, RegisterQuery } from './register.js';
import { ChallengeAgreementBody, createForChallenge } from './subjects.js';
import { getTemplate, listTemplates, saveTemplateVersion, TemplateInput } from './templates.js';
import { AGREEMENT_STATE_LABELS, type AgreementState } from './workflow.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const SignBody = z.strictObject({
  password: z.string().min(1).max(200),
  documentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
const ReasonBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
const TemplateQuery = z.object({ key: z.string().max(40).optional() });

const china = (iso: string | null): string =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

/** 签署及备案: templates, the parties' documents, signing, filing, the register. */
export async function agreementRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements'];
  const db = app.deps.db;
  const deps: AgreementDeps = { db, storage: app.deps.storage, config: app.deps.config };
  const present = async (req: { actor: Parameters<typeof loadAgreement>[1] }, id: number) =>
    presentAgreement(db, req.actor, await loadAgreement(db, req.actor, id));

  app.get(
    '/api/agreement-templates',
    { schema: { tags, summary: 'Templates, every version (offices)', querystring: TemplateQuery } },
    async (req) => ({ items: await listTemplates(db, requireActor(req), req.query.key) }),
  );
  app.get(
    '/api/agreement-templates/:id',
    { schema: { tags, summary: 'One template version', params: IdParams } },
    async (req) => getTemplate(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/agreement-templates',
    {
      schema: {
        tags,
        summary: 'A new template, or a new version of a key (municipal office)',
        body: TemplateInput,
      },
    },
    async (req, reply) => {
      requireActor(req);
      const saved = await runCommand(app, req, (ctx) => saveTemplateVersion(ctx, req.body));
      reply.status(201);
      return saved;
    },
  );

  app.get(
    '/api/agreements/mine',
    { schema: { tags, summary: 'My agreements (a party’s)', querystring: RegisterQuery } },
    async (req) => listAgreements(db, requireActor(req), 'mine', req.query),
  );
  app.get(
    '/api/agreements/register',
    { schema: { tags, summary: 'The filing register (offices, by scope)', querystring: RegisterQuery } },
    async (req) => listAgreements(db, requireActor(req), 'register', req.query),
  );
  app.get(
    '/api/agreements/register/export.xlsx',
    {
      schema: { tags, summary: 'The filing register as Excel (filters applied)', querystring: RegisterQuery },
    },
    async (req, reply) => {
      const { items } = await listAgreements(db, requireActor(req), 'register', req.query, true);
      const buf = await toXlsx(
        '备案登记簿',
        [
          { header: '备案编号', width: 22, value: (r) => r.filingNumber ?? '' },
          { header: '文书编号', width: 20, value: (r) => r.number },
          { header: '文书名称', width: 30, value: (r) => r.title },
          { header: '模板版本', width: 18, value: (r) => `${r.templateKey} v${r.templateVersion}` },
          { header: '签署各方', width: 48, value: (r) => r.parties },
          { header: '区县', width: 14, value: (r) => r.regionName ?? '' },
          {
            header: '状态',
            width: 12,
            value: (r) => AGREEMENT_STATE_LABELS[r.state as AgreementState]?.['zh-CN'] ?? r.state,
          },
          { header: '备案时间', width: 18, value: (r) => china(r.filedAt) },
          { header: '生成时间', width: 18, value: (r) => china(r.createdAt) },
        ],
        items,
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename('备案登记簿'));
      return reply.send(buf);
    },
  );
  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'The office makes an agreement between a published posting’s poster and a taker',
        body: ChallengeAgreementBody,
      },
    },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) => createForChallenge(ctx, deps, req.body));
      reply.status(201);
      return present(req, id);
    },
  );
  app.get(
    '/api/agreements/:id',
    { schema: { tags, summary: 'One agreement with its parties, events and actions', params: IdParams } },
    async (req) => present(req, req.params.id),
  );
  app.get(
    '/api/agreements/:id/pdf',
    { schema: { tags, summary: 'The filed PDF (or, before filing, the signing copy)', params: IdParams } },
    async (req, reply) => {
      const a = await loadAgreement(db, requireActor(req), req.params.id);
      const data = await app.deps.storage.get(a.filedKey ?? a.documentKey);
      const name = `${a.number}${a.filedKey ? '-备案' : ''}.pdf`;
      reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('Cache-Control', 'private, no-store');
      return reply.send(data);
    },
  );
  app.post(
    '/api/agreements/:id/sign',
    { schema: { tags, summary: 'Sign (re-enter the password)', params: IdParams, body: SignBody } },
    async (req) => {
      requireActor(req);
      const res = await runCommand(app, req, (ctx) => signAgreement(ctx, deps, req.params.id, req.body));
      if (!res.ok) throw res.error;
      return present(req, req.params.id);
    },
  );
  app.post(
    '/api/agreements/:id/decline',
    { schema: { tags, summary: 'Decline with a reason', params: IdParams, body: ReasonBody } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => declineAgreement(ctx, req.params.id, req.body.reason));
      return present(req, req.params.id);
    },
  );
  app.post(
    '/api/agreements/:id/file',
    { schema: { tags, summary: 'File (备案): seal the PDF, give the filing number', params: IdParams } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => fileAgreement(ctx, deps, req.params.id));
      return present(req, req.params.id);
    },
  );
  app.post(
    '/api/agreements/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a document not yet filed (municipal office)',
        params: IdParams,
        body: ReasonBody,
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => cancelAgreement(ctx, req.params.id, req.body.reason));
      return present(req, req.params.id);
    },
  );
}
