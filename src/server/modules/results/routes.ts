import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { xlsxFilename } from '../../core/excel.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { hitRateLimit } from '../../core/rate-limit.js';
import { AnnouncementInput, dateField } from '../../../shared/results/rules.js';
import { verifyCertificate } from './certificates.js';
import { createAnnouncement, editAnnouncement, transitionAnnouncement } from './announcements.js';
import { matchesInPeriod } from './matches.js';
import { loadAnnouncement, loadPublished, presentAnnouncement, presentPublic } from './presenter.js';
import {
  announcementPdf,
  exportAnnouncement,
  listAnnouncements,
  ListQuery,
  listPublic,
  PublicListQuery,
} from './queries.js';
import { authorizeType } from '../../policy/index.js';
import { ANNOUNCEMENT_ACTIONS } from './workflow.js';

const Id = z.coerce.number().int().positive();
const IdParams = z.object({ id: Id });
const ActionParams = IdParams.extend({ action: z.enum(ANNOUNCEMENT_ACTIONS) });
const OpinionBody = z.object({ opinion: z.string().trim().max(2000).optional() });
const CompileQuery = z
  .object({ from: dateField, to: dateField })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'period_order' });
const CodeParams = z.object({ code: z.string().trim().toUpperCase().max(32) });

const pdfFilename = (base: string): string => `inline; filename*=UTF-8''${encodeURIComponent(`${base}.pdf`)}`;

/** 揭榜成果公告: the office's console API, and the public list and detail (published only). */
export async function resultsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const db = app.deps.db;
  const one = async (actor: ReturnType<typeof requireActor>, id: number) =>
    presentAnnouncement(actor, await loadAnnouncement(db, actor, id));

  app.get(
    '/api/results/announcements',
    { schema: { tags, summary: 'Announcements in scope (offices)', querystring: ListQuery } },
    async (req) => listAnnouncements(db, requireActor(req), req.query),
  );

  app.get(
    '/api/results/compile',
    {
      schema: {
        tags,
        summary: 'The matches of a period not yet in a published announcement (to pre-fill a draft)',
        querystring: CompileQuery,
      },
    },
    async (req) => {
      authorizeType(requireActor(req), 'results_announcement', 'create');
      return { items: await matchesInPeriod(db, req.query.from, req.query.to) };
    },
  );

  app.post(
    '/api/results/announcements',
    { schema: { tags, summary: 'Draft an announcement (municipal office)', body: AnnouncementInput } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await runCommand(app, req, (ctx) => createAnnouncement(ctx, req.body));
      reply.status(201);
      return one(actor, id);
    },
  );

  app.get(
    '/api/results/announcements/:id',
    { schema: { tags, summary: 'One announcement with its items and actions', params: IdParams } },
    async (req) => one(requireActor(req), req.params.id),
  );

  app.put(
    '/api/results/announcements/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft (compare-and-set on the revision)',
        params: IdParams,
        body: AnnouncementInput.and(z.object({ revision: z.number().int().positive() })),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) => editAnnouncement(ctx, req.params.id, req.body));
      return one(actor, req.params.id);
    },
  );

  app.post(
    '/api/results/announcements/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Publish, or withdraw with a reason (municipal office)',
        params: ActionParams,
        body: OpinionBody.optional(),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await runCommand(app, req, (ctx) =>
        transitionAnnouncement(ctx, req.params.id, req.params.action, req.body?.opinion ?? ''),
      );
      return one(actor, req.params.id);
    },
  );

  app.get(
    '/api/results/announcements/:id/export.xlsx',
    { schema: { tags, summary: 'The items as Excel', params: IdParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const l = await loadAnnouncement(db, actor, req.params.id);
      const buf = await exportAnnouncement(actor, l, req.lang);
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename(req.lang === 'en' ? 'results' : '揭榜成果公告'));
      return reply.send(buf);
    },
  );

  app.get(
    '/api/results/announcements/:id/pdf',
    { schema: { tags, summary: 'The printable announcement (offices, any state)', params: IdParams } },
    async (req, reply) => {
      const l = await loadAnnouncement(db, requireActor(req), req.params.id);
      reply.type('application/pdf').header('Content-Disposition', pdfFilename(`揭榜成果公告-${l.a.id}`));
      return reply.send(await announcementPdf(l));
    },
  );

  // Public: published announcements only (a draft or a withdrawn one is 404), public facts only.
  app.get(
    '/api/public/results',
    {
      schema: { tags, summary: 'Published announcements (public)', querystring: PublicListQuery },
      config: { public: true },
    },
    async (req) => listPublic(db, req.query),
  );

  app.get(
    '/api/public/results/:id',
    {
      schema: { tags, summary: 'A published announcement (public)', params: IdParams },
      config: { public: true },
    },
    async (req) => presentPublic(await loadPublished(db, req.params.id)),
  );

  app.get(
    '/api/public/results/:id/pdf',
    {
      schema: { tags, summary: 'A published announcement as PDF (public)', params: IdParams },
      config: { public: true },
    },
    async (req, reply) => {
      const l = await loadPublished(db, req.params.id);
      reply.type('application/pdf').header('Content-Disposition', pdfFilename(`揭榜成果公告-${l.a.id}`));
      return reply.send(await announcementPdf(l));
    },
  );

  app.get(
    '/api/verify/certificates/:code',
    {
      schema: {
        tags,
        summary: 'Verify a certificate (证明) by its verification code (public)',
        params: CodeParams,
      },
      config: { public: true },
    },
    async (req) => {
      const ok = await db.transaction().execute((trx) => hitRateLimit(trx, `verify:${req.ip}`, 60_000, 60));
      if (!ok) throw new AppError('RATE_LIMITED');
      return verifyCertificate(db, req.params.code);
    },
  );
}
