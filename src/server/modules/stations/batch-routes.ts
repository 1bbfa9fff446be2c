import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { containsText, toInt } from '../../db/index.js';
import { authorize, authorizeType } from '../../policy/index.js';
import { addToBatch, closeBatch, createBatch } from './batches.js';
import { certificatePdf } from './pdf.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const CreateBody = z.object({ name: z.string().trim().min(1, 'required').max(100) });
const AddBody = z.object({ applicationIds: z.array(z.number().int().positive()).min(1).max(200) });
const PublicQuery = z.object({
  q: z.string().trim().max(64).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Certification batches (municipal office), the public station list and station certificates. */
export async function batchRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['certification'];

  /** Batches with their counts; one batch when `id` is given (404 when it does not exist). */
  const batches = async (id?: number) => {
    let q = app.deps.db
      .selectFrom('cert_batches as b')
      .leftJoin('station_applications as a', 'a.batch_id', 'b.id')
      .select(['b.id', 'b.name', 'b.state', 'b.created_at', 'b.closed_at'])
      .select((eb) => [
        eb.fn.count<number>('a.id').as('total'),
        eb.fn.sum<number>(eb.case().when('a.state', '=', 'recommended').then(1).else(0).end()).as('pending'),
      ])
      .groupBy(['b.id', 'b.name', 'b.state', 'b.created_at', 'b.closed_at'])
      .orderBy('b.id', 'desc');
    if (id !== undefined) q = q.where('b.id', '=', id);
    return (await q.execute()).map((r) => ({
      id: r.id,
      name: r.name,
      state: r.state,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      total: toInt(r.total),
      pending: toInt(r.pending),
    }));
  };

  app.get('/api/cert-batches', { schema: { tags, summary: 'Certification batches' } }, async (req) => {
    authorizeType(requireActor(req), 'cert_batch', 'manage');
    return { items: await batches() };
  });

  app.get(
    '/api/cert-batches/:id',
    { schema: { tags, summary: 'One certification batch', params: IdParams } },
    async (req) => {
      authorizeType(requireActor(req), 'cert_batch', 'manage');
      const [batch] = await batches(req.params.id);
      if (!batch) throw new AppError('NOT_FOUND');
      return batch;
    },
  );

  app.post(
    '/api/cert-batches',
    { schema: { tags, summary: 'Open a batch', body: CreateBody } },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) => createBatch(ctx, req.body.name));
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/cert-batches/:id/applications',
    { schema: { tags, summary: 'Add recommended applications', params: IdParams, body: AddBody } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => addToBatch(ctx, req.params.id, req.body.applicationIds));
      return { ok: true };
    },
  );

  app.post(
    '/api/cert-batches/:id/close',
    { schema: { tags, summary: 'Close a batch (all decided)', params: IdParams } },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => closeBatch(ctx, req.params.id));
      return { ok: true };
    },
  );

  app.get(
    '/api/stations/public',
    {
      schema: { tags, summary: 'Certified stations (public)', querystring: PublicQuery },
      config: { public: true },
    },
    async (req) => {
      const { q, regionId, page, pageSize } = req.query;
      let query = app.deps.db
        .selectFrom('stations as s')
        .innerJoin('units as u', 'u.id', 's.unit_id')
        .innerJoin('regions as r', 'r.id', 's.region_id');
      if (regionId) query = query.where('s.region_id', '=', regionId);
      if (q) query = query.where(containsText('u.name', q));
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select([
          's.id',
          's.number',
          's.status',
          's.level',
          's.national_cultivation',
          's.certified_at',
          'u.name as unit_name',
          'r.name as region_name',
        ])
        .orderBy('s.certified_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        total: toInt(n),
        page,
        pageSize,
        items: rows.map((r) => ({
          id: r.id,
          number: r.number,
          status: r.status,
          level: r.level,
          nationalCultivation: r.national_cultivation === 1,
          certifiedAt: r.certified_at,
          unitName: r.unit_name,
          regionName: r.region_name,
        })),
      };
    },
  );

  app.get(
    '/api/stations/:id/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'Certificate of a station (its unit, its district, the city)',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const s = await app.deps.db
        .selectFrom('stations as s')
        .innerJoin('units as u', 'u.id', 's.unit_id')
        .innerJoin('regions as r', 'r.id', 's.region_id')
        .select([
          's.number',
          's.unit_id',
          's.region_id',
          's.certified_at',
          'u.name as unit_name',
          'r.name as region_name',
        ])
        .where('s.id', '=', req.params.id)
        .executeTakeFirst();
      if (!s) throw new AppError('NOT_FOUND');
      authorize(actor, 'station', 'view', { id: req.params.id, unitId: s.unit_id, regionId: s.region_id });
      const pdf = await certificatePdf({
        number: s.number,
        unitName: s.unit_name,
        region: s.region_name,
        certifiedAt: s.certified_at,
      });
      reply
        .type('application/pdf')
        .header(
          'Content-Disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(`认定证书-${s.number}.pdf`)}`,
        );
      return reply.send(Buffer.from(pdf));
    },
  );
}
