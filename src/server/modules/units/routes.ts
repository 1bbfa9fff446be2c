import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor } from '../../core/http/request.js';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import {
  allowedActions,
  authorize,
  authorizeType,
  regionScope,
  type MaybeActor,
} from '../../policy/index.js';

const ListUnitsQuery = z.object({
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });

async function presentUnits(db: DbOrTrx, viewer: MaybeActor, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .innerJoin('regions', 'regions.id', 'units.region_id')
    .selectAll('units')
    .select(['regions.name as region_name'])
    .where('units.id', 'in', ids)
    .orderBy('units.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unitType: r.unit_type,
    creditCode: r.credit_code,
    registrationDate: r.registration_date,
    region: { id: r.region_id, name: r.region_name },
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    createdAt: r.created_at,
    actions: allowedActions(viewer, 'unit', { id: r.id, regionId: r.region_id }),
  }));
}

/** Registered units, scoped by the policy: a district office sees its district, the city sees all. */
export async function unitRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/units',
    { schema: { tags: ['units'], summary: 'Units in the caller’s scope', querystring: ListUnitsQuery } },
    async (req) => {
      const actor = requireActor(req);
      authorizeType(actor, 'unit', 'list');
      const scope = regionScope(actor);
      if (scope === 'none') throw new AppError('FORBIDDEN');
      const { q, page, pageSize } = req.query;
      let query = app.deps.db.selectFrom('units');
      if (scope !== null) query = query.where('region_id', '=', scope);
      if (q) query = query.where((eb) => eb.or([containsText('name', q), containsText('credit_code', q)]));
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const ids = await query
        .select('id')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        items: await presentUnits(
          app.deps.db,
          actor,
          ids.map((r) => r.id),
        ),
        total: toInt(n),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/units/:id',
    { schema: { tags: ['units'], summary: 'One unit', params: IdParams } },
    async (req) => {
      const actor = requireActor(req);
      const unit = await app.deps.db
        .selectFrom('units')
        .select(['id', 'region_id'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!unit) throw new AppError('NOT_FOUND');
      authorize(actor, 'unit', 'view', { id: unit.id, regionId: unit.region_id });
      const [view] = await presentUnits(app.deps.db, actor, [unit.id]);
      return view;
    },
  );
}
